// The durable job queue (graphile-worker on the hub's PostgreSQL): its schema is migrated with
// the hub's, jobs are enqueued in the caller's transaction, keys replace pending jobs, failed
// jobs come back with backoff, and the sweeps are scheduled jobs.
import type { SweepResult } from '../../src/modules/needs/need-sweeper';
import { startTestHub, TestHub } from '../helpers/test-hub';

let t: TestHub;
let runs: number;
let failNext: boolean;

beforeAll(async () => {
  t = await startTestHub();
  // Count the scheduled task's runs (the task calls the sweeper's run() at run time).
  const sweeper = t.hub.services.needSweeper;
  const run = sweeper.run.bind(sweeper);
  sweeper.run = async (): Promise<SweepResult> => {
    runs++;
    if (failNext) {
      failNext = false;
      throw new Error('sweep failed on purpose');
    }
    return run();
  };
});
afterAll(() => t?.stop());
beforeEach(async () => {
  await t.runJobsUntilIdle();
  runs = 0;
  failNext = false;
});

const jobs = () =>
  t.hub.services.db.query<{
    task_identifier: string;
    key: string | null;
    attempts: number;
    run_at: Date;
    last_error: string | null;
  }>('SELECT task_identifier, key, attempts, run_at, last_error FROM graphile_worker.jobs');

describe('job queue', () => {
  it('is migrated with the hub and knows the sweep schedule', async () => {
    const [m] = await t.hub.services.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM graphile_worker.migrations',
    );
    expect(m.n).toBeGreaterThan(10);
    const crons = await t.hub.services.db.query<{ identifier: string }>(
      'SELECT identifier FROM graphile_worker._private_known_crontabs',
    );
    expect(crons.map((c) => c.identifier)).toContain('needs.sweep');
  });

  it('enqueues in the caller transaction: nothing when it rolls back, the job when it commits', async () => {
    const { db, queue } = t.hub.services;
    await expect(
      db.transaction(async (tx) => {
        await queue.add(tx, 'needs.sweep', {});
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobs()).toEqual([]);
    await t.runJobsUntilIdle();
    expect(runs).toBe(0);

    await db.transaction((tx) => queue.add(tx, 'needs.sweep', {}));
    await t.runJobsUntilIdle();
    expect(runs).toBe(1);
    expect(await jobs()).toEqual([]);
  });

  it('replaces a pending job with the same key, and removes it by key', async () => {
    const { db, queue } = t.hub.services;
    const later = new Date(Date.now() + 3_600_000);
    await queue.add(db.primary, 'needs.sweep', { n: 1 }, { jobKey: 'k1', runAt: later });
    await queue.add(db.primary, 'needs.sweep', { n: 2 }, { jobKey: 'k1', runAt: later });
    const pending = await jobs();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ key: 'k1', task_identifier: 'needs.sweep' });
    await t.runJobsUntilIdle();
    expect(runs).toBe(0); // not due yet

    await queue.removeJob(db.primary, 'k1');
    expect(await jobs()).toEqual([]);
  });

  it('retries a failed job later, with backoff, and runs it once it is due', async () => {
    const { db, queue } = t.hub.services;
    failNext = true;
    await queue.add(db.primary, 'needs.sweep', {}, { jobKey: 'retry-me' });
    await t.runJobsUntilIdle();
    expect(runs).toBe(1);
    const [failed] = await jobs();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('sweep failed on purpose');
    expect(failed.run_at.getTime()).toBeGreaterThan(Date.now());

    await db.query(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await t.runJobsUntilIdle();
    expect(runs).toBe(2);
    expect(await jobs()).toEqual([]);
  });

  it('reports its depth', async () => {
    const { db, queue } = t.hub.services;
    const later = new Date(Date.now() + 3_600_000);
    await queue.add(db.primary, 'needs.sweep', {}, { runAt: later });
    expect(await queue.depth(db.primary)).toEqual({ pending: 1, failed: 0 });
    await db.query(`DELETE FROM graphile_worker._private_jobs`);
  });
});
