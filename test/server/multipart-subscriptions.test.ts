// Subscriptions over plain HTTP (issue 12 item 2): Apollo's multipart subscription protocol at
// /graphql, and a clear 406 for a subscription asked as plain JSON (it answered 200 with
// INTERNAL_SERVER_ERROR before). The protocol by hand here; Apollo Client's HttpLink in
// test/clients/apollo-client.test.ts.
import { Role } from '../../src/graphql/viewer';
import { HEARTBEAT_MS, MULTIPART_CONTENT_TYPE } from '../../src/server/multipart-subscriptions';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { MULTIPART_ACCEPT, readMultipartParts } from '../helpers/transports';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  ids = await demoIds(t);
});
afterAll(() => t?.stop());

const EVENTS = `subscription($text: String!) {
  needEvents(filter: { text: $text }) { type need { title visibility } } }`;

function post(
  body: unknown,
  headers: Record<string, string> = { accept: MULTIPART_ACCEPT },
  signal?: AbortSignal,
) {
  return fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

type Part = { payload?: { data?: { needEvents: { type: string; need: { title: string } } } } };

describe('a subscription with accept: multipart/mixed;subscriptionSpec=1.0', () => {
  it('streams a heartbeat at once, then a payload part per event', async () => {
    const abort = new AbortController();
    const res = await post(
      { query: EVENTS, variables: { text: 'Mehrteilig' } },
      undefined,
      abort.signal,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MULTIPART_CONTENT_TYPE);
    const before = t.hub.services.needEventHub.size;
    const reading = readMultipartParts(
      res,
      (parts) => parts.filter((p) => (p as Part).payload).length === 2,
    );
    await openNeed(t, ids.actor('Sportverein Büsum'), {
      title: 'Mehrteilig intern',
      visibility: 'NETWORK',
    });
    await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Mehrteilig eins' });
    await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Mehrteilig zwei' });
    const { parts } = await reading;
    expect(parts[0]).toEqual({});
    const payloads = parts.filter((p) => (p as Part).payload) as Part[];
    // Anonymous: the NETWORK need is not delivered.
    expect(payloads.map((p) => p.payload?.data?.needEvents.need.title)).toEqual([
      'Mehrteilig eins',
      'Mehrteilig zwei',
    ]);
    abort.abort();
    await waitFor('the subscription to end with the reader', async () =>
      t.hub.services.needEventHub.size < before && t.hub.services.sharedSubscriptions.members === 0
        ? true
        : undefined,
    );
  });

  it(`sends a heartbeat part every ${HEARTBEAT_MS / 1000} s while nothing happens`, async () => {
    const res = await post({ query: EVENTS, variables: { text: 'Herzschlag' } });
    const started = Date.now();
    const { parts } = await readMultipartParts(res, (all) => all.length === 2);
    expect(parts).toEqual([{}, {}]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(HEARTBEAT_MS - 500);
  }, 30_000);

  it('signs in with the Authorization header, and refuses a bad token with 401', async () => {
    const refused = await post(
      { query: EVENTS, variables: { text: 'x' } },
      { accept: MULTIPART_ACCEPT, authorization: 'Bearer nope' },
    );
    expect(refused.status).toBe(401);
    expect((await refused.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const admin = await t.token(Role.ADMIN);
    const res = await post(
      { query: EVENTS, variables: { text: 'Angemeldet mehrteilig' } },
      { accept: MULTIPART_ACCEPT, authorization: `Bearer ${admin}` },
    );
    const reading = readMultipartParts(res, (parts) => parts.some((p) => (p as Part).payload));
    await openNeed(t, ids.actor('Sportverein Büsum'), {
      title: 'Angemeldet mehrteilig',
      visibility: 'NETWORK',
    });
    const { parts } = await reading;
    expect((parts.find((p) => (p as Part).payload) as Part).payload?.data?.needEvents.need).toEqual(
      {
        title: 'Angemeldet mehrteilig',
        visibility: 'NETWORK',
      },
    );
  });

  it('refuses a request that carries a cookie and could be cross-site (CSRF)', async () => {
    const qs = new URLSearchParams({ query: EVENTS, variables: JSON.stringify({ text: 'x' }) });
    const forged = await fetch(`${t.url}?${qs}`, {
      headers: { accept: MULTIPART_ACCEPT, cookie: 'session=1' },
    });
    expect(forged.status).toBe(400);
    expect((await forged.json()).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('a subscription asked as plain JSON', () => {
  it.each([
    ['POST, accept application/json', { accept: 'application/json' }],
    ['POST, no accept', {} as Record<string, string>],
    ['POST, accept graphql-response+json', { accept: 'application/graphql-response+json' }],
  ])('%s: 406 NOT_ACCEPTABLE naming WebSocket, SSE and multipart', async (_name, headers) => {
    const res = await post({ query: EVENTS, variables: { text: 'x' } }, headers);
    expect(res.status).toBe(406);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('NOT_ACCEPTABLE');
    expect(body.errors[0].message).toMatch(/WebSocket/);
    expect(body.errors[0].message).toMatch(/Server-Sent Events/);
    expect(body.errors[0].message).toMatch(/multipart\/mixed;subscriptionSpec=1\.0/);
  });

  it('GET: 406 as well, never a 500-class answer', async () => {
    const qs = new URLSearchParams({
      query: EVENTS,
      variables: JSON.stringify({ text: 'x' }),
    });
    const res = await fetch(`${t.url}?${qs}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(406);
  });

  it('leaves queries to Apollo, also ones that mention the word subscription', async () => {
    const res = await post(
      { query: 'query subscriptionless { __typename }' },
      { accept: MULTIPART_ACCEPT },
    );
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual({ __typename: 'Query' });
  });
});
