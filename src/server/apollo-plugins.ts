import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { HubContext } from '../graphql/context';
import { makeFormatError } from '../graphql/errors';
import type { Services } from '../graphql/services';
import { legacyJsonStatusPlugin } from './graphql-http-rules';
import { createLoaders } from '../graphql/loaders';
import { checkInputText } from '../graphql/input-text';
import {
  checkOperationLimits,
  DEFAULT_LIMITS,
  FieldCosts,
  OperationLimits,
} from '../graphql/operation-limits';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { GraphQLError } from 'graphql';
import { RateLimitedError } from '../graphql/errors';
import { Role } from '../graphql/viewer';
import { RateLimiter, RULES } from './rate-limit';
import { requestTimeoutPlugin } from './request-timeout';

/** Duration histogram by operation name, and one log line per operation (no variables). */
export function observabilityPlugin(log: Logger, metrics: Metrics): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const status = errors?.length ? 'error' : 'ok';
          const operation = metrics.operationLabels.label(operationName);
          metrics.requestDuration.observe({ operation, status }, seconds);
          log.info(
            {
              requestId: contextValue.requestId,
              // The name as sent (bounded), also when its label is `other`.
              operation: operationName?.slice(0, 100) ?? 'anonymous',
              role: contextValue.viewer.role,
              ms: Math.round(seconds * 1000),
              errors: errors?.map((e) => e.extensions?.code ?? 'ERROR'),
              httpStatus: response.http.status,
            },
            'graphql',
          );
        },
      };
    },
  };
}

/**
 * Text no field can hold (NUL, unpaired surrogates), then depth, alias, directive and cost
 * limits, checked with the variables known, before execution (prepareOperation: the same for
 * WebSocket, SSE and multipart); graph fields cost their fan-out, and PUBLIC callers may not
 * nest a traversal in a traversal.
 */
export function operationLimitsPlugin(
  costs?: FieldCosts,
  limits: OperationLimits = DEFAULT_LIMITS,
): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const errors = [
            ...checkInputText(document, request.variables),
            ...checkOperationLimits(schema, document, operation, request.variables, limits, {
              costs,
              refuseNestedTraversals: contextValue.viewer.role === Role.PUBLIC,
            }),
          ];
          if (errors.length) throw errors[0];
        },
      };
    },
  };
}

export const MAX_ERRORS_PER_RESPONSE = 5;

/** A response carries at most a few errors: a flood of them helps no client and costs bytes. */
export function errorCapPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          // A rate-limited operation (also when a resolver refused, e.g. volunteer) is a 429
          // with Retry-After, whichever layer noticed it.
          if (response.body.kind === 'single') {
            const limited = response.body.singleResult.errors?.find(
              (e) => e.extensions?.code === 'RATE_LIMITED',
            );
            if (limited) {
              response.http.status = 429;
              const after = Number(limited.extensions?.retryAfter);
              if (Number.isFinite(after)) response.http.headers.set('retry-after', String(after));
            }
          }
          if (
            response.body.kind === 'single' &&
            (response.body.singleResult.errors?.length ?? 0) > MAX_ERRORS_PER_RESPONSE
          ) {
            response.body.singleResult.errors = response.body.singleResult.errors?.slice(
              0,
              MAX_ERRORS_PER_RESPONSE,
            );
          }
        },
      };
    },
  };
}

/** A refused request: 429 with Retry-After, code RATE_LIMITED. */
export function rateLimitedGraphQLError(e: RateLimitedError): GraphQLError {
  return new GraphQLError(e.message, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfter: e.retryAfterSeconds,
      // Apollo reads headers as a Map; graphql-yoga (a test dependency) types them as a record.
      http: {
        status: 429,
        headers: new Map([['retry-after', String(e.retryAfterSeconds)]]) as unknown as Record<
          string,
          string
        >,
      },
    },
  });
}

/** Per-IP limits for PUBLIC callers and per-token limits otherwise, before anything executes. */
export function rateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation() {
          const viewer = contextValue.viewer;
          try {
            limiter.check(
              viewer.role === Role.PUBLIC ? RULES.publicRequests : RULES.signedRequests,
              RateLimiter.callerKey(viewer),
            );
          } catch (e) {
            if (e instanceof RateLimitedError) throw rateLimitedGraphQLError(e);
            throw e;
          }
        },
      };
    },
  };
}

/** The same per-caller limit for operations sent over a WebSocket. */
export function rateLimitGuard(limiter: RateLimiter) {
  return ({ viewer }: { viewer: HubContext['viewer'] }): GraphQLError | void => {
    try {
      limiter.check(
        viewer.role === Role.PUBLIC ? RULES.publicRequests : RULES.signedRequests,
        RateLimiter.callerKey(viewer),
      );
    } catch (e) {
      if (e instanceof RateLimitedError) return rateLimitedGraphQLError(e);
      throw e;
    }
  };
}

/**
 * A mutation's answer is read after its commit: with read replicas, its loaders read from the
 * primary so the answer shows the change (replica lag would show the state before it).
 */
export function freshMutationReadsPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.services.db.hasReplicas) return;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') {
            contextValue.loaders = createLoaders(contextValue.services, { primary: true });
          }
        },
      };
    },
  };
}

/**
 * What every Apollo server of the hub shares (/graphql and /subgraph): the same request rules,
 * error mapping, limits, rate limits, fresh reads after commits and error cap. Each server adds
 * only what is its own.
 */
export function hubApolloConfig(services: Services, log: Logger, metrics: Metrics) {
  return {
    introspection: services.config.introspection,
    allowBatchedHttpRequests: false,
    // The hub owns SIGTERM/SIGINT (readiness first, then drain); Apollo must not close on its own.
    stopOnTerminationSignals: false,
    // The hub's own rule (csrf.ts): Apollo's, for requests that carry a cookie.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !services.config.introspection,
    formatError: makeFormatError((err, path) => log.error({ err, path }, 'resolver error')),
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin(log, metrics),
      legacyJsonStatusPlugin(),
      operationLimitsPlugin(services.fieldCosts),
      rateLimitPlugin(services.rateLimiter),
      freshMutationReadsPlugin(),
      errorCapPlugin(),
      requestTimeoutPlugin(),
    ] as ApolloServerPlugin<HubContext>[],
  };
}
