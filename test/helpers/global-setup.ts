// Jest global setup: TEST_DATABASE_URL when given, else one embedded PostgreSQL for the run.
// Each test file then creates its own database from it (test/helpers/test-database.ts).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-pg-'));
  fs.chmodSync(dir, 0o777);
  const handle = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    port: await freePort(),
    database: 'postgres_test',
  });
  process.env.TEST_DATABASE_URL = handle.url;
  (globalThis as Record<string, unknown>).__HUB_TEST_PG__ = { handle, dir };
}
