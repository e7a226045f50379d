// One preparation path for operations that arrive outside Apollo (WebSocket and SSE): the
// guards (rate limits, trusted documents), the token cap, validation and the depth/alias/cost
// limits with the variables known. Nothing executes when any of them refuses.
import {
  DocumentNode,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
  parse,
  validate,
  ValidationRule,
} from 'graphql';
import { checkOperationLimits, DEFAULT_LIMITS } from '../graphql/operation-limits';
import type { Services } from '../graphql/services';
import type { Viewer } from '../graphql/viewer';
import { rateLimitGuard } from './apollo-plugins';
import { TrustedDocuments, trustedDocumentsGuard } from './trusted-documents';

export interface OperationPayload {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/** Checks an operation before it runs (trusted documents, rate limits, ...). */
export type OperationGuard = (input: {
  viewer: Viewer;
  payload: OperationPayload;
}) => Promise<GraphQLError | void> | GraphQLError | void;

/** The guards every non-Apollo path applies, in order. */
export function operationGuards(services: Services): OperationGuard[] {
  return [
    rateLimitGuard(services.rateLimiter),
    trustedDocumentsGuard(new TrustedDocuments(services.config.publicOperations)),
  ];
}

export interface PreparedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
}

export async function prepareOperation(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
  guards: readonly OperationGuard[],
  viewer: Viewer,
  payload: OperationPayload,
): Promise<PreparedOperation | GraphQLError[]> {
  for (const guard of guards) {
    const refused = await guard({ viewer, payload });
    if (refused) return [refused];
  }
  if (typeof payload.query !== 'string' || payload.query.trim() === '') {
    return [new GraphQLError('A query is required', { extensions: { code: 'BAD_REQUEST' } })];
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: DEFAULT_LIMITS.maxTokens });
  } catch (e) {
    return [e instanceof GraphQLError ? e : new GraphQLError('Syntax error')];
  }
  const errors = validate(schema, document, rules);
  if (errors.length) return errors.slice(0, 5);
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    return [new GraphQLError('Operation not found', { extensions: { code: 'BAD_USER_INPUT' } })];
  }
  const variables = payload.variables ?? undefined;
  const over = checkOperationLimits(schema, document, operation, variables);
  if (over.length) return over;
  return { document, operation, variables };
}
