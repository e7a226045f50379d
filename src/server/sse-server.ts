// GraphQL over Server-Sent Events (graphql-sse) at /graphql/stream, for widgets behind proxies
// that block WebSockets. Same schema, context factory, sign-in, guards, limits and error shape as
// HTTP and WebSocket. Both of graphql-sse's modes are served:
// - distinct connections: each POST (or GET) with `accept: text/event-stream` is one operation
//   on its own stream;
// - single connection: PUT reserves a stream (the answer is its token), GET with the token
//   (`x-graphql-event-stream-token` header or `?token=`) opens it, and operations POSTed with the
//   token stream their results into it (DELETE ?operationId= stops one). Reservations live in
//   this process: behind a balancer the PUT, the stream and its operations must reach the same
//   instance (sticky sessions); one not opened within a minute is dropped.
// The handler is graphql-sse's own; this file adapts it to Fastify so that a reader that goes
// away is normal (no ECONNRESET or "headers already sent" errors) and writes wait for the reader.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, GraphQLSchema, specifiedRules, ValidationRule } from 'graphql';
import { createHandler, Handler, Request, Response, TOKEN_HEADER_KEY } from 'graphql-sse';
import { Authenticator } from '../graphql/auth';
import { createContext, HubContext } from '../graphql/context';
import type { Services } from '../graphql/services';
import { publicViewer, Viewer } from '../graphql/viewer';
import type { Logger } from './logger';
import { sendRequestError } from './graphql-http-rules';
import { operationGuards, prepareOperation } from './operation-guard';
import {
  MAX_PENDING_RESERVATIONS,
  Reservations,
  RESERVATION_TTL_MS,
  throttled,
  WriteWindow,
  WriteWindows,
} from './sse-streams';
import { OpenStreams, pipeToReader, startStream } from './streaming';
import { authRefusal, refusalStatus, transportErrorFormatter } from './transport-errors';
import { executeWithinBudget } from './request-timeout';

export const SSE_PATH = '/graphql/stream';
export { MAX_PENDING_RESERVATIONS, RESERVATION_TTL_MS };

export interface SseDeps {
  schema: GraphQLSchema;
  services: Services;
  auth: Authenticator;
  log: Logger;
  extraRules?: ValidationRule[];
  streams?: OpenStreams;
}

type SseContext = HubContext & Record<PropertyKey, unknown>;
type SseHandler = Handler<FastifyRequest | typeof SYNTHETIC, { reply?: FastifyReply }>;

/** Marks the handler calls the hub makes itself (dropping a stale reservation). */
const SYNTHETIC = Symbol('synthetic');
const viewers = new WeakMap<FastifyRequest, Viewer>();

function jsonResponse(status: number, errors: unknown[]): Response {
  return [
    JSON.stringify({ errors }),
    {
      status,
      statusText: STATUS_CODES[status] ?? 'Error',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  ];
}

function streamToken(req: Pick<Request<unknown, unknown>, 'headers' | 'url'>): string | null {
  const header = req.headers.get(TOKEN_HEADER_KEY);
  if (header) return header;
  return new URL(req.url, 'http://localhost/').searchParams.get('token');
}

function createSseHandler(
  deps: SseDeps,
  reservations: () => Reservations,
  windows: WriteWindows,
): SseHandler {
  const { schema, services, auth, log } = deps;
  const guards = operationGuards(services);
  const formatError = transportErrorFormatter(log, 'event stream error');
  const rules = [...specifiedRules, ...(deps.extraRules ?? [])];
  const viewerOf = (raw: FastifyRequest) => viewers.get(raw) ?? publicViewer(raw.ip);
  return createHandler<FastifyRequest | typeof SYNTHETIC, { reply?: FastifyReply }, SseContext>({
    schema,
    // onSubscribe has validated the document already (prepareOperation), with the hub's rules.
    validate: () => [],
    // Queries and mutations run within the request time budget, as over HTTP.
    execute: (args) => executeWithinBudget(args, services.config.requestTimeoutMs, log),
    // Shared executions, as on the WebSocket; an ending result is the stream's last `next`.
    subscribe: async (args) =>
      throttled(
        await services.sharedSubscriptions.subscribe(args),
        windows.forContext(args.contextValue),
      ),
    // Sign-in on every request (each operation of a single connection signs in on its own),
    // then the mode: a stream token picks single connection, none keeps distinct connections.
    authenticate: async (req) => {
      if (req.raw === SYNTHETIC) return streamToken(req) ?? '';
      try {
        viewers.set(req.raw, await auth.viewerFor(req.raw.headers.authorization, req.raw.ip));
      } catch (e) {
        const { status, errors } = authRefusal(e);
        return jsonResponse(status, errors);
      }
      const token = streamToken(req);
      if (token) return token;
      if (req.method !== 'PUT') return null;
      if (reservations().full) {
        return jsonResponse(503, [
          {
            message: 'Too many event streams reserved and not opened; try again shortly',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ]);
      }
      const reserved = randomUUID();
      reservations().add(reserved);
      return reserved;
    },
    context: (req) =>
      createContext(
        services,
        viewerOf(req.raw as FastifyRequest),
        String((req.raw as FastifyRequest).id),
      ) as SseContext,
    // The same guards and limits as the WebSocket path; a refusal is a plain JSON response.
    onSubscribe: async (req, params) => {
      const raw = req.raw as FastifyRequest;
      const viewer = viewerOf(raw);
      const prepared = await prepareOperation(
        schema,
        rules,
        guards,
        viewer,
        params,
        services.fieldCosts,
      );
      if (Array.isArray(prepared)) {
        return jsonResponse(refusalStatus(prepared), prepared.map(formatError));
      }
      const contextValue = createContext(services, viewer, String(raw.id)) as SseContext;
      windows.bind(contextValue, windows.of(raw, streamToken(req)));
      return {
        schema,
        document: prepared.document,
        operationName: params.operationName,
        variableValues: prepared.variables,
        contextValue,
      };
    },
    onNext: (_ctx, _req, result) =>
      result.errors
        ? {
            ...result,
            errors: result.errors.map((e) => formatError(e) as unknown as GraphQLError),
          }
        : undefined,
  });
}

/** graphql-sse answers some refusals with an empty body: say what went wrong, with a code. */
const PLAIN_REFUSALS: Record<number, { message: string; code: string }> = {
  404: {
    message: `No such event stream: reserve one with PUT ${SSE_PATH}, or send accept: text/event-stream`,
    code: 'NOT_FOUND',
  },
  405: { message: 'Use GET, POST, PUT or DELETE', code: 'METHOD_NOT_ALLOWED' },
  406: {
    message:
      'Not acceptable: ask for text/event-stream to stream, text/plain to reserve a stream, application/json to send an operation into one',
    code: 'NOT_ACCEPTABLE',
  },
  415: { message: 'POST needs content-type application/json', code: 'UNSUPPORTED_MEDIA_TYPE' },
};

/** graphql-sse's own JSON refusals ("Missing query", "Stream not found") carry no code. */
function withCodes(body: string, status: number): string {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    if (!Array.isArray(parsed.errors)) return body;
    const code = status === 409 ? 'CONFLICT' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    for (const e of parsed.errors) e.extensions = { code, ...e.extensions };
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}

async function send(
  req: FastifyRequest,
  reply: FastifyReply,
  [body, init]: Response,
  log: Logger,
  window: () => WriteWindow,
  streams?: OpenStreams,
): Promise<void> {
  if (body === null || typeof body === 'string') {
    reply.code(init.status).headers({ ...init.headers });
    const refusal = body === null ? PLAIN_REFUSALS[init.status] : undefined;
    if (refusal) {
      reply.header('content-type', 'application/json; charset=utf-8');
      return void reply.send(
        JSON.stringify({
          errors: [{ message: refusal.message, extensions: { code: refusal.code } }],
        }),
      );
    }
    const json = typeof body === 'string' && init.headers?.['content-type']?.includes('json');
    return void reply.send(json && init.status >= 400 ? withCodes(body, init.status) : body);
  }
  const raw = startStream(req, reply, init.status, { ...init.headers });
  const w = window();
  await pipeToReader(raw, body, log, { onWritten: () => w.written(), streams });
}

export function registerSseRoute(app: FastifyInstance, deps: SseDeps): void {
  const { log } = deps;
  // eslint-disable-next-line prefer-const -- the handler and its reservations refer to each other
  let handler: SseHandler;
  const windows = new WriteWindows();
  const reservations = new Reservations((token) => {
    windows.releaseToken(token);
    // The handler keeps reservations itself; opening and at once closing one is how it lets go.
    void handler({
      method: 'GET',
      url: `${SSE_PATH}?token=${token}`,
      headers: { get: (key) => (key === 'accept' ? 'text/event-stream' : null) },
      body: null,
      raw: SYNTHETIC,
      context: {},
    })
      .then(([body]) => {
        if (body && typeof body !== 'string') void body.return?.(undefined);
      })
      .catch((err) => log.warn({ err }, 'could not drop an event stream reservation'));
  });
  handler = createSseHandler(deps, () => reservations, windows);
  app.addHook('onClose', async () => reservations.clear());

  app.all(SSE_PATH, async (req, reply) => {
    const request: Request<FastifyRequest, { reply: FastifyReply }> = {
      method: req.method,
      url: req.url,
      headers: {
        get: (key) => {
          const value = req.headers[key.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : (value ?? null);
        },
      },
      body: () => (req.body ?? null) as Record<PropertyKey, unknown> | null,
      raw: req,
      context: { reply },
    };
    try {
      const response = await handler(request);
      const stream = response[0] !== null && typeof response[0] !== 'string';
      // A stream of the single connection mode is found by its token, a distinct one by its request.
      const token = stream ? streamToken(request) : null;
      if (token) reservations.opened(token);
      let window: WriteWindow | undefined;
      try {
        await send(
          req,
          reply,
          response,
          log,
          () => (window = windows.of(req, token)),
          deps.streams,
        );
      } finally {
        if (window) windows.release(token, window);
      }
    } catch (err) {
      log.error({ err, requestId: req.id }, 'event stream failed');
      if (!reply.raw.headersSent) {
        sendRequestError(reply, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      } else if (!reply.raw.destroyed) {
        reply.raw.destroy();
      }
    }
  });
}
