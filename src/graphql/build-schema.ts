import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, OperationTypeNode, printSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, BuildSchemaOptions } from 'type-graphql';
import { authChecker } from './auth-checker';
import { RESOLVERS } from './resolvers';
import { DateTimeScalar } from './scalars';

let cached: Promise<GraphQLSchema> | null = null;

/** The type-graphql options of every schema the hub builds (standalone and subgraph). */
export function hubSchemaOptions(): BuildSchemaOptions {
  return {
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Required by type-graphql once a schema has subscriptions; needEvents brings its own
    // iterator (src/events/need-event.stream.ts), so nothing is ever published here.
    pubSub: createPubSub(),
  };
}

/** Descriptions of the root types, which type-graphql's decorators cannot give. */
const ROOT_DESCRIPTIONS = {
  query: 'Reads: regions, actors, cooperations, needs (Bedarfe), offers (Angebote) and the graph.',
  mutation: "Changes, each checked against the caller's rights and written to the audit log.",
  subscription: 'Live updates over WebSocket (graphql-transport-ws) or server-sent events.',
} as const;

/** Gives the root types of a built schema their descriptions (standalone and subgraph). */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const [operation, description] of Object.entries(ROOT_DESCRIPTIONS)) {
    const type = schema.getRootType(operation as OperationTypeNode);
    if (type) type.description = description;
  }
  return schema;
}

/** The hub's executable schema; built once per process. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema(hubSchemaOptions()).then(describeRootTypes);
  return cached;
}

/** The SDL committed as schema/schema.graphql. */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
