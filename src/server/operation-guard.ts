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

/**
 * Parsed and validated documents by their text, per schema and rule set: ten thousand widgets
 * subscribing with the same document share one AST instead of holding ten thousand copies.
 */
const MAX_CACHED_DOCUMENTS = 500;
const documentCache = new WeakMap<
  GraphQLSchema,
  WeakMap<readonly ValidationRule[], Map<string, DocumentNode>>
>();

function validatedDocuments(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
): Map<string, DocumentNode> {
  let bySchema = documentCache.get(schema);
  if (!bySchema) documentCache.set(schema, (bySchema = new WeakMap()));
  let docs = bySchema.get(rules);
  if (!docs) bySchema.set(rules, (docs = new Map()));
  return docs;
}

function remember(docs: Map<string, DocumentNode>, text: string, document: DocumentNode): void {
  if (docs.size >= MAX_CACHED_DOCUMENTS) docs.delete(docs.keys().next().value as string);
  docs.set(text, document);
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
  let document = validatedDocuments(schema, rules).get(payload.query);
  if (!document) {
    try {
      document = parse(payload.query, { maxTokens: DEFAULT_LIMITS.maxTokens });
    } catch (e) {
      return [e instanceof GraphQLError ? e : new GraphQLError('Syntax error')];
    }
    const errors = validate(schema, document, rules);
    if (errors.length) return errors.slice(0, 5);
    remember(validatedDocuments(schema, rules), payload.query, document);
  }
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    return [new GraphQLError('Operation not found', { extensions: { code: 'BAD_USER_INPUT' } })];
  }
  const variables = payload.variables ?? undefined;
  const over = checkOperationLimits(schema, document, operation, variables);
  if (over.length) return over;
  return { document, operation, variables };
}
