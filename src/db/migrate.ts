import { Logger as QueueLogger, runMigrations as runQueueMigrations } from 'graphile-worker';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { guardPoolErrors, QUEUE_SCHEMA } from '../queue/job-queue';

// One fixed key for "schema changes in progress": several instances starting at once on one
// empty database queue here, the first applies the migrations, the others find nothing to do.
const MIGRATION_LOCK_KEY = 7_314_001;

// graphile-worker's default logger writes to the console; its migration lines are not needed.
const silentQueueLogger = new QueueLogger(() => () => undefined);

export async function withAdvisoryLock<T>(
  ds: DataSource,
  key: number,
  fn: () => Promise<T>,
): Promise<T> {
  const runner = ds.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Applies pending migrations exactly once across instances, the hub's and then the job queue's
 * (graphile-worker's own schema `graphile_worker`, under the same lock); returns the hub's
 * migrations applied.
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  return withAdvisoryLock(ds, MIGRATION_LOCK_KEY, async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    const pgPool = guardPoolErrors((ds.driver as unknown as { master: Pool }).master);
    await runQueueMigrations({ pgPool, schema: QUEUE_SCHEMA, logger: silentQueueLogger });
    return applied.map((m) => m.name);
  });
}

/** True when every migration the code knows has been applied. */
export async function migrationsAtHead(ds: DataSource): Promise<boolean> {
  return !(await ds.showMigrations());
}
