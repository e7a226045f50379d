// GraphQL over Server-Sent Events (graphql-sse, distinct connections mode) at /graphql/stream,
// for widgets behind proxies that block WebSockets. Same schema, context factory, sign-in and
// error formatting as HTTP and WebSocket; each request is one operation on its own stream.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { GraphQLError, GraphQLSchema, specifiedRules, ValidationRule } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import { Authenticator } from '../graphql/auth';
import { createContext, HubContext } from '../graphql/context';
import { DomainError } from '../graphql/errors';
import type { Services } from '../graphql/services';
import { publicViewer, Viewer } from '../graphql/viewer';
import type { Logger } from './logger';
import { operationGuards, prepareOperation } from './operation-guard';
import { refusalStatus, transportErrorFormatter } from './transport-errors';

export const SSE_PATH = '/graphql/stream';

export interface SseDeps {
  schema: GraphQLSchema;
  services: Services;
  auth: Authenticator;
  log: Logger;
  extraRules?: ValidationRule[];
}

const viewers = new WeakMap<FastifyRequest, Viewer>();

export function registerSseRoute(app: FastifyInstance, deps: SseDeps): void {
  const { schema, services, auth, log } = deps;
  const guards = operationGuards(services);
  const formatError = transportErrorFormatter(log, 'event stream error');
  const rules = [...specifiedRules, ...(deps.extraRules ?? [])];
  const handler = createHandler<HubContext & Record<PropertyKey, unknown>>({
    schema,
    // onSubscribe has validated the document already (prepareOperation), with the hub's rules.
    validate: () => [],
    // Sign-in happens here; returning null keeps every request in distinct connections mode.
    authenticate: async (req) => {
      try {
        viewers.set(req.raw, await auth.viewerFor(req.raw.headers.authorization, req.raw.ip));
        return null;
      } catch (e) {
        const message = e instanceof DomainError ? e.message : 'Authentication failed';
        return [
          JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }),
          {
            status: 401,
            statusText: 'Unauthorized',
            headers: { 'content-type': 'application/json' },
          },
        ];
      }
    },
    context: (req) =>
      createContext(
        services,
        viewers.get(req.raw) ?? publicViewer(req.raw.ip),
        String(req.raw.id),
      ) as HubContext & Record<PropertyKey, unknown>,
    // The same guards and limits as the WebSocket path; a refusal is a plain JSON response.
    onSubscribe: async (req, params) => {
      const viewer = viewers.get(req.raw) ?? publicViewer(req.raw.ip);
      const prepared = await prepareOperation(schema, rules, guards, viewer, params);
      if (!Array.isArray(prepared)) {
        return {
          schema,
          document: prepared.document,
          operationName: params.operationName,
          variableValues: prepared.variables,
          contextValue: createContext(services, viewer, String(req.raw.id)) as HubContext &
            Record<PropertyKey, unknown>,
        };
      }
      const status = refusalStatus(prepared);
      return [
        JSON.stringify({ errors: prepared.map(formatError) }),
        {
          status,
          statusText: STATUS_CODES[status] ?? 'Bad Request',
          headers: { 'content-type': 'application/json' },
        },
      ];
    },
    onNext: (_ctx, _req, result) =>
      result.errors
        ? {
            ...result,
            errors: result.errors.map((e) => formatError(e) as unknown as GraphQLError),
          }
        : undefined,
  });
  app.all(SSE_PATH, async (req, reply) => {
    try {
      await handler(req, reply);
    } catch (err) {
      log.error({ err }, 'event stream failed');
      if (!reply.sent) reply.code(500).send();
    }
  });
}
