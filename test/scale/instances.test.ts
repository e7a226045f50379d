// Three hub instances started at once on one empty database, as behind a load balancer:
// migrations and demo data exactly once, all ready, sweeps in one instance at a time, and every
// need event fanned out to subscribers on every instance in log order, none lost, none twice.
import type { Client as WsClient } from 'graphql-ws';
import { Client } from 'pg';
import type { Transaction } from '../../src/db/database';
import { Role } from '../../src/graphql/viewer';
import { DEMO_SET } from '../../src/modules/seed/demo-set';
import type { NeedService } from '../../src/modules/needs/need.service';
import { SWEEP_LOCK_KEY } from '../../src/modules/needs/need-sweeper';
import { createEmptyDatabase } from '../helpers/test-database';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { getJson, waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { dbId, openNeed, PLEDGE } from '../modules/needs/need-fixtures';
import { wsClient } from '../helpers/ws-client';

const SUB = `subscription($filter: NeedFilter) {
  needEvents(filter: $filter) { cursor type need { id } }
}`;

interface Ev {
  cursor: string;
  type: string;
  need: { id: string };
}

interface Collector {
  events: Ev[];
  errors: unknown[];
  dispose: () => void;
}

const position = (cursor: string) =>
  Number(Buffer.from(cursor, 'base64url').toString('utf8').split(':')[1]);

describe('three instances on one database', () => {
  let database: { url: string; drop(): Promise<void> };
  let hubs: TestHub[] = [];
  let pg: Client;
  const sockets: WsClient[] = [];
  let svBuesum: string;
  let svWesselburen: string;
  let member: string;

  const query = async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await pg.query<R>(sql, params)).rows;

  async function subscribe(t: TestHub, variables: Record<string, unknown>, token?: string) {
    const client = wsClient(t.url, token);
    sockets.push(client);
    const before = t.hub.services.needEventHub.size;
    const c: Collector = { events: [], errors: [], dispose: () => undefined };
    c.dispose = client.subscribe<{ needEvents: Ev }>(
      { query: SUB, variables },
      {
        next: (v) => (v.errors ? c.errors.push(...v.errors) : c.events.push(v.data!.needEvents)),
        error: (e) => c.errors.push(e),
        complete: () => undefined,
      },
    );
    await waitFor('the subscription to register', async () => {
      if (c.errors.length) throw new Error(JSON.stringify(c.errors));
      return t.hub.services.needEventHub.size > before;
    });
    return c;
  }

  beforeAll(async () => {
    database = await createEmptyDatabase();
    // All three at once: migrations, demo data and listeners race as they would in production.
    hubs = await Promise.all(
      [0, 1, 2].map(() =>
        startTestHub({
          databaseUrl: database.url,
          seed: true,
        }),
      ),
    );
    pg = new Client({ connectionString: database.url });
    await pg.connect();
    const ids = await demoIds(hubs[0]);
    svBuesum = ids.actor('Sportverein Büsum');
    svWesselburen = ids.actor('Sportverein Wesselburen');
    member = await hubs[0].token(Role.MEMBER, { actorIds: [svWesselburen] });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await pg?.end();
    await Promise.all(hubs.map((h) => h.stop()));
    await database?.drop();
  });

  it('apply each migration once, load the demo data once, and all become ready', async () => {
    const rows = await query<{ name: string; n: number }>(
      'SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name',
    );
    const known = hubs[0].hub.services.db.dataSource.migrations.map((m) => m.name).sort();
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(rows.map((r) => r.name).sort()).toEqual(known);
    const [{ regions }] = await query<{ regions: number }>(
      'SELECT count(*)::int AS regions FROM region',
    );
    expect(regions).toBe(DEMO_SET.regions.length);
    for (const h of hubs) {
      expect(await getJson(`${h.hub.url}/readyz`)).toEqual({
        status: 200,
        body: { status: 'ready' },
      });
    }
  });

  it('run the expiry and retention sweeps in one instance at a time', async () => {
    // Pause instance 0 inside its sweep, holding the sweep lock, before there is anything to do.
    const sweeper = hubs[0].hub.services.needSweeper as unknown as { needs: NeedService };
    const needs = sweeper.needs;
    const expireDue = needs.expireDue;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    needs.expireDue = async (tx: Transaction) => {
      needs.expireDue = expireDue;
      entered();
      await gate;
      return expireDue.call(needs, tx);
    };
    // Instance 0 runs the scheduled sweep (as its job runner would) and pauses inside it.
    const first = hubs[0].hub.services.needSweeper.run();
    try {
      await inside;
      const past = new Date(Date.now() - 60_000).toISOString();
      const due = await Promise.all(
        [1, 2, 1].map((i, n) =>
          openNeed(hubs[i], svBuesum, { title: `Abgelaufen ${n}`, deadline: past }),
        ),
      );
      const old = await openNeed(hubs[2], svBuesum, { title: 'Uralte Meldung' });
      await query(
        `UPDATE need_event SET occurred_at = now() - interval '30 days' WHERE need_id = $1`,
        [dbId(old.id)],
      );

      // While instance 0 sweeps, the others find the lock taken and do nothing.
      const others = await Promise.all([1, 2].map((i) => hubs[i].hub.services.needSweeper.run()));
      expect(others).toMatchObject([
        { ran: false, expiredNeedIds: [], deletedEvents: 0 },
        { ran: false, expiredNeedIds: [], deletedEvents: 0 },
      ]);
      const open = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM need WHERE id = ANY($1) AND status = 'OPEN'`,
        [due.map((d) => dbId(d.id))],
      );
      expect(open[0].n).toBe(3);
      const [held] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND objid = $1`,
        [SWEEP_LOCK_KEY],
      );
      expect(held.n).toBe(1);

      release();
      await first;
      // The scheduled job, enqueued by all three at once under one key, runs once somewhere.
      await Promise.all(
        hubs.map((h) =>
          h.hub.services.queue.add(
            h.hub.services.db.primary,
            'needs.sweep',
            {},
            {
              jobKey: 'instances-test-sweep',
            },
          ),
        ),
      );
      await Promise.all(hubs.map((h) => h.runJobsUntilIdle()));
      await waitFor('the overdue needs to expire and the old events to go', async () => {
        const [r] = await query<{ open: number; old: number }>(
          `SELECT (SELECT count(*) FROM need WHERE id = ANY($1) AND status = 'OPEN')::int AS open,
                  (SELECT count(*) FROM need_event WHERE need_id = $2)::int AS old`,
          [due.map((d) => dbId(d.id)), dbId(old.id)],
        );
        return r.open === 0 && r.old === 0;
      });
      const expired = await query<{ need_id: number; n: number }>(
        `SELECT need_id, count(*)::int AS n FROM need_event
          WHERE need_id = ANY($1) AND type = 'EXPIRED' GROUP BY need_id ORDER BY need_id`,
        [due.map((d) => dbId(d.id))],
      );
      expect(expired.map((e) => e.n)).toEqual([1, 1, 1]);
    } finally {
      needs.expireDue = expireDue;
      release?.();
    }
  });

  it('deliver every event made through any instance to subscribers on all three, in log order, once', async () => {
    const targets = await Promise.all(
      ['A', 'B', 'C'].map((x) =>
        openNeed(hubs[0], svBuesum, { title: `Rundruf ${x}`, quantity: 100 }),
      ),
    );
    const filter = { text: 'Rundruf' };
    const subscribers: Collector[] = [];
    for (const h of hubs) {
      subscribers.push(await subscribe(h, { filter }));
      subscribers.push(await subscribe(h, { filter }, member));
    }
    const [{ head }] = await query<{ head: number }>(
      'SELECT coalesce(max(position), 0)::int AS head FROM need_event',
    );

    // Three writers at once, one per instance, ten pledges each, spread over the three needs.
    const pledgeVia = async (h: TestHub, needId: string) => {
      const r = await h.gql(PLEDGE, { input: { needId, actorId: svWesselburen } }, member);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    };
    await Promise.all(
      hubs.map(async (h, i) => {
        for (let k = 0; k < 10; k++) await pledgeVia(h, targets[(i + k) % 3].id);
      }),
    );
    // One more, after all others: when it has arrived, nothing earlier is still on its way.
    await pledgeVia(hubs[1], targets[0].id);

    const logged = await query<{ position: number; type: string; need_id: number }>(
      `SELECT position::int AS position, type, need_id FROM need_event
        WHERE position > $1 AND need_id = ANY($2) ORDER BY position`,
      [head, targets.map((t) => dbId(t.id))],
    );
    expect(logged).toHaveLength(31);
    for (const s of subscribers) {
      await waitFor('all 31 events', async () => s.events.length >= 31 || s.errors.length > 0, {
        timeoutMs: 20_000,
      });
      expect(s.errors).toEqual([]);
      expect(s.events.map((e) => position(e.cursor))).toEqual(logged.map((l) => l.position));
      expect(s.events.map((e) => dbId(e.need.id))).toEqual(logged.map((l) => l.need_id));
    }
    subscribers.forEach((s) => s.dispose());
  });
});
