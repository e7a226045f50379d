// Every resolver class of the schema: node()/nodes() and each module's, in MODULES order. Each is
// @Authorized() unless it is deliberately public; test/access/public-resolvers.test.ts lists the
// public ones.
import { NonEmptyArray } from 'type-graphql';
import { MODULES } from '../modules';
import { NodeResolver } from './node.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  ...MODULES.flatMap((m) => m.resolvers),
];
