// Subscriptions over plain HTTP: Apollo's multipart subscription protocol, as Apollo Router
// speaks it, so that Apollo Client with only an HttpLink (and urql, Apollo Kotlin and iOS) can
// subscribe at /graphql. A subscription sent with
//   accept: multipart/mixed;subscriptionSpec=1.0
// is answered 200 with `multipart/mixed;boundary="graphql";subscriptionSpec="1.0"`: a part
// `{"payload": <result>}` per event, a heartbeat part `{}` at once and every 5 s, and a final
// `{"payload": null, "errors": [...]}` when the hub ends the subscription. A subscription sent
// without that accept is refused with 406, naming the transports that serve subscriptions.
// Queries and mutations never come here: Apollo answers them.
// The path is the WebSocket's and SSE's: the same sign-in, guards, limits, error shape and
// shared executions (prepareOperation, SharedSubscriptions); CSRF as for all of /graphql (csrf.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DocumentNode,
  ExecutionArgs,
  ExecutionResult,
  getOperationAST,
  GraphQLSchema,
  parse,
  specifiedRules,
} from 'graphql';
import type { Authenticator } from '../graphql/auth';
import { createContext } from '../graphql/context';
import type { Services } from '../graphql/services';
import type { Viewer } from '../graphql/viewer';
import { answersLegacyJson, GRAPHQL_PATH, sendRequestError } from './graphql-http-rules';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { OperationPayload, operationGuards, prepareOperation } from './operation-guard';
import { OpenStreams, pipeToReader, startStream } from './streaming';
import { endingErrorOf } from './subscription-member';
import { TrustedDocuments } from './trusted-documents';
import { authRefusal, refusalStatus, transportErrorFormatter } from './transport-errors';

export const HEARTBEAT_MS = 5000;
export const MULTIPART_CONTENT_TYPE = 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"';

export const SUBSCRIPTION_TRANSPORTS_MESSAGE =
  'Subscriptions are not answered as a single JSON response. Subscribe over WebSocket ' +
  `(graphql-transport-ws at ws://<host>${GRAPHQL_PATH}), Server-Sent Events (graphql-sse at ` +
  `${GRAPHQL_PATH}/stream) or HTTP multipart (POST ${GRAPHQL_PATH} with ` +
  'accept: multipart/mixed;subscriptionSpec=1.0)';

const BOUNDARY = '\r\n--graphql';
const PART_HEAD = '\r\ncontent-type: application/json\r\n\r\n';
const HEARTBEAT = `${PART_HEAD}{}${BOUNDARY}`;

export interface MultipartDeps {
  schema: GraphQLSchema;
  services: Services;
  auth: Authenticator;
  log: Logger;
  metrics: Metrics;
  streams?: OpenStreams;
}

/** True when the Accept header takes Apollo's multipart subscription protocol (version 1.0). */
export function acceptsMultipartSubscription(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type, ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    if (type !== 'multipart/mixed') return false;
    const value = (name: string) =>
      params
        .find((p) => p.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .replace(/^"(.*)"$/, '$1');
    const q = value('q');
    return value('subscriptionspec') === '1.0' && (q === undefined || Number(q) > 0);
  });
}

function pathOf(req: FastifyRequest): string {
  const q = req.url.indexOf('?');
  return q === -1 ? req.url : req.url.slice(0, q);
}

/** The GraphQL request in a POST body or a GET query string; null when it is malformed. */
function requestParams(req: FastifyRequest): OperationPayload | null {
  const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | null;
  if (!source || typeof source !== 'object') return null;
  const json = (v: unknown): Record<string, unknown> | null | undefined => {
    if (v === undefined || v === null || typeof v === 'object') return v as never;
    if (typeof v !== 'string' || req.method !== 'GET') return null;
    try {
      return JSON.parse(v) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  const variables = json(source.variables);
  const extensions = json(source.extensions);
  if (variables === null && source.variables != null) return null;
  if (extensions === null && source.extensions != null) return null;
  return {
    query: typeof source.query === 'string' ? source.query : undefined,
    operationName: typeof source.operationName === 'string' ? source.operationName : undefined,
    variables: variables ?? undefined,
    extensions: extensions ?? undefined,
  };
}

/** Parsed documents by text, for the question "is this a subscription?" only. */
const MAX_KINDS = 500;
const kinds = new Map<string, DocumentNode | null>();

function isSubscription(text: string, operationName: string | null | undefined): boolean {
  // Cheap first: a document without the word cannot hold a subscription.
  if (!text.includes('subscription')) return false;
  let document = kinds.get(text);
  if (document === undefined) {
    try {
      document = parse(text, { maxTokens: 4000 });
    } catch {
      document = null; // Apollo reports the syntax error itself
    }
    if (kinds.size >= MAX_KINDS) kinds.delete(kinds.keys().next().value as string);
    kinds.set(text, document);
  }
  return document ? getOperationAST(document, operationName)?.operation === 'subscription' : false;
}

function sendJsonErrors(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  errors: unknown[],
): FastifyReply {
  // As over HTTP (legacyJsonStatusPlugin): a request error asked as application/json is a 200.
  const legacy = answersLegacyJson(req.headers.accept);
  const requestError = status === 400;
  return reply
    .code(legacy && requestError ? 200 : status)
    .header(
      'content-type',
      legacy
        ? 'application/json; charset=utf-8'
        : 'application/graphql-response+json; charset=utf-8',
    )
    .send(JSON.stringify({ errors }));
}

function part(body: unknown): string {
  return `${PART_HEAD}${JSON.stringify(body)}${BOUNDARY}`;
}

/**
 * The parts of one subscription: a heartbeat at once (so the client sees the response start),
 * then each result as it comes, a heartbeat whenever HEARTBEAT_MS pass without one, and the
 * closing boundary when the results end. Not a generator: a reader that leaves must end the
 * subscription at once, not after the wait for the next result or heartbeat.
 */
class MultipartBody implements AsyncIterableIterator<string> {
  private started = false;
  private finished = false;
  private pending: Promise<IteratorResult<ExecutionResult>> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stop: (() => void) | null = null;

  constructor(
    private readonly results: AsyncIterator<ExecutionResult>,
    private readonly format: (r: ExecutionResult) => unknown,
  ) {}

  async next(): Promise<IteratorResult<string>> {
    if (this.finished) return { value: undefined, done: true };
    if (!this.started) {
      this.started = true;
      return { value: BOUNDARY + HEARTBEAT, done: false };
    }
    this.pending ??= this.results.next();
    const stopped = new Promise<'stop'>((resolve) => (this.stop = () => resolve('stop')));
    const tick = new Promise<'tick'>((resolve) => {
      this.timer = setTimeout(resolve, HEARTBEAT_MS, 'tick');
    });
    const next = await Promise.race([this.pending, tick, stopped]);
    clearTimeout(this.timer);
    if (next === 'stop' || this.finished) return { value: undefined, done: true };
    if (next === 'tick') return { value: HEARTBEAT, done: false };
    this.pending = null;
    if (next.done) {
      this.finished = true;
      return { value: '--\r\n', done: false };
    }
    if (endingErrorOf(next.value)) {
      // The hub ends the subscription (too slow, token expired): a transport-level error.
      this.finished = true;
      void this.results.return?.();
      const { errors } = this.format(next.value) as { errors?: unknown[] };
      return { value: `${part({ payload: null, errors })}--\r\n`, done: false };
    }
    return { value: part({ payload: this.format(next.value) }), done: false };
  }

  async return(): Promise<IteratorResult<string>> {
    if (!this.finished) {
      this.finished = true;
      clearTimeout(this.timer);
      this.stop?.();
      await this.results.return?.();
    }
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<string> {
    return this;
  }
}

async function* single(result: ExecutionResult): AsyncGenerator<ExecutionResult> {
  yield result;
}

export function registerMultipartSubscriptions(app: FastifyInstance, deps: MultipartDeps): void {
  const { schema, services, auth, log, metrics } = deps;
  const trusted = new TrustedDocuments(services.config.publicOperations);
  const guards = operationGuards(services);
  const rules = specifiedRules;
  const formatError = transportErrorFormatter(log, 'subscription error');
  const formatResult = (r: ExecutionResult) =>
    r.errors ? { ...r, errors: r.errors.map(formatError) } : r;

  const serve = async (req: FastifyRequest, reply: FastifyReply, params: OperationPayload) => {
    let viewer: Viewer;
    try {
      viewer = await auth.viewerFor(req.headers.authorization, req.ip);
    } catch (e) {
      const { status, errors } = authRefusal(e);
      return sendJsonErrors(req, reply, status, errors);
    }
    const prepared = await prepareOperation(
      schema,
      rules,
      guards,
      viewer,
      params,
      services.fieldCosts,
    );
    if (Array.isArray(prepared)) {
      return sendJsonErrors(req, reply, refusalStatus(prepared), prepared.map(formatError));
    }
    const args: ExecutionArgs = {
      schema,
      document: prepared.document,
      operationName: params.operationName,
      variableValues: prepared.variables,
      contextValue: createContext(services, viewer, String(req.id)),
    };
    const result = await services.sharedSubscriptions.subscribe(args);
    const results = Symbol.asyncIterator in result ? result : single(result);
    const raw = startStream(req, reply, 200, {
      'content-type': MULTIPART_CONTENT_TYPE,
      'cache-control': 'no-cache',
      // Proxies (nginx) must pass each part on as it comes.
      'x-accel-buffering': 'no',
    });
    metrics.subscriptions.inc();
    try {
      await pipeToReader(raw, new MultipartBody(results, formatResult), log, {
        streams: deps.streams,
      });
    } finally {
      metrics.subscriptions.dec();
    }
  };

  app.addHook('preHandler', async (req, reply) => {
    if (pathOf(req) !== GRAPHQL_PATH || (req.method !== 'GET' && req.method !== 'POST')) return;
    const params = requestParams(req);
    if (!params) return;
    const text = params.query ?? trusted.textFor(params.extensions);
    if (typeof text !== 'string' || !isSubscription(text, params.operationName)) return;
    if (!acceptsMultipartSubscription(req.headers.accept)) {
      return sendRequestError(reply, 406, SUBSCRIPTION_TRANSPORTS_MESSAGE, 'NOT_ACCEPTABLE');
    }
    try {
      await serve(req, reply, params);
    } catch (err) {
      log.error({ err, requestId: req.id }, 'multipart subscription failed');
      if (!reply.raw.headersSent) {
        sendRequestError(reply, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      } else if (!reply.raw.destroyed) {
        reply.raw.destroy();
      }
    }
    return reply;
  });
}
