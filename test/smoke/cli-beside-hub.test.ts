// The CLI beside a running `npm start` on the embedded default: import, migrate and seed use the
// embedded PostgreSQL the hub already runs on that data directory (a second server cannot start
// there), and Ctrl-C in the terminal (SIGINT to the whole process group, PostgreSQL included)
// stops the hub cleanly with no warning in its log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { interrupt, runCli, warnings } from '../helpers/cli-process';
import { freePort } from '../helpers/global-setup';
import { getJson, waitFor } from '../helpers/wait-for';

describe('CLI commands beside a running hub on the embedded PostgreSQL', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-beside-'));
    fs.chmodSync(dataDir, 0o777); // the embedded server may run as its own user when we are root
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('imports, migrates and seeds while the hub runs, then stops on Ctrl-C without warnings', async () => {
    const port = await freePort();
    const pgPort = await freePort();
    const env = {
      HUB_DATA_DIR: dataDir,
      HUB_EMBEDDED_PG_PORT: String(pgPort),
      HUB_JWT_SECRET: 'a-test-secret-that-is-long-enough-123',
    };
    const hub = runCli(
      ['serve'],
      { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      undefined,
      { terminal: true },
    );
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(
        'the hub to be ready',
        async () => (await getJson(`${base}/readyz`, 2000)).status === 200,
        { timeoutMs: 90_000, intervalMs: 200 },
      );

      // A file as German spreadsheet programs save it: `;`, Windows-1252.
      const file = path.join(dataDir, 'vereine.csv');
      fs.writeFileSync(
        file,
        Buffer.from(
          'kind;name;municipality;topics\r\nVerein;Boßelverein Süderdeich;Büsum;sport\r\n' +
            'Feuerwehr;Jugendfeuerwehr Süderdeich;Büsum;jugend, feuerwehr\r\n',
          'latin1',
        ),
      );
      const imported = runCli(['import', file], env);
      expect({ exit: await imported.exited, stdout: imported.stdout() }).toEqual({
        exit: { code: 0, signal: null },
        stdout: 'imported: 2 created, 0 updated, 0 rejected\n',
      });
      expect(imported.stderr()).toBe(`reading ${file} as Windows-1252, separated by ";"\n`);

      // The rows are in the running hub's database.
      const db = new Client({
        connectionString: `postgres://postgres:hub-embedded@127.0.0.1:${pgPort}/hub`,
      });
      await db.connect();
      try {
        const { rows } = await db.query(
          // The demo actors are imported too (with import keys): look for the file's two.
          `SELECT kind, name FROM actor WHERE name IN ('Boßelverein Süderdeich', 'Jugendfeuerwehr Süderdeich') ORDER BY name`,
        );
        expect(rows).toEqual([
          { kind: 'CLUB', name: 'Boßelverein Süderdeich' },
          { kind: 'FIRE_BRIGADE', name: 'Jugendfeuerwehr Süderdeich' },
        ]);
      } finally {
        await db.end();
      }

      const migrated = runCli(['migrate'], env);
      expect({ exit: await migrated.exited, stdout: migrated.stdout() }).toEqual({
        exit: { code: 0, signal: null },
        stdout: 'database is up to date\n',
      });
      const seeded = runCli(['seed'], env);
      expect(await seeded.exited).toEqual({ code: 0, signal: null });
      expect(seeded.stdout()).toContain('database already has data; nothing loaded');

      // The commands left the hub's database running.
      expect((await getJson(`${base}/readyz`, 2000)).status).toBe(200);

      interrupt(hub);
      expect({ exit: await hub.exited, stderr: hub.stderr() }).toEqual({
        exit: { code: 0, signal: null },
        stderr: '',
      });
      expect(hub.stdout()).toMatch(/"msg":"stopped"/);
      expect(warnings(hub.stdout())).toEqual([]);
    } finally {
      if (hub.child.exitCode === null) process.kill(-hub.child.pid!, 'SIGKILL');
    }
  }, 240_000);
});
