import { DataSource } from 'typeorm';

// One fixed key for "schema changes in progress": several instances starting at once on one
// empty database queue here, the first applies the migrations, the others find nothing to do.
const MIGRATION_LOCK_KEY = 7_314_001;

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

/** Applies pending migrations exactly once across instances; returns the names applied. */
export async function migrate(ds: DataSource): Promise<string[]> {
  return withAdvisoryLock(ds, MIGRATION_LOCK_KEY, async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  });
}

/** True when every migration the code knows has been applied. */
export async function migrationsAtHead(ds: DataSource): Promise<boolean> {
  return !(await ds.showMigrations());
}
