// The benchmark's own database: `hub_bench` on the machine's PostgreSQL (BENCH_DATABASE_URL
// overrides), created when missing and migrated through the real migrations; the embedded
// PostgreSQL when no server answers.
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../db/data-source';
import { Database } from '../db/database';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/hub_bench';

export interface BenchDatabase {
  url: string;
  db: Database;
  embedded: EmbeddedPostgresHandle | null;
  /** Migrations applied by this call. */
  applied: string[];
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    await c.end().catch(() => undefined);
    return false;
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`bench database name ${name} is not a plain identifier`);
  u.pathname = '/postgres';
  const c = new Client({ connectionString: u.toString(), connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
}

/** The same URL with `suffix` appended to the database name. */
function withSuffix(url: string, suffix: string): string {
  const u = new URL(url);
  u.pathname = `${u.pathname}${suffix}`;
  return u.toString();
}

/**
 * Opens (creating and migrating when needed) the bench database; `suffix` keeps data sets of
 * different sizes apart (quick runs use `hub_bench_quick`), so neither reloads the other's.
 */
export async function openBenchDatabase(
  requestedUrl: string | undefined,
  log: (msg: string) => void,
  suffix = '',
  forceEmbedded = false,
): Promise<BenchDatabase> {
  let url = withSuffix(requestedUrl ?? DEFAULT_BENCH_URL, suffix);
  let embedded: EmbeddedPostgresHandle | null = null;
  if (forceEmbedded || !(await answers(url))) {
    if (requestedUrl) throw new Error(`BENCH_DATABASE_URL does not answer`);
    log(
      'starting the embedded PostgreSQL under .data/bench-pg (no server on 127.0.0.1:5432, or --embedded)',
    );
    embedded = await startEmbeddedPostgres({
      dir: path.resolve('.data', 'bench-pg'),
      port: 5434,
      database: 'hub_bench',
    });
    url = withSuffix(embedded.url, suffix);
  }
  await ensureDatabase(url);
  const ds = createDataSource({
    url,
    poolSize: 8,
    statementTimeoutMs: 600000,
    applicationName: 'hub-bench',
  });
  await ds.initialize();
  const applied = await migrate(ds);
  const db = new Database(ds);
  return {
    url,
    db,
    embedded,
    applied,
    close: async () => {
      await ds.destroy();
      if (embedded) await embedded.stop();
    },
  };
}
