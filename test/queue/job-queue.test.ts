// The durable job queue (graphile-worker on the hub's PostgreSQL): its schema is migrated with
// the hub's, jobs are enqueued in the caller's transaction, keys replace pending jobs, failed
// jobs come back with backoff, and the sweeps are scheduled jobs.
import { MAIL_SEND_TASK } from '../../src/modules/mail/mail.service';
import { startTestHub, TestHub } from '../helpers/test-hub';

// The task the tests enqueue: mail sending for an id no mail has, counted below. Not a scheduled
// task, so a cron tick (the sweeps run every minute) never adds a run the test did not ask for.
const TASK = MAIL_SEND_TASK;
const MARKER = 987_654_321;
const payload = (extra: Record<string, unknown> = {}) => ({ id: MARKER, ...extra });

let t: TestHub;
let runs: number;
let failNext: boolean;

beforeAll(async () => {
  t = await startTestHub();
  // Count the task's runs for the marker id (the task calls the mail service's send() at run
  // time; every other id goes on as usual).
  const mail = t.hub.services.mail;
  const send = mail.send.bind(mail);
  mail.send = async (id, helpers) => {
    if (id !== MARKER) return send(id, helpers);
    runs++;
    if (failNext) {
      failNext = false;
      throw new Error('job failed on purpose');
    }
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
  }>(
    'SELECT task_identifier, key, attempts, run_at, last_error FROM graphile_worker.jobs WHERE task_identifier = $1',
    [TASK],
  );

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
        await queue.add(tx, TASK, payload());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobs()).toEqual([]);
    await t.runJobsUntilIdle();
    expect(runs).toBe(0);

    await db.transaction((tx) => queue.add(tx, TASK, payload()));
    await t.runJobsUntilIdle();
    expect(runs).toBe(1);
    expect(await jobs()).toEqual([]);
  });

  it('replaces a pending job with the same key, and removes it by key', async () => {
    const { db, queue } = t.hub.services;
    const later = new Date(Date.now() + 3_600_000);
    await queue.add(db.primary, TASK, payload({ n: 1 }), { jobKey: 'k1', runAt: later });
    await queue.add(db.primary, TASK, payload({ n: 2 }), { jobKey: 'k1', runAt: later });
    const pending = await jobs();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ key: 'k1', task_identifier: TASK });
    await t.runJobsUntilIdle();
    expect(runs).toBe(0); // not due yet

    await queue.removeJob(db.primary, 'k1');
    expect(await jobs()).toEqual([]);
  });

  it('retries a failed job later, with backoff, and runs it once it is due', async () => {
    const { db, queue } = t.hub.services;
    failNext = true;
    await queue.add(db.primary, TASK, payload(), { jobKey: 'retry-me' });
    await t.runJobsUntilIdle();
    expect(runs).toBe(1);
    const [failed] = await jobs();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('job failed on purpose');
    expect(failed.run_at.getTime()).toBeGreaterThan(Date.now());

    await db.query(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await t.runJobsUntilIdle();
    expect(runs).toBe(2);
    expect(await jobs()).toEqual([]);
  });

  it('reports its depth', async () => {
    const { db, queue } = t.hub.services;
    const later = new Date(Date.now() + 3_600_000);
    await queue.add(db.primary, TASK, payload(), { runAt: later });
    expect(await queue.depth(db.primary)).toEqual({ pending: 1, failed: 0 });
    await db.query(`DELETE FROM graphile_worker._private_jobs`);
  });
});
