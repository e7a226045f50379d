// The time budget of every request on every transport (HUB_REQUEST_TIMEOUT_MS): HTTP (Apollo at
// /graphql and /subgraph), queries and mutations over WebSocket and SSE, and each subscription
// event's execution. The budget (src/db/request-budget.ts) cancels the request's statements when
// it runs out; here the request is answered with one error, code TIMEOUT: a query's partial data
// is dropped (it would be cut at a random place), a mutation's is kept (what committed stays
// committed, and the caller should see what it can).
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  execute,
  ExecutionArgs,
  ExecutionResult,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
} from 'graphql';
import { RequestBudget, requestBudgets } from '../db/request-budget';
import { RequestTimeoutError } from '../graphql/errors';
import type { Logger } from './logger';

const budgets = new WeakMap<FastifyRequest, RequestBudget>();

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** A budget that logs its expiry (request id and figures only, never variables). */
export function newBudget(timeoutMs: number, log: Logger, requestId?: string): RequestBudget {
  return new RequestBudget(timeoutMs, (cancelled) =>
    log.warn({ requestId, timeoutMs, cancelledStatements: cancelled }, 'request timed out'),
  );
}

/**
 * Every request to one of `paths` runs inside its own budget, from its handler on (the hook is
 * callback-style so that the handler and everything it awaits carry the budget). Streams that
 * outlive a request (multipart subscriptions) are answered by an earlier hook and get none.
 */
export function registerRequestBudgets(
  app: FastifyInstance,
  paths: readonly string[],
  timeoutMs: number,
  log: Logger,
): void {
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.method === 'OPTIONS' || !paths.includes(pathOf(req.url))) return done();
    const budget = newBudget(timeoutMs, log, String(req.id));
    budgets.set(req, budget);
    requestBudgets.run(budget, done);
  });
  app.addHook('onResponse', async (req) => budgets.get(req)?.finish());
}

/** The one error a timed-out request is answered with, as clients see it. */
export function timeoutError(timeoutMs: number): GraphQLFormattedError {
  const e = new RequestTimeoutError(timeoutMs);
  return { message: e.message, extensions: { ...e.extensions, code: e.code } };
}

/** Apollo: a request whose budget ran out is answered 503 with the TIMEOUT error alone. */
export function requestTimeoutPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const budget = requestBudgets.getStore();
      if (!budget) return;
      return {
        async willSendResponse({ response, operation }) {
          budget.finish();
          if (!budget.expired || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // Finished in time after all (expiry hit after the last statement): the answer stands.
          if (!result.errors?.length) return;
          response.body.singleResult = {
            data: operation?.operation === 'mutation' ? (result.data ?? null) : null,
            errors: [timeoutError(budget.timeoutMs)],
          };
          response.http.status = 503;
        },
      };
    },
  };
}

/** The result of an execution whose budget ran out. */
function timedOut(
  args: ExecutionArgs,
  result: ExecutionResult,
  timeoutMs: number,
): ExecutionResult {
  const op = getOperationAST(args.document, args.operationName);
  const error = new GraphQLError(new RequestTimeoutError(timeoutMs).message, {
    originalError: new RequestTimeoutError(timeoutMs),
  });
  return { data: op?.operation === 'mutation' ? (result.data ?? null) : null, errors: [error] };
}

/**
 * graphql-js execute within a budget of its own: for operations outside Apollo (WebSocket, SSE)
 * and for each event a subscription resolves.
 */
export async function executeWithinBudget(
  args: ExecutionArgs,
  timeoutMs: number,
  log: Logger | undefined,
): Promise<ExecutionResult> {
  const budget = log ? newBudget(timeoutMs, log) : new RequestBudget(timeoutMs);
  try {
    const result = await requestBudgets.run(budget, () => execute(args));
    return budget.expired && result.errors?.length ? timedOut(args, result, timeoutMs) : result;
  } finally {
    budget.finish();
  }
}
