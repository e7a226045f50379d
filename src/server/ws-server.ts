// GraphQL over WebSocket (graphql-ws) on the same port and path as HTTP. Apollo's plugins do not
// run here, so sign-in, error formatting and validation rules are applied explicitly.
import type { Server } from 'node:http';
import {
  ExecutionArgs,
  ExecutionResult,
  GraphQLError,
  GraphQLSchema,
  specifiedRules,
  ValidationRule,
} from 'graphql';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import { Extra, useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { Authenticator } from '../graphql/auth';
import { createContext } from '../graphql/context';
import type { Services } from '../graphql/services';
import { Viewer } from '../graphql/viewer';
import type { Logger } from './logger';
import { OperationGuard, prepareOperation } from './operation-guard';
import type { SharedResult } from './shared-subscriptions';
import { endingErrorOf, scheduleAt } from './subscription-member';
import type { Metrics } from './metrics';
import { transportErrorFormatter } from './transport-errors';
import { executeWithinBudget } from './request-timeout';

export const MAX_WS_MESSAGE_BYTES = 64 * 1024;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

export type WsOperationGuard = OperationGuard;

export interface WsServerDeps {
  server: Server;
  schema: GraphQLSchema;
  services: Services;
  auth: Authenticator;
  log: Logger;
  metrics: Metrics;
  extraRules?: ValidationRule[];
  guards?: WsOperationGuard[];
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  viewer?: Viewer;
  /** Cancels the close at the token's expiry. */
  cancelExpiry?: () => void;
  operations?: Set<string>;
  subscriptions?: Set<string>;
}

type Hooks = ServerOptions<Record<string, unknown>, ConnectionExtra & Extra>;

/** The socket server on /graphql, refusing origins outside HUB_WS_ORIGINS and large messages. */
function openSocketServer(server: Server, allowed: string[] | 'any'): WebSocketServer {
  return new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_WS_MESSAGE_BYTES,
    verifyClient: ({ origin }: { origin?: string }) =>
      allowed === 'any' || origin === undefined || allowed.includes(origin),
  });
}

/** Sign-in at connection_init, and the connection and subscription gauges. */
function connectionHooks(deps: WsServerDeps, viewers: WeakMap<object, Viewer>): Partial<Hooks> {
  const { auth, metrics } = deps;
  return {
    connectionInitWaitTimeout: 5000,
    onConnect: async (ctx) => {
      const param = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      const ip = ctx.extra.request.socket.remoteAddress ?? 'unknown';
      try {
        const viewer = await auth.viewerFor(typeof param === 'string' ? param : undefined, ip);
        ctx.extra.viewer = viewer;
        viewers.set(ctx.extra.socket, viewer);
        // Signed-in rights end with the token: the socket closes then, as for a bad token.
        if (viewer.expiresAt !== undefined) {
          const socket = ctx.extra.socket;
          ctx.extra.cancelExpiry = scheduleAt(viewer.expiresAt, () =>
            socket.close(CloseCode.Forbidden, 'Forbidden: the token has expired'),
          );
        }
        metrics.wsConnections.inc();
        return true;
      } catch {
        return false; // closes with 4403: a bad token is never downgraded to PUBLIC
      }
    },
    onClose: (ctx) => {
      ctx.extra.cancelExpiry?.();
      // Subscriptions still open when the socket goes away end with it.
      metrics.subscriptions.dec(ctx.extra.subscriptions?.size ?? 0);
      ctx.extra.subscriptions?.clear();
    },
    onDisconnect: (ctx) => {
      if (ctx.extra.viewer) metrics.wsConnections.dec();
    },
  };
}

/**
 * graphql-transport-ws ends an operation that fails with an `error` message: an ending result
 * (too slow, token expired) is thrown, and graphql-ws sends its error, mapped to its code.
 */
function endingAsError(result: SharedResult): SharedResult {
  if (!(Symbol.asyncIterator in result)) return result;
  const source = result;
  const wrapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const r = await source.next();
      const ending = r.done ? undefined : endingErrorOf(r.value);
      if (ending) {
        await source.return?.();
        throw ending;
      }
      return r;
    },
    return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    throw: (e?: unknown) => source.throw?.(e) ?? Promise.resolve({ value: undefined, done: true }),
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}

/**
 * The same checks as the HTTP path: token limit, validation, depth/alias/cost limits with the
 * variables known, and the guards; nothing executes when one fails.
 */
function operationHooks(deps: WsServerDeps): Partial<Hooks> {
  const { schema, services, metrics } = deps;
  const rules = [...specifiedRules, ...(deps.extraRules ?? [])];
  const shared = services.sharedSubscriptions;
  metrics.trackSharedSubscriptions(shared);
  return {
    schema,
    // Queries and mutations run within the request time budget, as over HTTP.
    execute: (args) => executeWithinBudget(args, services.config.requestTimeoutMs, deps.log),
    // Subscribers with the same document, variables and rights share one execution per event.
    subscribe: async (args) => endingAsError(await shared.subscribe(args)),
    onSubscribe: async (ctx, id, payload) => {
      const viewer = ctx.extra.viewer as Viewer;
      const operations = (ctx.extra.operations ??= new Set());
      if (operations.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
        return [
          new GraphQLError(
            `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} operations per connection`,
            {
              extensions: { code: 'RATE_LIMITED' },
            },
          ),
        ];
      }
      // Counted before anything asynchronous: a burst of messages must not all pass the check.
      operations.add(id);
      const prepared = await prepareOperation(
        schema,
        rules,
        deps.guards ?? [],
        viewer,
        payload,
        services.fieldCosts,
      );
      if (Array.isArray(prepared)) {
        // graphql-ws calls no onComplete for a refusal: give the place back here.
        operations.delete(id);
        return prepared;
      }
      const { document, variables } = prepared;
      if (prepared.operation.operation === 'subscription') {
        (ctx.extra.subscriptions ??= new Set()).add(id);
        metrics.subscriptions.inc();
      }
      const args: ExecutionArgs = {
        schema,
        document,
        operationName: payload.operationName,
        variableValues: variables,
        contextValue: createContext(services, viewer),
      };
      return args;
    },
    onComplete: (ctx, id) => {
      ctx.extra.operations?.delete(id);
      if (ctx.extra.subscriptions?.delete(id)) metrics.subscriptions.dec();
    },
  };
}

/** Errors leave in the one shape of every transport (transport-errors.ts). */
function resultHooks(log: Logger): Partial<Hooks> {
  const formatError = transportErrorFormatter(log, 'subscription error');
  return {
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: result.errors.map(formatError) } : undefined,
    onError: (_ctx, _id, _payload, errors) => errors.map(formatError),
  };
}

export function createWsServer(deps: WsServerDeps): {
  wss: WebSocketServer;
  dispose: () => Promise<void>;
} {
  const wss = openSocketServer(deps.server, deps.services.config.wsAllowedOrigins);
  // A session that ends (signOut, a disabled account) closes its open sockets at once.
  const viewers = new WeakMap<object, Viewer>();
  const stopListening = deps.auth.onRevoked((ended) => {
    for (const client of wss.clients) {
      const viewer = viewers.get(client);
      if (viewer && ended(viewer)) client.close(4401, 'Unauthorized: the session has ended');
    }
  });
  const disposable = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      ...connectionHooks(deps, viewers),
      ...operationHooks(deps),
      ...resultHooks(deps.log),
    },
    wss,
  );
  return {
    wss,
    dispose: async () => {
      stopListening();
      for (const client of wss.clients) client.close(1001, 'Server is shutting down');
      await disposable.dispose();
    },
  };
}
