// A database that goes away: requests fail fast with a clear error, readiness is 503, the
// process stays up, and it recovers by itself when the database is back. Runs on a dedicated
// embedded PostgreSQL so stopping it disturbs no other test.
import { DedicatedPostgres, startDedicatedPostgres } from '../helpers/dedicated-postgres';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { getJson, waitFor } from '../helpers/wait-for';

describe('database outage', () => {
  let pg: DedicatedPostgres;
  let t: TestHub;

  beforeAll(async () => {
    pg = await startDedicatedPostgres();
    t = await startTestHub({ databaseUrl: pg.url, seed: true });
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    await pg?.destroy();
  });

  it('fails fast with SERVICE_UNAVAILABLE, reports 503 and recovers when the database returns', async () => {
    const before = await t.gql<{ regions: unknown[] }>('{ regions { id } }');
    expect(before.data?.regions.length).toBeGreaterThan(0);

    await pg.stop();

    const started = Date.now();
    const down = await t.gql('{ regions { id name } }');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(down.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/database is not reachable/),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    // The details (host, port, driver message) stay in the log.
    expect(JSON.stringify(down.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);

    const readyStarted = Date.now();
    const ready = await getJson(`${t.hub.url}/readyz`);
    expect(Date.now() - readyStarted).toBeLessThan(5000);
    expect(ready.status).toBe(503);
    expect((ready.body as { reason: string }).reason).toMatch(/^database not reachable/);
    // Still alive, still answering.
    expect((await getJson(`${t.hub.url}/healthz`)).status).toBe(200);

    await pg.start();

    await waitFor(
      'queries to work again',
      async () => (await t.gql<{ regions: unknown[] }>('{ regions { id } }')).data?.regions.length,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    await waitFor(
      '/readyz to answer 200',
      async () => (await getJson(`${t.hub.url}/readyz`)).status === 200,
      {
        timeoutMs: 15_000,
      },
    );
    // A transaction (the write path) works on fresh connections too.
    const n = await t.hub.services.db.transaction((tx) => tx.rows<{ n: number }>('SELECT 1 AS n'));
    expect(n).toEqual([{ n: 1 }]);
  });
});
