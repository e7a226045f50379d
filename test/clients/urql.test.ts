// urql 6 against a real hub with its defaults (issue 12 item 6): queries go out as GET with only
// an `accept` header, which Apollo's CSRF prevention refused. The hub keeps that protection for
// requests that carry a cookie (its only ambient credential could be one) and accepts the rest;
// subscriptions run through urql's subscriptionExchange on graphql-ws, as urql documents it.
import { Client, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;
const requests: Array<{ method: string; headers: Record<string, string> }> = [];
const disposers: Array<() => unknown> = [];

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  ids = await demoIds(t);
});
afterAll(async () => {
  for (const d of disposers) await d();
  await t?.stop();
});

/** fetch, recording what urql sends. */
const recordingFetch: typeof fetch = (input, init) => {
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  requests.push({ method: init?.method ?? 'GET', headers });
  return fetch(input, init);
};

function client(token?: string) {
  const ws = createWsClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  disposers.push(() => ws.dispose());
  return new Client({
    url: t.url,
    fetch: recordingFetch,
    fetchOptions: () => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
}

const REGIONS = gql`
  query Regions {
    regions {
      id
      name
    }
  }
`;

describe('urql with its defaults', () => {
  it('queries over GET with nothing but an accept header', async () => {
    requests.length = 0;
    const res = await client().query(REGIONS, {}).toPromise();
    expect(res.error).toBeUndefined();
    expect((res.data as { regions: { name: string }[] }).regions.map((r) => r.name)).toContain(
      'Büsum',
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe('GET');
    expect(requests[0].headers['content-type']).toBeUndefined();
    expect(requests[0].headers['apollo-require-preflight']).toBeUndefined();
  });

  it('reports error codes, and runs a mutation over POST with a token', async () => {
    const bad = await client()
      .query(
        gql`
          {
            needs(first: 500) {
              totalCount
            }
          }
        `,
        {},
      )
      .toPromise();
    expect(bad.error?.graphQLErrors[0].extensions.code).toBe('BAD_USER_INPUT');
    const admin = client(await t.token(Role.ADMIN));
    const res = await admin
      .mutation(
        gql`
          mutation Open($input: OpenNeedInput!) {
            openNeed(input: $input) {
              title
            }
          }
        `,
        {
          input: {
            actorId: ids.actor('Sportverein Büsum'),
            kind: 'HELPERS',
            title: 'Über urql',
            quantity: 1,
          },
        },
      )
      .toPromise();
    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({ openNeed: { title: 'Über urql' } });
  });

  it('subscribes through the subscriptionExchange on graphql-ws', async () => {
    const titles: string[] = [];
    const { unsubscribe } = client()
      .subscription(
        gql`
          subscription Events($text: String!) {
            needEvents(filter: { text: $text }) {
              need {
                title
              }
            }
          }
        `,
        { text: 'Urql Abo' },
      )
      .subscribe((r) => {
        const data = r.data as { needEvents: { need: { title: string } } } | undefined;
        if (data) titles.push(data.needEvents.need.title);
      });
    await waitFor('the subscription', async () =>
      t.hub.services.sharedSubscriptions.members > 0 ? true : undefined,
    );
    await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Urql Abo eins' });
    await waitFor('the event', async () => (titles.length === 1 ? true : undefined));
    expect(titles).toEqual(['Urql Abo eins']);
    unsubscribe();
  });
});

describe('CSRF protection for requests that carry a cookie', () => {
  const get = (headers: Record<string, string>) =>
    fetch(`${t.url}?query=${encodeURIComponent('{ regions { id } }')}`, { headers });

  it('refuses a cookie-carrying GET that a browser could send cross-site', async () => {
    const res = await get({ cookie: 'session=abc' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('accepts it once it proves a preflight (a header a form cannot set)', async () => {
    const res = await get({ cookie: 'session=abc', 'apollo-require-preflight': 'true' });
    expect(res.status).toBe(200);
  });

  it('applies the same rule to the SSE and subgraph paths', async () => {
    for (const path of ['/graphql/stream', '/subgraph']) {
      const res = await fetch(`${t.hub.url}${path}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { cookie: 'session=abc', accept: 'text/event-stream' },
      });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
  });
});
