// Runs the modules' tasks and schedules with graphile-worker on the hub's primary pool. One
// runner per process (started by `serve` and by the test hub, stopped on shutdown). Each job is
// locked by exactly one worker across all instances (SELECT ... FOR UPDATE SKIP LOCKED), failed
// jobs come back with exponential backoff, and a schedule fires once per tick across instances
// (graphile-worker records each tick in known_crontabs with a conditional update).
import {
  Logger as WorkerLogger,
  parseCronItems,
  run,
  runOnce,
  type JobHelpers,
  type LogLevel as WorkerLogLevel,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import { EventEmitter } from 'node:events';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { guardPoolErrors, QUEUE_SCHEMA, type Schedule, type TaskHandler } from './job-queue';

export interface JobRunnerOptions {
  pool: Pool;
  tasks: Record<string, TaskHandler>;
  schedules: readonly Schedule[];
  log: Logger;
  concurrency: number;
  /** How often future and retried jobs are looked for; new jobs are picked up at once (LISTEN). */
  pollIntervalMs: number;
}

export interface JobRunner {
  stop(): Promise<void>;
  /** Runs every due job (also those its tasks enqueue) until none is due or running. */
  runUntilIdle(): Promise<void>;
}

/** graphile-worker's log lines go to the hub's log; they name tasks and job ids, never payloads. */
function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level: WorkerLogLevel, message: string) => {
    const fields = { queue: { task: scope.taskIdentifier, jobId: scope.jobId } };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else if (level === 'info') log.debug(fields, message);
    else log.trace(fields, message);
  });
}

function taskList(tasks: Record<string, TaskHandler>, log: Logger): TaskList {
  const list: TaskList = {};
  for (const [name, handler] of Object.entries(tasks)) {
    list[name] = (payload: unknown, helpers: JobHelpers) =>
      handler(payload, {
        job: {
          id: helpers.job.id,
          attempts: helpers.job.attempts,
          maxAttempts: helpers.job.max_attempts,
          runAt: helpers.job.run_at,
        },
        log,
      });
  }
  return list;
}

/**
 * graphile-worker 0.17 writes a finished job's completion without waiting for it, so a stop
 * right after a job finished can close the pool before that write lands: the job, and its
 * named queue (one per webhook endpoint), would stay locked for 4 hours, and with it every
 * later job of that queue on every instance. After the runner stopped, give those writes a
 * moment, then unlock what this runner still holds (graphile-worker's force_unlock_workers).
 * A job unlocked that way runs again; every task here re-reads its state and is safe to.
 */
async function releaseLocks(pool: Pool, poolIds: string[]): Promise<void> {
  if (poolIds.length === 0) return;
  const held = async () =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.jobs WHERE locked_by = ANY($1)`,
        [poolIds],
      )
    ).rows[0].n;
  try {
    const deadline = Date.now() + 2000;
    while ((await held()) > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await pool.query(`SELECT ${QUEUE_SCHEMA}.force_unlock_workers($1::text[])`, [poolIds]);
  } catch {
    // The database is away: its locks time out on their own (4 hours).
  }
}

export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const logger = workerLogger(opts.log);
  const list = taskList(opts.tasks, opts.log);
  const shared = {
    pgPool: guardPoolErrors(opts.pool),
    logger,
    noHandleSignals: true,
    schema: QUEUE_SCHEMA,
  };
  // The worker pool's id is what it locks jobs with (see releaseLocks); its creation is
  // announced during run(), so the listener must be there before.
  const poolIds: string[] = [];
  const events: WorkerEvents = new EventEmitter();
  events.on('pool:create', ({ workerPool }) => void poolIds.push(workerPool.id));
  const runner: Runner = await run({
    ...shared,
    events,
    taskList: list,
    concurrency: opts.concurrency,
    pollInterval: opts.pollIntervalMs,
    // No backfill: a tick missed while every instance was down is not made up for.
    parsedCronItems: parseCronItems(
      opts.schedules.map((s) => ({ task: s.task, match: s.pattern, identifier: s.task })),
    ),
  });
  const names = Object.keys(list);
  let stopped: Promise<void> | null = null;
  return {
    stop: () =>
      (stopped ??= (async () => {
        await runner.stop();
        await releaseLocks(opts.pool, poolIds);
      })()),
    async runUntilIdle() {
      for (;;) {
        await runOnce({ ...shared, taskList: list });
        const { rows } = await opts.pool.query<{ due: number; running: number }>(
          `SELECT count(*) FILTER (WHERE locked_at IS NULL)::int AS due,
                  count(*) FILTER (WHERE locked_at > now() - interval '4 hours')::int AS running
             FROM ${QUEUE_SCHEMA}.jobs
            WHERE run_at <= now() AND attempts < max_attempts AND task_identifier = ANY($1)`,
          [names],
        );
        if (rows[0].due === 0 && rows[0].running === 0) return;
        // Another worker (this process's runner or another instance) holds a job: let it finish.
        if (rows[0].due === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
