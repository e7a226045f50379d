// What the federation tests share: a tiny HTTP server for a test subgraph, composition with
// @theguild/federation-composition, and the real Hive Gateway runtime over the composed graph.
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { graphql, GraphQLSchema, parse } from 'graphql';
import { SUBGRAPH_SECRET_HEADER } from '../../src/server/subgraph-server';

export type Gateway = ReturnType<typeof createGatewayRuntime>;
type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export interface Result<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export async function post<T>(
  fetchFn: FetchFn,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Result<T>> {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<Result<T>, 'status'>;
  return { status: res.status, ...body };
}

/** A query through the gateway, as a client would send it (optionally signed in). */
export const viaGateway = <T>(
  gateway: Gateway,
  query: string,
  token?: string,
  variables: Record<string, unknown> = {},
) =>
  post<T>(
    (url, init) => Promise.resolve(gateway.fetch(url, init)),
    'http://gateway.test/graphql',
    query,
    variables,
    token ? { authorization: `Bearer ${token}` } : {},
  );

/** The hub's subgraph SDL read the way a schema registry reads it: `_service { sdl }`. */
export async function hubSubgraphSdl(subgraphUrl: string, secret: string): Promise<string> {
  const res = await post<{ _service: { sdl: string } }>(
    fetch,
    subgraphUrl,
    '{ _service { sdl } }',
    {},
    { [SUBGRAPH_SECRET_HEADER]: secret },
  );
  if (!res.data) throw new Error(`_service { sdl } failed: ${JSON.stringify(res.errors)}`);
  return res.data._service.sdl;
}

export interface SubgraphSource {
  name: string;
  sdl: string;
  url: string;
}

/** Composes the subgraphs; throws with every composition error when it fails. */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const composed = composeServices(
    subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: s.url })),
  );
  if (!composed.supergraphSdl) {
    throw new Error(
      `composition failed: ${(composed.errors ?? []).map((e) => e.message).join('; ')}`,
    );
  }
  return composed.supergraphSdl;
}

/**
 * The Hive Gateway runtime over a composed supergraph. The caller's token goes to the hub, which
 * decides what it may see; the secret proves to the hub that the request comes from the gateway.
 */
export function startGateway(supergraph: string, hubSecret: string): Gateway {
  return createGatewayRuntime({
    supergraph,
    logging: false,
    // Subgraph errors in full, so a failing test says why.
    maskedErrors: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) =>
        subgraphName === 'hub'
          ? {
              authorization: request.headers.get('authorization'),
              [SUBGRAPH_SECRET_HEADER]: hubSecret,
            }
          : {},
    },
  });
}

export interface ServedSchema {
  url: string;
  stop(): Promise<void>;
}

/** Serves an executable schema over plain HTTP POST on a free port (a test subgraph). */
export async function serveSchema(schema: GraphQLSchema): Promise<ServedSchema> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { query, variables, operationName } = JSON.parse(body || '{}');
      void graphql({ schema, source: query, variableValues: variables, operationName }).then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
