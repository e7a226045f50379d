// The GraphQL-over-HTTP rules Apollo leaves to the HTTP layer: request errors answered with a
// GraphQL error body and the status code the spec asks for (415 wrong content type, 405 mutation
// over GET or an unsupported method, 400 malformed JSON, 413 too large).
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, parse } from 'graphql';
import type { Logger } from './logger';

export const GRAPHQL_PATH = '/graphql';

export function sendRequestError(
  reply: FastifyReply,
  status: number,
  message: string,
  code = 'BAD_REQUEST',
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .code(status)
    .headers({ 'content-type': 'application/json; charset=utf-8', ...headers })
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function pathOf(req: FastifyRequest): string {
  const q = req.url.indexOf('?');
  return q === -1 ? req.url : req.url.slice(0, q);
}

function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0].trim().toLowerCase() || undefined;
}

/** True when a GET request asks to run a mutation (which GET must never do). */
function isGetMutation(req: FastifyRequest): boolean {
  const params = req.query as Record<string, unknown>;
  const query = params.query;
  if (typeof query !== 'string' || !query.includes('mutation')) return false;
  try {
    const name = typeof params.operationName === 'string' ? params.operationName : undefined;
    return getOperationAST(parse(query), name)?.operation === 'mutation';
  } catch {
    return false; // Apollo reports the syntax error itself
  }
}

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

export function registerGraphqlHttpRules(app: FastifyInstance, log: Logger): void {
  app.addHook('onRequest', async (req, reply) => {
    if (pathOf(req) !== GRAPHQL_PATH) return;
    if (req.method === 'POST') {
      const type = mediaType(req.headers['content-type']);
      if (type !== 'application/json') {
        return sendRequestError(
          reply,
          415,
          `POST requests to ${GRAPHQL_PATH} need content-type application/json${type ? `, not ${type}` : ''}`,
          'UNSUPPORTED_MEDIA_TYPE',
        );
      }
    } else if (req.method === 'GET' && isGetMutation(req)) {
      return sendRequestError(
        reply,
        405,
        'Mutations are only accepted over POST',
        'METHOD_NOT_ALLOWED',
        {
          allow: 'POST',
        },
      );
    }
  });

  // A query of only blanks is as empty as "" (Apollo would call it a syntax error).
  app.addHook('preHandler', async (req, reply) => {
    if (pathOf(req) !== GRAPHQL_PATH) return;
    const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | null;
    const query = source?.query;
    if (typeof query === 'string' && query.trim() === '') {
      return sendRequestError(reply, 400, 'The query is empty', 'BAD_REQUEST');
    }
  });

  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: GRAPHQL_PATH,
    handler: (_req, reply) =>
      sendRequestError(reply, 405, 'Use GET or POST', 'METHOD_NOT_ALLOWED', { allow: 'GET, POST' }),
  });

  // Fastify's own request errors (malformed JSON, body too large) get a GraphQL error body.
  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      log.error({ err: error, requestId: req.id }, 'request failed');
      return sendRequestError(reply, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
    }
    const message =
      status === 400 && /JSON/i.test(error.message)
        ? 'The request body is not valid JSON'
        : error.message;
    return sendRequestError(reply, status, message, STATUS_CODES[status] ?? 'BAD_REQUEST');
  });
}

const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

interface Match {
  q: number;
  specificity: number;
  order: number;
}

/** How an Accept header ranks `type`: the most specific matching range decides, as in HTTP. */
function acceptMatch(accept: string, type: string): Match {
  const [major] = type.split('/');
  let best: Match = { q: 0, specificity: -1, order: Infinity };
  accept.split(',').forEach((part, order) => {
    const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) return;
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    best = { q: Number.isFinite(q) ? q : 0, specificity, order };
  });
  return best;
}

/**
 * Apollo's own choice (negotiator): the higher quality, then the more specific range, then the
 * range named first; application/json on a tie.
 */
export function answersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return true;
  const json = acceptMatch(accept, 'application/json');
  const gql = acceptMatch(accept, 'application/graphql-response+json');
  if (json.q <= 0) return false;
  return (json.q - gql.q || json.specificity - gql.specificity || gql.order - json.order || 1) > 0;
}

/**
 * GraphQL over HTTP: a well-formed request answered as application/json gets 200 even when the
 * document does not parse, validate or coerce its variables (the errors are in the body);
 * application/graphql-response+json keeps Apollo's 400.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response, errors }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          if (response.body.singleResult.data !== undefined) return;
          const codes = (errors ?? []).map((e) => e.extensions?.code);
          if (codes.length === 0 || !codes.every((c) => REQUEST_ERROR_CODES.has(String(c)))) return;
          if (answersLegacyJson(request.http?.headers.get('accept'))) response.http.status = 200;
        },
      };
    },
  };
}
