// Cross-site request forgery: a page on another site can make a browser send a "simple" request
// (a GET, or a POST of a form or text) with that browser's ambient credentials, without a CORS
// preflight. Apollo's rule: a request is safe when the browser must have preflighted it, i.e.
// it has a content type other than the three simple ones, or one of Apollo's headers.
//
// The hub applies that rule only to requests that carry a cookie. Its only credential is a
// bearer token in the Authorization header, which a browser never adds by itself (it caches
// Basic credentials, which the hub refuses, never Bearer); CORS allows any origin but never
// with credentials. A forged request without a cookie therefore runs as PUBLIC, exactly what the
// forging page could ask for itself, and GET never runs a mutation (405). Refusing such GETs only
// broke stock clients: urql sends queries as GET with nothing but an `accept` header. Should the
// browser workspace ever sign in with a cookie, every request carrying one still has to prove a
// preflight, on every GraphQL path (/graphql, /graphql/stream, /subgraph).
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sendRequestError } from './graphql-http-rules';

export const CSRF_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

/** True when a browser could only have sent this request after a CORS preflight. */
export function isPreflighted(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type && !SIMPLE_CONTENT_TYPES.includes(type)) return true;
  return CSRF_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

export const CSRF_MESSAGE =
  'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please ' +
  "either specify a 'content-type' header (with a type that is not one of " +
  `${SIMPLE_CONTENT_TYPES.join(', ')}) or provide a non-empty value for one of the following ` +
  `headers: ${CSRF_HEADERS.join(', ')}`;

const GUARDED_PATHS = ['/graphql', '/graphql/stream', '/subgraph'];

/** A request carrying a cookie that a browser may have sent cross-site is refused (400). */
export function registerCsrfRule(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'OPTIONS' || !req.headers.cookie) return;
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (!GUARDED_PATHS.includes(path) || isPreflighted(req.headers)) return;
    return sendRequestError(reply, 400, CSRF_MESSAGE, 'BAD_REQUEST');
  });
}
