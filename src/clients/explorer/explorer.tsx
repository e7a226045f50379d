// The explorer at /: GraphiQL bundled from npm (no CDN, works without internet). Queries and
// mutations go over HTTP with the headers from the Headers tab; subscriptions go over graphql-ws
// with the same Authorization value as a connection parameter.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './explorer.css';
import { buildSchema, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { createRoot } from 'react-dom/client';
import { patchGraphiQLAccessibility } from './graphiql-a11y';

const httpUrl = `${location.origin}/graphql`;
const wsUrl = httpUrl.replace(/^http/, 'ws');
const TOKEN_KEY = 'engagement-hub.token';

const httpFetcher = createGraphiQLFetcher({ url: httpUrl });
const wsClients = new Map<string, Client>();

function wsClient(authorization: string): Client {
  let client = wsClients.get(authorization);
  if (!client) {
    client = createClient({
      url: wsUrl,
      lazy: true,
      connectionParams: authorization ? { authorization } : {},
    });
    wsClients.set(authorization, client);
  }
  return client;
}

function isSubscription(query: string, operationName?: string | null): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false;
  }
}

const fetcher: Fetcher = (params, opts) => {
  if (!isSubscription(params.query, params.operationName)) return httpFetcher(params, opts);
  const headers = (opts?.headers ?? {}) as Record<string, unknown>;
  const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  return wsClient(typeof auth === 'string' ? auth : '').iterate({
    query: params.query,
    variables: params.variables ?? undefined,
    operationName: params.operationName ?? undefined,
  }) as ReturnType<Fetcher>; // graphql-ws yields formatted results, which GraphiQL shows as they are
};

// The introduction is HTML above the editor (see client-pages.ts), where it wraps at any width;
// the comments here stay short enough for the editor's half of a laptop screen.
const DEFAULT_QUERY = `# Offene Bedarfe je Amt. Ausführen: Strg+Enter

query OffeneBedarfe {
  regions(level: AMT) {
    id
    name
    needs(filter: { status: [OPEN] }, first: 5) {
      totalCount
      nodes {
        title
        kind
        quantity
        remainingQuantity
        actor { name }
      }
    }
  }
}

# Live mitlesen (Abonnement über WebSocket):
# subscription LiveBedarfe {
#   needEvents {
#     type
#     need { title remainingQuantity }
#   }
# }
`;

const token = sessionStorage.getItem(TOKEN_KEY);
const defaultHeaders = token
  ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2)
  : undefined;

// The hub publishes its schema as SDL; with it GraphiQL needs no introspection round trip
// (and still has docs and completion where operation limits would refuse the deep
// introspection query). Without it GraphiQL falls back to introspection.
async function publishedSchema(): Promise<GraphQLSchema | undefined> {
  try {
    const res = await fetch('/schema.graphql');
    return res.ok ? buildSchema(await res.text()) : undefined;
  } catch {
    return undefined;
  }
}

const container = document.getElementById('graphiql')!;
patchGraphiQLAccessibility(container);
// Light only, like the hub's other pages: the colours below are the ones checked for contrast.
void publishedSchema().then((schema) =>
  createRoot(container).render(
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={defaultHeaders}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
      forcedTheme="light"
    />,
  ),
);
