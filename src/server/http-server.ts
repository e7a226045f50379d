// HTTP: Fastify with Apollo Server at /graphql, health, metrics and static pages.
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { Server } from 'node:http';
import Fastify, { FastifyHttpOptions, FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLSchema } from 'graphql';
import { Authenticator } from '../graphql/auth';
import { createContext, HubContext } from '../graphql/context';
import type { Services } from '../graphql/services';
import { registerHealthRoutes, Readiness } from './health';
import { registerSseRoute } from './sse-server';
import type { Logger } from './logger';
import { registerCors } from './cors';
import { registerCsrfRule } from './csrf';
import { registerStaticRoutes } from './static-routes';
import { OpenStreams } from './streaming';
import { TrustedDocuments, trustedDocumentsPlugin } from './trusted-documents';
import type { Metrics } from './metrics';
import { hubApolloConfig } from './apollo-plugins';
import { registerGraphqlHttpRules } from './graphql-http-rules';
import { registerMultipartSubscriptions } from './multipart-subscriptions';
import { publicCachePlugins } from './response-cache';
import { authFailure } from './transport-errors';
import { MODULES } from '../modules';

export const MAX_BODY_BYTES = 100 * 1024;

export interface HttpServerDeps {
  schema: GraphQLSchema;
  services: Services;
  auth: Authenticator;
  log: Logger;
  metrics: Metrics;
  readiness: Readiness;
}

export { authFailure };

export async function createHttpServer(
  deps: HttpServerDeps,
): Promise<{ app: FastifyInstance; apollo: ApolloServer<HubContext> }> {
  const { schema, services, auth, log, metrics, readiness } = deps;
  const options: FastifyHttpOptions<Server> = {
    bodyLimit: MAX_BODY_BYTES,
    logger: false,
    // Only believe X-Forwarded-For from configured proxies: a client must not pick its own
    // address for the per-IP rate limits.
    trustProxy:
      typeof services.config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(services.config.trustProxy)
        : services.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  };
  const app = Fastify(options);

  const common = hubApolloConfig(services, log, metrics);
  const apollo = new ApolloServer<HubContext>({
    ...common,
    schema,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ...common.plugins,
      trustedDocumentsPlugin(new TrustedDocuments(services.config.publicOperations)),
      ...publicCachePlugins(services, metrics),
    ],
  });
  await apollo.start();

  registerCors(app);
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });

  registerCsrfRule(app);
  registerGraphqlHttpRules(app, log);
  // Subscriptions at /graphql are answered here, before Apollo (which cannot stream them).
  // SSE and multipart streams end when the app closes (WebSockets are closed by the hub).
  const streams = new OpenStreams();
  app.addHook('preClose', async () => streams.endAll());
  registerMultipartSubscriptions(app, { schema, services, auth, log, metrics, streams });
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (req) => {
      try {
        const viewer = await auth.viewerFor(req.headers.authorization, req.ip);
        return createContext(services, viewer, String(req.id));
      } catch (e) {
        throw authFailure(e);
      }
    },
  });

  registerHealthRoutes(app, services.db.dataSource, readiness);
  registerSseRoute(app, { schema, services, auth, log, streams });
  registerStaticRoutes(app, {
    db: services.db,
    schema: services.config.introspection ? schema : undefined,
  });
  // Each module's own routes (iCalendar feeds, ...), with the same token rules as /graphql.
  const routes = {
    app,
    viewerOf: (req: FastifyRequest) => auth.viewerFor(req.headers.authorization, req.ip),
  };
  for (const m of MODULES) m.routes(services as never)(routes);
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  return { app, apollo };
}
