import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { HubContext } from './context';
import { BadUserInputError } from './errors';
import { decodeGlobalId, NodeTypeName } from './global-id';
import { Node } from './relay.types';
import { canReadCooperation } from '../modules/cooperations/cooperation.permissions';
import { visibleNeed, visiblePledge } from '../modules/needs/need-access';
import { canSeeVisibility } from '../modules/shared/visibility';

/**
 * Relay `node`/`nodes`. Each type loads through its DataLoader and the same visibility rules as
 * its own queries; what cannot be fetched (unknown, malformed, not visible) is null.
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
  const l = ctx.loaders;
  switch (type) {
    case 'Region':
      return l.region.load(id);
    case 'Actor':
      // Actors are public records (organisations and roles): visible to everyone.
      return l.actor.load(id);
    case 'Cooperation': {
      const c = await l.cooperation.load(id);
      return c && canReadCooperation(ctx.viewer, c.status) ? c : null;
    }
    case 'Need':
      return visibleNeed(ctx, id);
    case 'Pledge':
      // Only the need's editors and coordinators, and the pledging actor's editors.
      return visiblePledge(ctx, id);
    case 'Offer': {
      const o = await l.offer.load(id);
      return o && canSeeVisibility(ctx.viewer, o.visibility) ? o : null;
    }
    default:
      return null;
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string): Promise<object | null> {
    return fetchNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items' })
  nodes(@Ctx() ctx: HubContext, @Arg('ids', () => [ID]) ids: string[]): Promise<(object | null)[]> {
    if (ids.length > 100) throw new BadUserInputError('nodes takes at most 100 ids', 'ids');
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}
