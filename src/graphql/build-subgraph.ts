// The hub as an Apollo Federation 2 subgraph, built from the same type-graphql resolvers as the
// standalone schema (type-graphql's apollo-federation-2 example): build, print with directives,
// add @link, @key and @shareable and drop node()/nodes(), then buildSubgraphSchema with the
// resolvers of the built schema plus reference resolvers. The standalone schema
// (schema/schema.graphql) is not touched by any of it.
import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  ConstDirectiveNode,
  DocumentNode,
  execute,
  GraphQLSchema,
  InterfaceTypeDefinitionNode,
  Kind,
  lexicographicSortSchema,
  ObjectTypeDefinitionNode,
  parse,
  visit,
} from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { MODULES } from '../modules';
import type { HubContext } from './context';
import { BadUserInputError } from './errors';
import { decodeGlobalId, NodeTypeName } from './global-id';
import { describeRootTypes, hubSchemaOptions } from './build-schema';
import { fetchNodeByType } from './node.resolver';

export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.3';

/**
 * Entities, keyed by their global id, and the node type each id must decode to: what the
 * modules' node types declare as `entities` (Actor: the entity interface and its five kinds).
 */
export const ENTITY_NODE_TYPES: Readonly<Record<string, NodeTypeName>> = Object.fromEntries(
  MODULES.flatMap((m) =>
    m.nodeTypes.flatMap((n) => (n.entities ?? []).map((typename) => [typename, n.name] as const)),
  ),
);

/**
 * Loads a representation `{ __typename, id }` through the request's loaders with the rules of
 * node(): what the caller may not see, what does not exist and ids of another type are null.
 */
export async function resolveEntityReference(
  typename: string,
  reference: { id?: unknown },
  ctx: HubContext,
): Promise<object | null> {
  const nodeType = ENTITY_NODE_TYPES[typename];
  const decoded = typeof reference.id === 'string' ? decodeGlobalId(reference.id) : null;
  if (!nodeType || !decoded || decoded.type !== nodeType) return null;
  const found = await fetchNodeByType(ctx, nodeType, decoded.id);
  if (!found) return null;
  // An entity named after its node type takes every kind of it (Actor, the interface); any
  // other must be that kind: a Club id asked for as a School is not a School.
  if (typename !== nodeType && (found as { __typename?: string }).__typename !== typename) {
    return null;
  }
  return found;
}

const directive = (name: string, fields?: string): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: name },
  arguments: fields
    ? [
        {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'fields' },
          value: { kind: Kind.STRING, value: fields },
        },
      ]
    : [],
});

/**
 * Value types every Relay or geo service defines the same way: `@shareable`, so a second
 * subgraph with its own PageInfo (or GeoPoint, ContactInfo) composes with the hub (Apollo's
 * TN0029 on Relay connections). The hub's own result types (NetworkStats, NeedMatch, Viewer,
 * the connections and edges of its nodes) stay unshared: another service using one of those
 * names means something else, and composition should say so instead of merging them.
 */
export const SHAREABLE_VALUE_TYPES: readonly string[] = ['PageInfo', 'GeoPoint', 'ContactInfo'];

/**
 * Root fields kept out of the subgraph. A field several subgraphs resolve must resolve to the
 * same value in each (Apollo: apollographql/federation#1375); the hub's node() knows only hub
 * ids, another service's only its own, so neither a shared nor a hub-only `node` answers for
 * the supergraph. Global object lookup belongs to the gateway (README, Federation).
 */
export const STANDALONE_ONLY_QUERY_FIELDS: readonly string[] = ['node', 'nodes'];

/**
 * The printed standalone SDL as a subgraph: `@key(fields: "id")` on each entity, `@shareable`
 * on the value types, no node()/nodes(), and the federation @link.
 */
export function subgraphTypeDefs(sdl: string): DocumentNode {
  const withDirectives = (node: ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode) => {
    const name = node.name.value;
    const added = [
      ...(name in ENTITY_NODE_TYPES ? [directive('key', 'id')] : []),
      ...(SHAREABLE_VALUE_TYPES.includes(name) ? [directive('shareable')] : []),
    ];
    return added.length ? { ...node, directives: [...(node.directives ?? []), ...added] } : node;
  };
  const subgraph = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== 'Query') return withDirectives(node);
      return {
        ...node,
        fields: node.fields?.filter((f) => !STANDALONE_ONLY_QUERY_FIELDS.includes(f.name.value)),
      };
    },
    InterfaceTypeDefinition: withDirectives,
  });
  const link = parse(
    `extend schema @link(url: "${FEDERATION_LINK}", import: ["@key", "@shareable"])`,
  );
  return { kind: Kind.DOCUMENT, definitions: [...link.definitions, ...subgraph.definitions] };
}

/**
 * Why a representation cannot name an entity of this subgraph, or null when it can. `_entities`
 * takes `_Any`, so nothing checks a representation before its resolver does; an id that names
 * nothing (or nothing the caller may see) is not a mistake of form and resolves to null.
 */
export function representationProblem(representation: unknown): string | null {
  if (
    typeof representation !== 'object' ||
    representation === null ||
    Array.isArray(representation)
  ) {
    return 'is not an object: send { __typename, id }';
  }
  const typename = (representation as Record<string, unknown>).__typename;
  if (typename === undefined) return 'has no __typename';
  if (typeof typename !== 'string') return 'has a __typename that is not a string';
  if (!Object.hasOwn(ENTITY_NODE_TYPES, typename)) {
    return `names "${typename}", which is not an entity of this subgraph (entities: ${Object.keys(ENTITY_NODE_TYPES).join(', ')})`;
  }
  if (!('id' in representation)) return 'has no id, the key field of every entity';
  return null;
}

/**
 * `_entities` with one error per malformed representation (BAD_USER_INPUT, its index in
 * `extensions.index` and in the path) instead of Apollo's one thrown error for the whole batch:
 * the good representations still resolve.
 */
function withRepresentationErrors(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('the subgraph schema has no Query._entities');
  field.resolve = (source, args: { representations: unknown[] }, ctx, info) => {
    const problems = args.representations.map(representationProblem);
    const good = args.representations.filter((_, i) => problems[i] === null);
    const resolved = resolve(source, { ...args, representations: good }, ctx, info) as unknown[];
    let next = 0;
    return problems.map((problem, index) =>
      problem === null
        ? resolved[next++]
        : new BadUserInputError(`representations[${index}] ${problem}`, 'representations', {
            index,
          }),
    );
  };
  return schema;
}

let cached: Promise<GraphQLSchema> | null = null;

/** The executable subgraph schema served at /subgraph; built once per process. */
export function buildHubSubgraphSchema(): Promise<GraphQLSchema> {
  cached ??= (async () => {
    // skipCheck because the federation types come later.
    const schema = describeRootTypes(await buildSchema({ ...hubSchemaOptions(), skipCheck: true }));
    const typeDefs = subgraphTypeDefs(printSchemaWithDirectives(lexicographicSortSchema(schema)));
    const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
    for (const field of STANDALONE_ONLY_QUERY_FIELDS) delete resolvers.Query[field];
    for (const typename of Object.keys(ENTITY_NODE_TYPES)) {
      resolvers[typename] = {
        ...resolvers[typename],
        __resolveReference: (reference: { id?: unknown }, ctx: HubContext) =>
          resolveEntityReference(typename, reference, ctx),
      };
    }
    return withRepresentationErrors(
      buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }),
    );
  })();
  return cached;
}

/** Exactly the SDL `_service { sdl }` answers, committed as schema/subgraph.graphql. */
export async function printHubSubgraphSchema(): Promise<string> {
  const result = await execute({
    schema: await buildHubSubgraphSchema(),
    document: parse('{ _service { sdl } }'),
  });
  const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return sdl.trimEnd() + '\n';
}
