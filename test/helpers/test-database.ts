// Every test file gets its own database, created and migrated from the real migrations.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (jest global setup sets it)');
  return url;
}

export function urlForDatabase(name: string): string {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  ds: DataSource;
  db: Database;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name (no migrations). */
export async function createEmptyDatabase(): Promise<{
  name: string;
  url: string;
  drop(): Promise<void>;
}> {
  const name = `hub_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: urlForDatabase(name),
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Creates a migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const ds = createDataSource({ url: empty.url, poolSize: 10 });
  await ds.initialize();
  await migrate(ds);
  return {
    ...empty,
    ds,
    db: new Database(ds),
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      await empty.drop();
    },
  };
}
