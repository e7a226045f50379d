// Issue 23.2: graph queries were costed as if every partners list had 10 entries, so
// `partners(depth: 3)` nested three times passed as PUBLIC and ran for seconds. Now graph fields
// cost their fan-out (measured degree, depth, traversal cap), PUBLIC callers may not nest a
// traversal in a traversal, and every request has a time budget after which its statements are
// cancelled and it is answered with TIMEOUT, on HTTP, WebSocket and SSE.
import { parse } from 'graphql';
import { Client } from 'pg';
import { parseGlobalId } from '../../src/graphql/global-id';
import { measureOperation } from '../../src/graphql/operation-limits';
import { CooperationStatus } from '../../src/modules/cooperations/cooperation.entity';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { FirstAnswer, overHttp, overSse, overWebSocket } from '../helpers/transports';
import { getJson, waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';

const ISSUE_QUERY = `{actors(first:20){nodes{partners(depth:3){partners(depth:3){partners(depth:3){id}}}}}}`;
const RING = 600;
const TIMEOUT_MS = 1500;

let t: TestHub;
let db: Client;
let member: string;

/** A ring of RING clubs, each cooperating with the ones 1, 7 and 31 places on: degree 6. */
async function addRingOfClubs(regionId: number): Promise<void> {
  const ids = (
    await db.query<{ id: number }>(
      `INSERT INTO actor (kind, name, region_id)
       SELECT 'CLUB', 'Ringverein ' || g, $1 FROM generate_series(1, $2::int) g RETURNING id`,
      [regionId, RING],
    )
  ).rows.map((r) => r.id);
  const pairs = ids.flatMap((id, i) => [1, 7, 31].map((step) => [id, ids[(i + step) % RING]]));
  const coops = (
    await db.query<{ id: number }>(
      `INSERT INTO cooperation (kind, status, title)
       SELECT 'PARTNERSHIP', 'ACTIVE', 'Ring ' || g FROM generate_series(1, $1::int) g RETURNING id`,
      [pairs.length],
    )
  ).rows.map((r) => r.id);
  await db.query(
    `INSERT INTO cooperation_participant (cooperation_id, actor_id, status)
     SELECT c, a, 'ACTIVE' FROM unnest($1::int[], $2::int[]) AS x(c, a)`,
    [coops.flatMap((c) => [c, c]), pairs.flatMap(([a, b]) => [a, b])],
  );
}

/** Backends of the hub waiting for a lock on the actor table, by pid. */
async function blockedBackends(): Promise<number[]> {
  const rows = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'engagement-hub'
        AND wait_event_type = 'Lock' AND state = 'active'`,
  );
  return rows.rows.map((r) => r.pid);
}

/** Holds an exclusive lock on the actor table while fn runs: every read of an actor waits. */
async function withActorsLocked<T>(fn: (locker: Client) => Promise<T>): Promise<T> {
  const locker = new Client({ connectionString: t.databaseUrl });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE actor IN ACCESS EXCLUSIVE MODE');
    return await fn(locker);
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
  }
}

beforeAll(async () => {
  t = await startTestHub({
    seed: true,
    env: { HUB_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), HUB_SWEEP_INTERVAL_MS: '86400000' },
  });
  db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  const ids = await demoIds(t);
  await addRingOfClubs(parseGlobalId(ids.region('Büsum'), 'Region'));
  await t.hub.services.graphCosts.refresh();
  member = await t.token(Role.MEMBER, { actorIds: [ids.actor('Sportverein Büsum')] });
}, 120_000);

afterAll(async () => {
  await db?.end();
  await t?.stop();
});

describe('graph fields cost their fan-out', () => {
  it('refuses the issue’s query as PUBLIC before anything runs, with a German message', async () => {
    const res = await t.gql(ISSUE_QUERY);
    expect(res.data).toBeUndefined(); // refused before execution: no statement ran for it
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NESTED_TRAVERSAL',
      field: 'partners',
    });
    expect(res.errors?.[0].message).toMatch(/Ohne Anmeldung.*Graph-Abfrage/);
  });

  it('refuses nesting over WebSocket and SSE as well, and inside neighborhood or a fragment', async () => {
    const nested = [
      ISSUE_QUERY,
      `query($id: ID!) { neighborhood(actorId: $id) { actors { partners { id } } } }`,
      `fragment P on Actor { partners { id } } { actors(first: 2) { nodes { partners { ...P } } } }`,
      `{ actors(first: 2) { nodes { partnersWithDistance { actor { partners { id } } } } } }`,
    ];
    const some = (
      await t.gql<{ actors: { nodes: { id: string }[] } }>('{ actors(first: 1) { nodes { id } } }')
    ).data!.actors.nodes[0].id;
    for (const query of nested) {
      for (const send of [overHttp, overWebSocket, overSse]) {
        const answer: FirstAnswer = await send(t.url, { query, variables: { id: some } });
        expect([query, answer.errors?.[0]?.extensions?.reason]).toEqual([
          query,
          'NESTED_TRAVERSAL',
        ]);
      }
    }
  });

  it('lets signed-in callers nest, priced by the measured degree (the issue’s query is too expensive)', async () => {
    const res = await t.gql(ISSUE_QUERY, {}, member);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const small = await t.gql<{ actors: { nodes: { partners: { partners: unknown[] }[] }[] } }>(
      '{ actors(first: 2) { nodes { partners { partners { id } } } } }',
      {},
      member,
    );
    expect(small.errors).toBeUndefined();
  });

  it('prices a depth-3 partners list at least at what it really reaches', async () => {
    const ring = (
      await db.query<{ id: number }>(`SELECT id FROM actor WHERE name LIKE 'Ringverein %' LIMIT 20`)
    ).rows.map((r) => r.id);
    const reached = await t.hub.services.graph.partnersOf(ring, 3, [CooperationStatus.ACTIVE]);
    const real = Math.max(...[...reached.values()].map((p) => p.length));
    const op = parse('{ actors(first: 20) { nodes { partners(depth: 3) { id } } } }');
    const { cost } = measureOperation(t.hub.schema, op, op.definitions[0] as never, {}, undefined, {
      costs: t.hub.services.fieldCosts,
    });
    // 20 actors, each list paid per partner reached (a flat 10 would give about 20 x 10)
    expect(cost).toBeGreaterThanOrEqual(20 * real);
    expect(t.hub.services.graphCosts.figures.meanDegree).toBeGreaterThanOrEqual(5);
  });
});

describe('every request has a time budget', () => {
  it('cancels a slow request with its statement, answers TIMEOUT on HTTP, WebSocket and SSE', async () => {
    await withActorsLocked(async () => {
      const query = '{ actors(first: 3) { nodes { id name } } }';
      const answers = Promise.all(
        [overHttp, overWebSocket, overSse].map((send) => send(t.url, { query })),
      );
      // All three are running in PostgreSQL (waiting for the lock) before any answer comes.
      const pids = await waitFor('three statements waiting', async () => {
        const blocked = await blockedBackends();
        return blocked.length >= 3 && blocked;
      });
      const [http, ws, sse] = await answers;
      for (const a of [http, ws, sse]) {
        expect(a.errors?.[0].extensions).toMatchObject({
          code: 'TIMEOUT',
          reason: 'REQUEST_TIMEOUT',
          timeoutMs: TIMEOUT_MS,
        });
        expect(a.errors?.[0].message).toMatch(/abgebrochen/);
        expect(a.data ?? null).toBeNull();
      }
      expect(http.status).toBe(503);
      // Their backends are gone while the lock is still held: cancelled, not left waiting.
      await waitFor('the cancelled backends gone', async () => {
        const left = await db.query(`SELECT pid FROM pg_stat_activity WHERE pid = ANY($1)`, [pids]);
        return left.rowCount === 0;
      });
    });
    // The pool works on afterwards.
    const after = await t.gql('{ actors(first: 1) { nodes { id } } }');
    expect(after.errors).toBeUndefined();
  });

  it('keeps /healthz answering during eight parallel heavy queries, which are then cancelled', async () => {
    const heavy = '{ actors(first: 100) { nodes { name partners(depth: 2) { id name } } } }';
    await withActorsLocked(async () => {
      let settled = 0;
      const runs = Array.from({ length: 8 }, () =>
        t.gql(heavy, {}, member).finally(() => settled++),
      );
      await waitFor(
        'eight heavy queries in PostgreSQL',
        async () => (await blockedBackends()).length >= 8,
      );
      const health = await waitFor('/healthz', async () => {
        const r = await getJson(`${t.hub.url}/healthz`);
        return r.status === 200 && r;
      });
      // compared, not timed: /healthz answered while every heavy query was still running
      expect(health.status).toBe(200);
      expect(settled).toBe(0);
      const results = await Promise.all(runs);
      expect(results.map((r) => r.errors?.[0].extensions?.code)).toEqual(Array(8).fill('TIMEOUT'));
      await waitFor(
        'no hub backend left waiting',
        async () => (await blockedBackends()).length === 0,
      );
    });
  });

  it('keeps an answer that was complete, and lets later requests run in their own budget', async () => {
    const res = await t.gql<{ actors: { nodes: unknown[] } }>(
      '{ actors(first: 5) { nodes { id } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.actors.nodes).toHaveLength(5);
  });
});
