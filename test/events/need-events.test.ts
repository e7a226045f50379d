// needEvents over graphql-ws (its own client) and graphql-sse, against real PostgreSQL with two
// hub instances on one database.
import { createClient as createSseClient } from 'graphql-sse';
import type { Client as WsClient } from 'graphql-ws';
import { LISTENER_APPLICATION_NAME } from '../../src/events/log-listener';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { dbId, openNeed, PLEDGE, withPg } from '../modules/needs/need-fixtures';
import { wsClient } from '../helpers/ws-client';

type Ids = Awaited<ReturnType<typeof demoIds>>;

const SUB = `subscription($filter: NeedFilter, $after: String) {
  needEvents(filter: $filter, after: $after) { cursor type occurredAt need { id title pledgedQuantity status actor { name } region { name } } }
}`;

interface Ev {
  cursor: string;
  type: string;
  need: {
    id: string;
    title: string;
    pledgedQuantity: number;
    status: string;
    actor: { name: string };
    region: { name: string };
  };
}

interface Collector {
  events: Ev[];
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
  dispose: () => void;
}

function collect(client: WsClient, variables: Record<string, unknown>): Collector {
  const c: Collector = { events: [], errors: [], dispose: () => undefined };
  c.dispose = client.subscribe<{ needEvents: Ev }>(
    { query: SUB, variables },
    {
      next: (v) => {
        if (v.errors) c.errors.push(...(v.errors as Collector['errors']));
        else if (v.data) c.events.push(v.data.needEvents);
      },
      error: (e) => c.errors.push({ message: String((e as Error)?.message ?? e) }),
      complete: () => undefined,
    },
  );
  return c;
}

/** Subscribes and waits until the instance's hub has registered the subscriber. */
async function subscribed(
  t: TestHub,
  client: WsClient,
  variables: Record<string, unknown>,
): Promise<Collector> {
  // A subscription registers with the event hub, or joins a shared group of identical ones.
  const registered = () =>
    t.hub.services.needEventHub.size + t.hub.services.sharedSubscriptions.members;
  const before = registered();
  const c = collect(client, variables);
  await waitFor(
    'the subscription to register',
    async () => registered() > before || c.errors.length > 0,
  );
  return c;
}

const arrived = (c: Collector, n: number, what = `${n} events`) =>
  waitFor(what, async () => c.events.length >= n || c.errors.length > 0, {
    timeoutMs: 15_000,
  }).then(() => {
    if (c.errors.length) throw new Error(`subscription failed: ${JSON.stringify(c.errors)}`);
  });

describe('needEvents', () => {
  let t1: TestHub;
  let t2: TestHub;
  let ids: Ids;
  let svBuesum: string;
  let svWesselburen: string;
  let member: string;
  const clients: WsClient[] = [];
  const client = (t: TestHub, token?: string) => {
    const c = wsClient(t.url, token);
    clients.push(c);
    return c;
  };
  const pledge = (t: TestHub, needId: string, quantity = 1) =>
    t.gql(PLEDGE, { input: { needId, actorId: svWesselburen, quantity } }, member).then((r) => {
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r;
    });

  beforeAll(async () => {
    t1 = await startTestHub({ seed: true });
    t2 = await startTestHub({ databaseUrl: t1.databaseUrl });
    ids = await demoIds(t1);
    svBuesum = ids.actor('Sportverein Büsum');
    svWesselburen = ids.actor('Sportverein Wesselburen');
    member = await t1.token(Role.MEMBER, { actorIds: [svWesselburen, svBuesum] });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t2.stop();
    await t1.stop();
  });

  it('refuses a malformed cursor and an expired one (CURSOR_EXPIRED), delivering nothing', async () => {
    const c = client(t1);
    const bad = collect(c, { after: 'not-a-cursor' });
    await waitFor('an error', async () => bad.errors.length > 0);
    expect(bad.errors[0].extensions?.code).toBe('BAD_USER_INPUT');

    const need = await openNeed(t1, svBuesum, { title: 'Ablaufender Cursor' });
    const live = await subscribed(t1, c, { filter: { text: 'Ablaufender Cursor' }, after: null });
    await pledge(t1, need.id);
    await arrived(live, 1);
    live.dispose();
    const cursor = live.events[0].cursor;
    // Age the log past the retention window and let the sweep remove it.
    await withPg(t1, (pg) =>
      pg.query(`UPDATE need_event SET occurred_at = now() - interval '8 days'`),
    );
    const swept = await t1.hub.services.needSweeper.run();
    expect(swept.deletedEvents).toBeGreaterThan(0);
    const expired = collect(c, { after: cursor });
    await waitFor('an error', async () => expired.errors.length > 0);
    expect(expired.errors[0].extensions?.code).toBe('CURSOR_EXPIRED');
    expect(expired.events).toEqual([]);
  });

  it('delivers pledges made through another instance, resolving each event with fresh loaders', async () => {
    const need = await openNeed(t1, svBuesum, { title: 'Zwei Instanzen', quantity: 10 });
    const sub = await subscribed(t2, client(t2), { filter: { regionId: ids.region('Büsum') } });
    await pledge(t1, need.id);
    await arrived(sub, 1);
    expect(sub.events[0]).toMatchObject({
      type: 'PLEDGED',
      need: { id: need.id, pledgedQuantity: 1, actor: { name: 'Sportverein Büsum' } },
    });
    await pledge(t1, need.id, 2);
    await arrived(sub, 2);
    expect(sub.events[1]).toMatchObject({ type: 'PLEDGED', need: { pledgedQuantity: 3 } });
    sub.dispose();
  });

  it('resumes from a cursor: exactly the 20 missed events in order, then live ones', async () => {
    const need = await openNeed(t1, svBuesum, { title: 'Wiederaufnahme Kutter', quantity: 100 });
    const filter = { text: 'Wiederaufnahme Kutter' };
    const c = client(t2);
    const first = await subscribed(t2, c, { filter });
    await pledge(t1, need.id);
    await arrived(first, 1);
    first.dispose();
    const cursor = first.events[0].cursor;
    for (let i = 0; i < 20; i++) await pledge(i % 2 ? t1 : t2, need.id);
    const resumed = collect(c, { filter, after: cursor });
    await arrived(resumed, 20);
    await pledge(t1, need.id);
    await arrived(resumed, 21);
    const positions = resumed.events.map((e) => e.cursor);
    expect(new Set(positions).size).toBe(21);
    expect(resumed.events.every((e) => e.type === 'PLEDGED')).toBe(true);
    const logged = await withPg(
      t1,
      async (pg) =>
        (
          await pg.query(
            `SELECT count(*)::int AS n FROM need_event WHERE need_id = $1 AND type = 'PLEDGED'`,
            [dbId(need.id)],
          )
        ).rows[0].n,
    );
    expect(logged).toBe(22);
    // Log order: cursors decode to increasing positions.
    const pos = positions.map((p) => Number(Buffer.from(p, 'base64url').toString().split(':')[1]));
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    expect(resumed.events.map((e) => e.need.pledgedQuantity).slice(19)).toEqual([21, 22]);
    resumed.dispose();
  });

  it('loses nothing when the LISTEN connection is killed while changes are made', async () => {
    const need = await openNeed(t1, svBuesum, { title: 'Abgerissene Leitung', quantity: 100 });
    const sub = await subscribed(t1, client(t1), { filter: { text: 'Abgerissene Leitung' } });
    const killed = await withPg(
      t1,
      async (pg) =>
        (
          await pg.query(
            `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
            [LISTENER_APPLICATION_NAME],
          )
        ).rows.length,
    );
    expect(killed).toBe(2); // one listener per instance
    for (let i = 0; i < 10; i++) await pledge(i % 2 ? t1 : t2, need.id);
    await arrived(sub, 10);
    expect(sub.events.map((e) => e.type)).toEqual(Array(10).fill('PLEDGED'));
    await waitFor('both listeners to reconnect', () =>
      withPg(
        t1,
        async (pg) =>
          (
            await pg.query(
              `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
              [LISTENER_APPLICATION_NAME],
            )
          ).rows.length === 2,
      ),
    );
    await pledge(t2, need.id);
    await arrived(sub, 11);
    sub.dispose();
  });

  it("never delivers another municipality's needs, nor NETWORK needs to PUBLIC", async () => {
    const buesum = await openNeed(t1, svBuesum, { title: 'Grenzfall Büsum' });
    const wesselburen = await openNeed(t1, svWesselburen, { title: 'Grenzfall Wesselburen' });
    const hidden = await openNeed(t1, svWesselburen, {
      title: 'Grenzfall intern',
      visibility: 'NETWORK',
    });
    const sub = await subscribed(t2, client(t2), {
      filter: { regionId: ids.region('Wesselburen'), text: 'Grenzfall' },
    });
    await pledge(t1, buesum.id);
    await pledge(t1, hidden.id);
    await pledge(t1, wesselburen.id);
    await arrived(sub, 1);
    // Log order: anything else would have arrived before the last change.
    expect(sub.events.map((e) => e.need.id)).toEqual([wesselburen.id]);
    const partner = await subscribed(t2, client(t2, member), {
      filter: { regionId: ids.region('Wesselburen'), text: 'Grenzfall' },
      after: sub.events[0].cursor,
    });
    await pledge(t1, hidden.id);
    await arrived(partner, 1);
    expect(partner.events.map((e) => e.need.id)).toEqual([hidden.id]);
    await pledge(t1, wesselburen.id);
    await arrived(sub, 2);
    expect(sub.events.map((e) => e.need.id)).toEqual([wesselburen.id, wesselburen.id]);
    sub.dispose();
    partner.dispose();
  });

  it('evaluates a filter once per batch for all subscribers that share it', async () => {
    const need = await openNeed(t1, svBuesum, { title: 'Gemeinsamer Filter' });
    const filter = { text: 'Gemeinsamer Filter' };
    // Earlier tests' subscriptions end asynchronously; count only this group's statements.
    await waitFor(
      'earlier subscriptions to end',
      async () => t2.hub.services.needEventHub.size === 0,
    );
    const c = client(t2);
    const subs: Collector[] = [];
    for (let i = 0; i < 5; i++) subs.push(await subscribed(t2, c, { filter }));
    const before = t2.hub.services.needEventHub.filterQueries;
    await pledge(t1, need.id);
    for (const s of subs) await arrived(s, 1);
    expect(t2.hub.services.needEventHub.filterQueries - before).toBe(1);
    subs.forEach((s) => s.dispose());
  });

  it('reports FILLED, REOPENED, CLOSED and EXPIRED (from the sweep) in order', async () => {
    const need = await openNeed(t1, svBuesum, { title: 'Lebenslauf', quantity: 1 });
    const late = await openNeed(t1, svBuesum, {
      title: 'Lebenslauf verpasst',
      deadline: new Date(Date.now() - 1000).toISOString(),
    });
    const sub = await subscribed(t1, client(t1), { filter: { text: 'Lebenslauf' } });
    const p = await t1.gql<{ pledge: { id: string } }>(
      PLEDGE,
      { input: { needId: need.id, actorId: svWesselburen } },
      member,
    );
    await t1.gql(
      'mutation($id: ID!) { withdrawPledge(id: $id) { id } }',
      { id: p.data!.pledge.id },
      member,
    );
    await t1.gql('mutation($id: ID!) { closeNeed(id: $id) { id } }', { id: need.id }, member);
    await t2.hub.services.needSweeper.run();
    await arrived(sub, 6);
    expect(sub.events.map((e) => [e.type, e.need.id])).toEqual([
      ['PLEDGED', need.id],
      ['FILLED', need.id],
      ['PLEDGE_WITHDRAWN', need.id],
      ['REOPENED', need.id],
      ['CLOSED', need.id],
      ['EXPIRED', late.id],
    ]);
    sub.dispose();
  });

  it('serves the same subscription over Server-Sent Events', async () => {
    const need = await openNeed(t1, svBuesum, { title: 'Ereignisstrom Widget' });
    const sse = createSseClient({ url: `${t2.url}/stream`, retryAttempts: 0 });
    const got: Ev[] = [];
    const before = t2.hub.services.needEventHub.size;
    const dispose = sse.subscribe<{ needEvents: Ev }>(
      { query: SUB, variables: { filter: { text: 'Ereignisstrom Widget' } } },
      {
        next: (v) => v.data && got.push(v.data.needEvents),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await waitFor(
      'the stream to subscribe',
      async () => t2.hub.services.needEventHub.size > before,
    );
    await pledge(t1, need.id);
    await waitFor('an event over SSE', async () => got.length >= 1);
    expect(got[0]).toMatchObject({ type: 'PLEDGED', need: { id: need.id, pledgedQuantity: 1 } });
    dispose();
    sse.dispose();
    // The server notices the closed stream and ends the subscription.
    await waitFor('the stream to end', async () => t2.hub.services.needEventHub.size === 0);
  });
});
