// GraphQL over WebSocket (graphql-ws) on the same port and path as HTTP. Apollo's plugins do not
// run here, so sign-in, error formatting and validation rules are applied explicitly.
import type { Server } from 'node:http';
import { GraphQLError, GraphQLSchema, validate, ValidationRule, specifiedRules } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { Authenticator } from '../graphql/auth';
import { createContext } from '../graphql/context';
import { makeFormatError } from '../graphql/errors';
import type { Services } from '../graphql/services';
import { Viewer } from '../graphql/viewer';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export const MAX_WS_MESSAGE_BYTES = 64 * 1024;

export interface WsServerDeps {
  server: Server;
  schema: GraphQLSchema;
  services: Services;
  auth: Authenticator;
  log: Logger;
  metrics: Metrics;
  extraRules?: ValidationRule[];
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  viewer?: Viewer;
}

export function createWsServer(deps: WsServerDeps): { wss: WebSocketServer; dispose: () => Promise<void> } {
  const { server, schema, services, auth, log, metrics } = deps;
  const allowed = services.config.wsAllowedOrigins;
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_WS_MESSAGE_BYTES,
    verifyClient: ({ origin }: { origin?: string }) =>
      allowed === 'any' || origin === undefined || allowed.includes(origin),
  });
  const formatError = makeFormatError((err, path) => log.error({ err, path }, 'subscription error'));
  const rules = [...specifiedRules, ...(deps.extraRules ?? [])];

  const disposable = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema,
      connectionInitWaitTimeout: 5000,
      validate: (s, doc) => validate(s, doc, rules),
      onConnect: async (ctx) => {
        const param = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const ip = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        try {
          ctx.extra.viewer = await auth.viewerFor(typeof param === 'string' ? param : undefined, ip);
          metrics.wsConnections.inc();
          return true;
        } catch {
          return false; // closes with 4403: a bad token is never downgraded to PUBLIC
        }
      },
      onDisconnect: (ctx) => {
        if (ctx.extra.viewer) metrics.wsConnections.dec();
      },
      context: (ctx) => createContext(services, ctx.extra.viewer as Viewer),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) }
          : undefined,
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e: GraphQLError) => formatError(e.toJSON(), e)),
    },
    wss,
  );
  return {
    wss,
    dispose: async () => {
      for (const client of wss.clients) client.close(1001, 'Server is shutting down');
      await disposable.dispose();
    },
  };
}
