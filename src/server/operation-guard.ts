// One preparation path for operations that arrive outside Apollo (WebSocket and SSE): the
// guards (rate limits, trusted documents), the token cap, validation and the depth/alias/cost
// limits with the variables known. Nothing executes when any of them refuses.
import {
  DocumentNode,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
  validate,
  ValidationRule,
} from 'graphql';
import { checkInputText } from '../graphql/input-text';
import { checkOperationLimits, DEFAULT_LIMITS, FieldCosts } from '../graphql/operation-limits';
import type { Services } from '../graphql/services';
import { Role, type Viewer } from '../graphql/viewer';
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

/** The error with a code, keeping its message and locations (Apollo's codes for the same cases). */
function withCode(e: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(e.message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    path: e.path,
    originalError: e.originalError,
    extensions: { ...e.extensions, code },
  });
}

/** The operation to run, or graphql-js's own message (which Apollo answers over HTTP). */
function selectOperation(
  document: DocumentNode,
  name: string | null | undefined,
): OperationDefinitionNode | GraphQLError {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const found = name ? operations.find((o) => o.name?.value === name) : operations[0];
  if (found && (name || operations.length === 1)) return found;
  const message = name
    ? `Unknown operation named "${name}".`
    : operations.length > 1
      ? 'Must provide operation name if query contains multiple operations.'
      : 'Must provide an operation.';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
}

export async function prepareOperation(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
  guards: readonly OperationGuard[],
  viewer: Viewer,
  payload: OperationPayload,
  costs?: FieldCosts,
): Promise<PreparedOperation | GraphQLError[]> {
  for (const guard of guards) {
    const refused = await guard({ viewer, payload });
    if (refused) return [refused];
  }
  if (typeof payload.query !== 'string') {
    return [
      new GraphQLError(
        'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
        { extensions: { code: 'BAD_REQUEST' } },
      ),
    ];
  }
  if (payload.query.trim() === '') {
    return [new GraphQLError('The query is empty', { extensions: { code: 'BAD_REQUEST' } })];
  }
  let document = validatedDocuments(schema, rules).get(payload.query);
  if (!document) {
    try {
      document = parse(payload.query, { maxTokens: DEFAULT_LIMITS.maxTokens });
    } catch (e) {
      const error = e instanceof GraphQLError ? e : new GraphQLError('Syntax error');
      return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
    }
    const errors = validate(schema, document, rules);
    if (errors.length) {
      return errors.slice(0, 5).map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
    }
    remember(validatedDocuments(schema, rules), payload.query, document);
  }
  const operation = selectOperation(document, payload.operationName);
  if (operation instanceof GraphQLError) return [operation];
  const variables = payload.variables ?? undefined;
  const badText = checkInputText(document, variables);
  if (badText.length) return badText;
  // Coerced here (and again by execute) so that a bad variable is BAD_USER_INPUT, as over HTTP.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: 5,
  });
  if (coerced.errors) return coerced.errors.map((e) => withCode(e, 'BAD_USER_INPUT'));
  const over = checkOperationLimits(schema, document, operation, variables, DEFAULT_LIMITS, {
    costs,
    refuseNestedTraversals: viewer.role === Role.PUBLIC,
  });
  if (over.length) return over;
  return { document, operation, variables };
}
