// The explorer at /: GraphiQL bundled from npm (no CDN, works without internet). Queries and
// mutations go over HTTP with the headers from the Headers tab; subscriptions go over graphql-ws
// with the same Authorization value as a connection parameter.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { buildSchema, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { createRoot } from 'react-dom/client';

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

const DEFAULT_QUERY = `# Engagement-Hub · GraphQL-Explorer
#
# Ohne Anmeldung sehen Sie alles Öffentliche. Zum Anmelden unten im Tab
# "Headers" eintragen:  { "Authorization": "Bearer <Token>" }
# Ein Token erzeugt:    npm run hub -- token --role COORDINATOR --region <Region-ID>
#
# Strg+Enter führt die Abfrage aus; Strg+Leertaste schlägt Felder vor.
# Abonnements (subscription) laufen live über WebSocket.

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

# subscription LiveBedarfe {
#   needEvents { type occurredAt need { title remainingQuantity status } }
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

void publishedSchema().then((schema) =>
  createRoot(document.getElementById('graphiql')!).render(
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={defaultHeaders}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    />,
  ),
);
