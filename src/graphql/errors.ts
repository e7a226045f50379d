// Domain errors with stable codes, thrown by services; `formatError` is the one place that turns
// them (and everything unexpected) into what a client sees.
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CURSOR_EXPIRED'
  | 'CURSOR_INVALID'
  | 'SUBSCRIBER_TOO_SLOW'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, field?: string, extra: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, field ? { field, ...extra } : extra);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`, id ? { id } : {});
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests, retry in ${retryAfterSeconds} s`, {
      retryAfter: retryAfterSeconds,
    });
  }
}
export class CursorExpiredError extends DomainError {
  constructor(
    message = 'This cursor is older than the event retention window; reload and resubscribe',
  ) {
    super('CURSOR_EXPIRED', message);
  }
}

/**
 * A well-formed cursor of a position the log never reached: not one this hub handed out (made
 * up, or from a database that was reset). Accepting it would wait for that position in silence.
 */
export class CursorInvalidError extends DomainError {
  constructor(
    message = 'This cursor lies beyond the end of the event log; reload and subscribe again without `after`',
  ) {
    super('CURSOR_INVALID', message, { field: 'after' });
  }
}

/** A subscriber that does not read its events as fast as they come is dropped, not buffered. */
export class SubscriberTooSlowError extends DomainError {
  constructor(maxQueued: number) {
    super(
      'SUBSCRIBER_TOO_SLOW',
      `This subscriber fell more than ${maxQueued} events behind and was dropped; subscribe again ` +
        'with `after` set to the last cursor it received',
      { maxQueued },
    );
  }
}

/**
 * A request that outlasted its time budget (HUB_REQUEST_TIMEOUT_MS): its statements were
 * cancelled and nothing more of it runs.
 */
export class RequestTimeoutError extends DomainError {
  constructor(readonly timeoutMs: number) {
    super(
      'TIMEOUT',
      `Die Anfrage hat länger als ${Math.round(timeoutMs / 100) / 10} Sekunden gedauert und wurde ` +
        'abgebrochen. Bitte weniger auf einmal abfragen (kleinere Seiten, geringere Tiefe).',
      { reason: 'REQUEST_TIMEOUT', timeoutMs },
    );
    this.name = 'RequestTimeoutError';
  }
}

/**
 * Thrown by a subscription's root resolver when the event is not for this subscriber after all
 * (what it shows became invisible to it between the filter's match and the execution): the
 * shared execution delivers such an event to nobody. Never reaches a client.
 */
export class SkipEventError extends Error {
  constructor() {
    super('event skipped: not visible to this subscriber');
    this.name = 'SkipEventError';
  }
}

const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
]);

/** Errors the database raises when it is unreachable or overloaded: worth a clear 503-ish code. */
function isDatabaseUnavailable(e: unknown): boolean {
  // graphql-js wraps values that are not `instanceof Error` of its realm (as under a test VM).
  const inner = (e as { thrownValue?: unknown })?.thrownValue;
  if (inner !== undefined && inner !== e) return isDatabaseUnavailable(inner);
  const msg = String((e as { message?: unknown })?.message ?? '');
  const code = (e as { code?: string })?.code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      '57P01',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(msg)
  );
}

export type ErrorLogger = (err: unknown, path?: readonly (string | number)[]) => void;

/** Maps any error to the shape clients see; unknown errors keep their details in the log only. */
export function makeFormatError(logError: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...original.extensions, code: original.code },
      };
    }
    if (isDatabaseUnavailable(original)) {
      logError(original, formatted.path);
      return {
        message: 'The database is not reachable right now; try again shortly',
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    if (original instanceof AuthorizationError) {
      return {
        message: 'You are not allowed to do this',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'FORBIDDEN' },
      };
    }
    if (original instanceof AuthenticationError) {
      return {
        message: 'Sign in (Authorization: Bearer <token>) to do this',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'UNAUTHENTICATED' },
      };
    }
    if (original instanceof ArgumentValidationError) {
      return formatArgumentValidation(formatted, original);
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) return formatted;
    // graphql-js input coercion errors and validation failures are not GraphQLErrors wrapping a
    // resolver error: they carry no originalError and are safe to show.
    if (error instanceof GraphQLError && !error.originalError && !error.path) return formatted;
    logError(original, formatted.path);
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function firstViolation(
  errors: ValidationErrorLike[],
  prefix = '',
): { field: string; message: string } | null {
  for (const e of errors) {
    // Fields are named relative to the `input` argument, as domain errors name them.
    const field = prefix && prefix !== 'input' ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length > 0) {
      return { field, message: Object.values(e.constraints)[0] };
    }
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** class-validator failures become BAD_USER_INPUT naming the first offending field. */
function formatArgumentValidation(
  formatted: GraphQLFormattedError,
  err: Error,
): GraphQLFormattedError {
  const list = (err as unknown as { extensions?: { validationErrors?: ValidationErrorLike[] } })
    .extensions?.validationErrors;
  const v = firstViolation(list ?? []);
  return {
    message: v ? `Invalid value for ${v.field}: ${v.message}` : 'Invalid input',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'BAD_USER_INPUT', ...(v ? { field: v.field } : {}) },
  };
}
