// CORS for the GraphQL endpoints: any origin may read anonymously, never with credentials
// (no cookies are used; signed-in calls carry a bearer token, which a foreign page cannot
// obtain). Cross-site form posts are refused by Apollo's CSRF prevention, not here.
import type { FastifyInstance } from 'fastify';

const ALLOWED_HEADERS =
  'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id, last-event-id, x-graphql-event-stream-token';

export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/graphql')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('vary', 'origin');
    if (req.method === 'OPTIONS') {
      reply
        .code(204)
        // graphql-sse's single connection mode reserves with PUT and stops operations with DELETE.
        .header(
          'access-control-allow-methods',
          req.url.startsWith('/graphql/stream')
            ? 'GET, POST, PUT, DELETE, OPTIONS'
            : 'GET, POST, OPTIONS',
        )
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
