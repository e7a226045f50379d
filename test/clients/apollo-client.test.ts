// Apollo Client 4 against a real hub, as a partner would set it up: InMemoryCache with
// relayStylePagination, an HttpLink (queries, mutations, errors, and subscriptions over the
// multipart protocol with no extra link), and a GraphQLWsLink for subscriptions over WebSocket.
import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  gql,
  HttpLink,
  InMemoryCache,
  type TypedDocumentNode,
} from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { relayStylePagination } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;
const disposers: Array<() => unknown> = [];

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  ids = await demoIds(t);
});
afterAll(async () => {
  for (const d of disposers) await d();
  await t?.stop();
});

function cache() {
  return new InMemoryCache({
    typePolicies: { Query: { fields: { needs: relayStylePagination(['filter']) } } },
  });
}

function httpClient(token?: string) {
  const client = new ApolloClient({
    cache: cache(),
    link: new HttpLink({
      uri: t.url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
  });
  disposers.push(() => client.stop());
  return client;
}

function wsClient(token?: string) {
  const ws = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const client = new ApolloClient({ cache: cache(), link: new GraphQLWsLink(ws) as ApolloLink });
  disposers.push(
    () => client.stop(),
    () => ws.dispose(),
  );
  return client;
}

interface NeedEvents {
  needEvents: { type: string; cursor: string; need: { id: string; title: string } };
}
const NEED_EVENTS: TypedDocumentNode<NeedEvents, { text: string }> = gql`
  subscription Events($text: String!) {
    needEvents(filter: { text: $text }) {
      type
      cursor
      need {
        id
        title
      }
    }
  }
`;

/** Subscribes and collects titles until `count` arrived. */
async function collect(
  client: ApolloClient,
  text: string,
  count: number,
  trigger: () => Promise<unknown>,
): Promise<string[]> {
  const titles: string[] = [];
  const errors: unknown[] = [];
  const sub = client.subscribe({ query: NEED_EVENTS, variables: { text } }).subscribe({
    next: (r) =>
      r.data ? titles.push(r.data.needEvents.need.title) : errors.push(r.error ?? 'no data'),
    error: (e) => void errors.push(e),
  });
  const before = t.hub.services.needEventHub.size;
  try {
    await waitFor('the subscription', async () =>
      t.hub.services.needEventHub.size > before || t.hub.services.sharedSubscriptions.members > 0
        ? true
        : undefined,
    );
    await trigger();
    await waitFor(`${count} events`, async () =>
      titles.length >= count || errors.length > 0 ? true : undefined,
    );
    expect(errors).toEqual([]);
    return titles;
  } finally {
    sub.unsubscribe();
  }
}

describe('Apollo Client with an HttpLink only', () => {
  it('subscribes over multipart HTTP, anonymous and signed in', async () => {
    const actor = ids.actor('Sportverein Büsum');
    const trigger = async () => {
      await openNeed(t, actor, { title: 'Apollo HTTP intern', visibility: 'NETWORK' });
      await openNeed(t, actor, { title: 'Apollo HTTP offen' });
    };
    expect(await collect(httpClient(), 'Apollo HTTP', 1, trigger)).toEqual(['Apollo HTTP offen']);
    const admin = httpClient(await t.token(Role.ADMIN));
    const trigger2 = async () => {
      await openNeed(t, actor, { title: 'Apollo HTTP2 intern', visibility: 'NETWORK' });
      await openNeed(t, actor, { title: 'Apollo HTTP2 offen' });
    };
    expect(await collect(admin, 'Apollo HTTP2', 2, trigger2)).toEqual([
      'Apollo HTTP2 intern',
      'Apollo HTTP2 offen',
    ]);
  });
});

describe('Apollo Client with a GraphQLWsLink', () => {
  it('subscribes over WebSocket, anonymous and signed in', async () => {
    const actor = ids.actor('Sportverein Büsum');
    const trigger = async () => {
      await openNeed(t, actor, { title: 'Apollo WS intern', visibility: 'NETWORK' });
      await openNeed(t, actor, { title: 'Apollo WS offen' });
    };
    expect(await collect(wsClient(), 'Apollo WS', 1, trigger)).toEqual(['Apollo WS offen']);
    const trigger2 = async () => {
      await openNeed(t, actor, { title: 'Apollo WS2 intern', visibility: 'NETWORK' });
      await openNeed(t, actor, { title: 'Apollo WS2 offen' });
    };
    const admin = wsClient(await t.token(Role.ADMIN));
    expect(await collect(admin, 'Apollo WS2', 2, trigger2)).toEqual([
      'Apollo WS2 intern',
      'Apollo WS2 offen',
    ]);
  });
});

interface NeedPage {
  needs: {
    edges: Array<{ cursor: string; node: { id: string; title: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const NEEDS: TypedDocumentNode<NeedPage, { filter: unknown; first: number; after?: string }> = gql`
  query Needs($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

describe('Apollo Client queries with relayStylePagination', () => {
  it('pages through needs with fetchMore, and the cache merges the pages in order', async () => {
    const client = httpClient();
    const filter = { regionId: ids.region('Amt Büsum-Wesselburen') };
    // The first four as the hub pages them, read without the cache under test.
    const all = await httpClient().query({ query: NEEDS, variables: { filter, first: 4 } });
    const expected = all.data!.needs.edges.map((e) => e.node.id);
    expect(expected.length).toBe(4);

    const watched = client.watchQuery({ query: NEEDS, variables: { filter, first: 2 } });
    const results: NeedPage[] = [];
    const sub = watched.subscribe({
      next: (r) => void (r.data && r.dataState === 'complete' && results.push(r.data as NeedPage)),
    });
    disposers.push(() => sub.unsubscribe());
    const first = await waitFor('the first page', async () => results[0]);
    expect(first.needs.edges.map((e) => e.node.id)).toEqual(expected.slice(0, 2));
    await watched.fetchMore({ variables: { after: first.needs.pageInfo.endCursor! } });
    const merged = client.readQuery({ query: NEEDS, variables: { filter, first: 2 } });
    expect(merged?.needs.edges.map((e) => e.node.id)).toEqual(expected);
    expect(merged?.needs.pageInfo.hasNextPage).toBe(true);
  });

  it("reports the hub's error codes as CombinedGraphQLErrors", async () => {
    const client = httpClient();
    const error = await client
      .query({ query: NEEDS, variables: { filter: null, first: 500 } })
      .then(
        (r) => r.error,
        (e: unknown) => e,
      );
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    expect((error as CombinedGraphQLErrors).errors[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs a mutation over the HttpLink with a token', async () => {
    const client = httpClient(await t.token(Role.ADMIN));
    const res = await client.mutate({
      mutation: gql`
        mutation Open($input: OpenNeedInput!) {
          openNeed(input: $input) {
            id
            title
          }
        }
      `,
      variables: {
        input: {
          actorId: ids.actor('Sportverein Büsum'),
          kind: 'HELPERS',
          title: 'Über Apollo Client',
          quantity: 2,
        },
      },
    });
    expect((res.data as { openNeed: { title: string } }).openNeed.title).toBe('Über Apollo Client');
  });
});
