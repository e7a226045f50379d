// The one error shape of the transports outside Apollo (WebSocket, SSE, multipart), made the way
// Apollo makes it on HTTP: `extensions.http` only sets the status and never reaches the client,
// an error without a code is INTERNAL_SERVER_ERROR, and then the hub's one error mapping.
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, makeFormatError } from '../graphql/errors';
import type { Logger } from './logger';

export type TransportErrorFormatter = (error: GraphQLError) => GraphQLFormattedError;

export function transportErrorFormatter(log: Logger, what: string): TransportErrorFormatter {
  const format = makeFormatError((err, path) => log.error({ err, path }, what));
  return (error) => {
    const { http: _http, ...extensions } = error.extensions ?? {};
    const formatted: GraphQLFormattedError = {
      ...error.toJSON(),
      extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' },
    };
    // An error a stream threw (graphql-ws wraps it without a path) is mapped by what it wraps.
    const original =
      !error.path && error.originalError instanceof DomainError ? error.originalError : error;
    return format(formatted, original);
  };
}

/**
 * The HTTP status of a refused streaming request: the one the error asks for
 * (`extensions.http.status`: 401, 403, 429, ...), 400 when it asks for none or for a success.
 */
export function refusalStatus(errors: readonly GraphQLError[]): number {
  for (const e of errors) {
    const status = (e.extensions?.http as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && status >= 400) return status;
  }
  return 400;
}

/** A failed sign-in: 401 UNAUTHENTICATED (503 when the database could not be asked). */
export function authFailure(e: unknown): GraphQLError {
  if (e instanceof DomainError) {
    const status =
      e.code === 'UNAUTHENTICATED' ? 401 : e.code === 'SERVICE_UNAVAILABLE' ? 503 : 400;
    return new GraphQLError(e.message, { extensions: { code: e.code, http: { status } } });
  }
  return new GraphQLError('Authentication failed', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** The status and body of a failed sign-in on the streaming transports. */
export function authRefusal(e: unknown): { status: number; errors: GraphQLFormattedError[] } {
  const error = authFailure(e);
  const status = (error.extensions.http as { status: number }).status;
  return {
    status,
    errors: [{ message: error.message, extensions: { code: error.extensions.code } }],
  };
}
