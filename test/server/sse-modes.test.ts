// graphql-sse's two modes against the real hub with graphql-sse's own client: distinct
// connections (one stream per operation) and single connection (PUT reserves a stream, GET
// opens it, operations are POSTed into it). Both sign in per operation and stream the same
// events; the requests the client does not make get clear errors with codes.
import { createClient } from 'graphql-sse';
import { Role } from '../../src/graphql/viewer';
import { MAX_PENDING_RESERVATIONS, SSE_PATH } from '../../src/server/sse-server';
import { startTestHub, TestHub } from '../helpers/test-hub';
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

function sseClient(singleConnection: boolean, token?: string) {
  return createClient({
    url: `${t.url}/stream`,
    singleConnection,
    retryAttempts: 0,
    headers: () => (token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>)),
  });
}

function watch(client: ReturnType<typeof sseClient>, text: string) {
  const seen: string[] = [];
  const errors: unknown[] = [];
  const off = client.subscribe<{ needEvents: { type: string; need: { title: string } } }>(
    { query: EVENTS, variables: { text } },
    {
      next: (r) =>
        r.data
          ? seen.push(`${r.data.needEvents.type} ${r.data.needEvents.need.title}`)
          : errors.push(r.errors),
      error: (e) => void errors.push(e),
      complete: () => undefined,
    },
  );
  return { seen, errors, off };
}

describe.each([
  ['distinct connections', false],
  ['single connection', true],
])('graphql-sse client, %s', (_mode, single) => {
  it('streams events to anonymous and signed-in subscribers by their rights', async () => {
    const word = single ? 'Einzelstrom' : 'Mehrstrom';
    const anonymous = sseClient(single);
    const admin = sseClient(single, await t.token(Role.ADMIN));
    const before = t.hub.services.needEventHub.size;
    const publicSub = watch(anonymous, word);
    const adminSub = watch(admin, word);
    // Two operations over one single connection: a second one on the same client.
    const second = watch(anonymous, `${word} zwei`);
    await waitFor('three subscriptions', async () =>
      t.hub.services.needEventHub.size - before >= 3 ? true : undefined,
    );
    const actor = ids.actor('Sportverein Büsum');
    await openNeed(t, actor, { title: `${word} intern`, visibility: 'NETWORK' });
    await openNeed(t, actor, { title: `${word} offen` });
    await openNeed(t, actor, { title: `${word} zwei` });
    await waitFor('the last event for each', async () =>
      publicSub.seen.length === 2 && adminSub.seen.length === 3 && second.seen.length === 1
        ? true
        : undefined,
    );
    expect(publicSub.seen).toEqual([`OPENED ${word} offen`, `OPENED ${word} zwei`]);
    expect(adminSub.seen).toEqual([
      `OPENED ${word} intern`,
      `OPENED ${word} offen`,
      `OPENED ${word} zwei`,
    ]);
    expect(second.seen).toEqual([`OPENED ${word} zwei`]);
    expect([...publicSub.errors, ...adminSub.errors, ...second.errors]).toEqual([]);
    for (const s of [publicSub, adminSub, second]) s.off();
    anonymous.dispose();
    admin.dispose();
    await waitFor('the subscriptions to end', async () =>
      t.hub.services.needEventHub.size === before ? true : undefined,
    );
  });
});

describe('single connection requests by hand', () => {
  const base = () => `${t.hub.url}${SSE_PATH}`;

  it('reserves a stream with PUT, refuses a second stream on it and unknown tokens', async () => {
    const put = await fetch(base(), { method: 'PUT' });
    expect(put.status).toBe(201);
    const token = await put.text();
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const stream = await fetch(base(), {
      headers: { accept: 'text/event-stream', 'x-graphql-event-stream-token': token },
    });
    expect(stream.status).toBe(200);
    const again = await fetch(base(), {
      headers: { accept: 'text/event-stream', 'x-graphql-event-stream-token': token },
    });
    expect(again.status).toBe(409);
    expect((await again.json()).errors[0].extensions.code).toBe('CONFLICT');
    await stream.body?.cancel();

    const unknown = await fetch(base(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-event-stream-token': 'nope' },
      body: JSON.stringify({ query: '{ __typename }', extensions: { operationId: '1' } }),
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses a bad token at the reservation with 401 UNAUTHENTICATED', async () => {
    const put = await fetch(base(), { method: 'PUT', headers: { authorization: 'Bearer nope' } });
    expect(put.status).toBe(401);
    expect((await put.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('explains a request without a stream and without accept: text/event-stream', async () => {
    const res = await fetch(base(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.errors[0].message).toMatch(/text\/event-stream/);
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it(`holds at most ${MAX_PENDING_RESERVATIONS} reservations that were never opened`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_PENDING_RESERVATIONS + 5; i++) {
      const res = await fetch(base(), { method: 'PUT' });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(MAX_PENDING_RESERVATIONS);
  });
});
