import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { MODULES } from '../modules';
import type { NodeType } from '../modules/define-module';
import { HubContext } from './context';
import { BadUserInputError } from './errors';
import { decodeGlobalId, NodeTypeName } from './global-id';
import { Node } from './relay.types';

let byName: ReadonlyMap<string, NodeType> | undefined;

/** The node types of every module by name (built on first use, once MODULES has loaded). */
function nodeType(name: string): NodeType | undefined {
  byName ??= new Map(MODULES.flatMap((m) => m.nodeTypes.map((n) => [n.name, n] as const)));
  return byName.get(name);
}

/**
 * Relay `node`/`nodes`. Each type loads through its module's fetcher, with the same visibility
 * rules as its own queries; what cannot be fetched (unknown, malformed, not visible) is null.
 */
async function fetchNode(ctx: HubContext, globalId: string): Promise<object | null> {
  const decoded = decodeGlobalId(globalId);
  return decoded ? fetchNodeByType(ctx, decoded.type, decoded.id) : null;
}

/** One node by type and database id, or null; node() and federation's `_entities` share it. */
export async function fetchNodeByType(
  ctx: HubContext,
  type: NodeTypeName,
  id: number,
): Promise<object | null> {
  return (await nodeType(type)?.fetch(ctx, id)) ?? null;
}

/**
 * What a person calls the node with this global id (NodeType.displayName), if it exists, the
 * caller may see it and its type has such a name; null otherwise.
 */
export async function nodeDisplayName(ctx: HubContext, globalId: string): Promise<string | null> {
  const decoded = decodeGlobalId(globalId);
  const type = decoded ? nodeType(decoded.type) : undefined;
  if (!decoded || !type?.displayName) return null;
  const node = await type.fetch(ctx, decoded.id);
  return node ? type.displayName(node) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its global id (Relay); null when it does not exist or is not visible to the caller.',
  })
  node(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the object.' }) id: string,
  ): Promise<object | null> {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Objects by their global ids, in the order given; null for each that is missing or hidden.',
  })
  nodes(
    @Ctx() ctx: HubContext,
    @Arg('ids', () => [ID], { description: 'Global ids, at most 100.' }) ids: string[],
  ): Promise<(object | null)[]> {
    if (ids.length > 100) throw new BadUserInputError('nodes takes at most 100 ids', 'ids');
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}
