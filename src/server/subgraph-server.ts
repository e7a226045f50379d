// The federation subgraph at /subgraph: a second Apollo Server on the same Fastify app, with the
// same sign-in, limits, rate limits, logging and error mapping as /graphql. `_entities` takes any
// id a caller names, so only the gateway should reach it: with HUB_SUBGRAPH_SECRET set, requests
// without the matching `x-hub-subgraph-secret` header are refused before anything is parsed.
// Trusted documents and the public response cache stay on /graphql: the gateway writes its own
// queries to subgraphs, so persisted documents belong at the gateway.
import { timingSafeEqual, createHash } from 'node:crypto';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError, Kind, valueFromAST } from 'graphql';
import type { Authenticator } from '../graphql/auth';
import { createContext, HubContext } from '../graphql/context';
import type { Services } from '../graphql/services';
import { hubApolloConfig } from './apollo-plugins';
import { sendRequestError } from './graphql-http-rules';
import { authFailure } from './http-server';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export const SUBGRAPH_PATH = '/subgraph';
export const SUBGRAPH_SECRET_HEADER = 'x-hub-subgraph-secret';
/** More representations than any sane query plan sends in one fetch. */
export const MAX_REPRESENTATIONS = 1000;

export interface SubgraphDeps {
  services: Services;
  auth: Authenticator;
  log: Logger;
  metrics: Metrics;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of the header with the configured secret. */
export function subgraphSecretMatches(expected: string, given: unknown): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(expected), digest(given));
}

/**
 * `_entities(representations:)` costs one load per representation, which the cost limit cannot
 * see (its list size is unknown there): cap the count per request.
 */
export function representationsLimitPlugin(
  max = MAX_REPRESENTATIONS,
): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) return;
          const arg = schema.getQueryType()?.getFields()._entities?.args[0];
          if (!arg) return;
          let total = 0;
          for (const sel of operation.selectionSet.selections) {
            if (sel.kind !== Kind.FIELD || sel.name.value !== '_entities') continue;
            const node = sel.arguments?.find((a) => a.name.value === 'representations');
            const value = node ? valueFromAST(node.value, arg.type, request.variables) : null;
            total += Array.isArray(value) ? value.length : 0;
          }
          if (total > max) {
            throw new GraphQLError(`_entities takes at most ${max} representations per request`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Registers /subgraph on the app (call before app.listen). The subgraph schema and its Apollo
 * server are built on the first request: federation's modules and a second schema build would
 * otherwise add to every start, while only a gateway ever asks.
 */
export async function registerSubgraphRoute(
  app: FastifyInstance,
  deps: SubgraphDeps,
): Promise<void> {
  const { services, auth, log, metrics } = deps;
  let apollo: ApolloServer<HubContext> | null = null;
  type Handler = (this: unknown, req: unknown, reply: unknown) => unknown;
  let handler: Promise<Handler> | null = null;
  const ready = () =>
    (handler ??= (async () => {
      /* eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above */
      const subgraph: typeof import('../graphql/build-subgraph') = require('../graphql/build-subgraph');
      const common = hubApolloConfig(services, log, metrics);
      apollo = new ApolloServer<HubContext>({
        ...common,
        // The gateway reads the SDL through `_service { sdl }`, which introspection settings do
        // not affect; introspection itself follows the hub's setting.
        schema: await subgraph.buildHubSubgraphSchema(),
        plugins: [
          ...common.plugins,
          // Traces carry resolver timings to whoever asks with the right header; not for a
          // gateway we do not operate.
          ApolloServerPluginInlineTraceDisabled(),
          representationsLimitPlugin(),
        ],
      });
      await apollo.start();
      return fastifyApolloHandler<HubContext>(apollo, {
        context: async (req) => {
          try {
            const viewer = await auth.viewerFor(req.headers.authorization, req.ip);
            return createContext(services, viewer, String(req.id));
          } catch (e) {
            throw authFailure(e);
          }
        },
      }) as unknown as Handler;
    })());
  // No drain plugin here: that one closes the app, and the app closing is what stops this server.
  app.addHook('onClose', async () => {
    await handler?.catch(() => undefined);
    await apollo?.stop();
  });

  const secret = services.config.subgraphSecret;
  await app.register(async (scope) => {
    if (secret) {
      scope.addHook('onRequest', async (req: FastifyRequest, reply) => {
        if (!subgraphSecretMatches(secret, req.headers[SUBGRAPH_SECRET_HEADER])) {
          return sendRequestError(
            reply,
            403,
            `${SUBGRAPH_PATH} is reserved for the federation gateway`,
            'FORBIDDEN',
          );
        }
      });
    }
    scope.route({
      method: ['GET', 'POST'],
      url: SUBGRAPH_PATH,
      handler: async function (req, reply) {
        const handle = await ready();
        return handle.call(this, req, reply);
      },
    });
  });
}
