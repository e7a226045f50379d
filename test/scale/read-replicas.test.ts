// DATABASE_REPLICA_URLS: list reads go to the replica pool, writes, transactions and the event
// listener's catch-up stay on the primary. The "replica" is the same server under another
// application_name, so what each pool sends can be told apart (a counter on each pool, and
// pg_stat_activity for the connections).
import { Client, Pool } from 'pg';
import { Role, SYSTEM_VIEWER } from '../../src/graphql/viewer';
import { createEmptyDatabase } from '../helpers/test-database';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

const REPLICA_APP = 'hub-replica-test';

/** Records the SQL each pool sends through pool.query and through checked-out clients. */
function recordPool(pool: Pool, into: string[]): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: unknown }).query = (...args: unknown[]) => {
    into.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text));
    return query(...args);
  };
  pool.on('acquire', (client) => {
    const c = client as unknown as { query: (...a: unknown[]) => unknown; __recorded?: boolean };
    if (c.__recorded) return;
    c.__recorded = true;
    const clientQuery = c.query.bind(client);
    c.query = (...args: unknown[]) => {
      into.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text));
      return clientQuery(...args);
    };
  });
}

// Background statements that are not the request's: rate-limit flushes and sweeps.
const background = (sql: string) => /rate_limit_bucket|pg_try_advisory_xact_lock/.test(sql);

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  let database: { url: string; drop(): Promise<void> };
  let t: TestHub;
  const primary: string[] = [];
  const replica: string[] = [];
  const reset = () => {
    primary.length = 0;
    replica.length = 0;
  };

  beforeAll(async () => {
    database = await createEmptyDatabase();
    const replicaUrl = new URL(database.url);
    replicaUrl.searchParams.set('application_name', REPLICA_APP);
    t = await startTestHub({
      databaseUrl: database.url,
      seed: true,
      env: { DATABASE_REPLICA_URLS: replicaUrl.toString() },
    });
    const driver = t.hub.services.db.dataSource.driver as unknown as {
      master: Pool;
      slaves: Pool[];
    };
    expect(driver.slaves).toHaveLength(1);
    recordPool(driver.master, primary);
    recordPool(driver.slaves[0], replica);
  });

  afterAll(async () => {
    await t?.stop();
    await database?.drop();
  });

  it('sends list queries and their relations to the replica, nothing of them to the primary', async () => {
    reset();
    const res = await t.gql<{ actors: { nodes: unknown[] } }>(
      `{ actors(first: 20) { nodes { name region { name } } }
         needs(first: 10) { nodes { title actor { name } } }
         regions { name } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.actors.nodes).toHaveLength(20);
    expect(replica.filter((s) => /FROM actor/i.test(s)).length).toBeGreaterThan(0);
    expect(replica.filter((s) => /FROM need/i.test(s)).length).toBeGreaterThan(0);
    expect(replica.filter((s) => /FROM region/i.test(s)).length).toBeGreaterThan(0);
    expect(primary.filter((s) => !background(s))).toEqual([]);

    const c = new Client({ connectionString: database.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = $1 AND datname = current_database()`,
        [REPLICA_APP],
      );
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });

  it('keeps writes, transactions and the event catch-up on the primary', async () => {
    const ids = await demoIds(t);
    // The listener reads the log only while someone here subscribes.
    const unsubscribe = t.hub.services.needEventHub.subscribe(SYSTEM_VIEWER, {}, () => undefined);
    reset();
    const need = await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Replikat-Probe' });
    expect(need.id).toBeTruthy();
    // The listener reads the new event from the log on the primary after the NOTIFY.
    await waitFor('the listener to catch up', async () =>
      primary.some((s) => /FROM need_event WHERE position >/i.test(s)),
    );
    unsubscribe();
    expect(primary.some((s) => /^BEGIN/i.test(s))).toBe(true);
    expect(primary.some((s) => /INSERT INTO need\b/i.test(s))).toBe(true);
    expect(primary.some((s) => /INSERT INTO need_event/i.test(s))).toBe(true);
    expect(replica.filter((s) => /INSERT|UPDATE|DELETE|BEGIN|need_event/i.test(s))).toEqual([]);

    const member = await t.token(Role.MEMBER, { actorIds: [ids.actor('Sportverein Wesselburen')] });
    reset();
    const pledged = await t.gql(
      `mutation($input: PledgeInput!) { pledge(input: $input) { id need { pledgedQuantity actor { name } } } }`,
      { input: { needId: need.id, actorId: ids.actor('Sportverein Wesselburen') } },
      member,
    );
    expect(pledged.errors).toBeUndefined();
    expect(primary.some((s) => /INSERT INTO pledge/i.test(s))).toBe(true);
    expect(replica.filter((s) => /INSERT|UPDATE|DELETE|BEGIN|FOR UPDATE/i.test(s))).toEqual([]);
    // The answer is read after the commit: from the primary, so replica lag cannot hide the change.
    expect(replica.filter((s) => /FROM need\b|FROM actor\b/i.test(s))).toEqual([]);
    expect(primary.some((s) => /FROM need\b/i.test(s))).toBe(true);
  });
});
