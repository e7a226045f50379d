// The hub's durable job queue: graphile-worker 0.17 on the hub's own PostgreSQL (0.18 and
// pg-boss 11 need Node 22). Jobs are added with graphile_worker.add_job through whatever
// Queryable the caller holds, so a job is enqueued in the same transaction as the change that
// causes it: a rolled-back change leaves no job behind, a committed one never loses its job.
import type { Queryable } from '../db/database';

export interface JobOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** A pending job with the same key is replaced (its payload and run time); a running one is not. */
  jobKey?: string;
  /** Jobs of one queue run one after another. */
  queueName?: string;
  /** Attempts before the job is given up (default 25, with exponential backoff). */
  maxAttempts?: number;
}

/** What a task handler gets besides its payload. */
export interface TaskHelpers {
  job: { id: string; attempts: number; maxAttempts: number; runAt: Date };
  /** The hub's log (never put personal data in it). */
  log: import('pino').Logger;
}

export type TaskHandler = (payload: unknown, helpers: TaskHelpers) => Promise<void>;

/** A recurring job: graphile-worker crontab syntax, evaluated once per minute across instances. */
export interface Schedule {
  task: string;
  pattern: string;
}

export const QUEUE_SCHEMA = 'graphile_worker';

export class JobQueue {
  async add(
    q: Queryable,
    task: string,
    payload: Record<string, unknown>,
    opts: JobOptions = {},
  ): Promise<void> {
    await q.query(
      `SELECT ${QUEUE_SCHEMA}.add_job($1, $2::json, queue_name => $3, run_at => $4,
              max_attempts => $5, job_key => $6)`,
      [
        task,
        JSON.stringify(payload),
        opts.queueName ?? null,
        opts.runAt ?? null,
        opts.maxAttempts ?? null,
        opts.jobKey ?? null,
      ],
    );
  }

  /** Removes the pending job with this key (a job that is running right now finishes). */
  async removeJob(q: Queryable, jobKey: string): Promise<void> {
    await q.query(`SELECT ${QUEUE_SCHEMA}.remove_job($1)`, [jobKey]);
  }

  /** Jobs waiting or running, and jobs given up after their last attempt (for /metrics). */
  async depth(q: Queryable): Promise<{ pending: number; failed: number }> {
    const { rows } = await q.query<{ pending: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE attempts < max_attempts)::int AS pending,
              count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed
         FROM ${QUEUE_SCHEMA}.jobs`,
    );
    return rows[0];
  }
}

/**
 * graphile-worker asks for error listeners on the pool it is given and on each of its clients:
 * a connection that breaks (database restart) must surface on its next query, not end the
 * process as an unhandled 'error' event.
 */
export function guardPoolErrors(pool: import('pg').Pool): import('pg').Pool {
  if (pool.listeners('error').length === 0) pool.on('error', () => undefined);
  if (pool.listeners('connect').length === 0) {
    pool.on('connect', (client) => client.on('error', () => undefined));
  }
  return pool;
}
