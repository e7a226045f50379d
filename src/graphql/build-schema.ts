import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
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

/** The hub's executable schema; built once per process. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema(hubSchemaOptions());
  return cached;
}

/** The SDL committed as schema/schema.graphql. */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
