// The fresh-machine path, for real and in CI too: no DATABASE_URL, so the CLI starts the embedded
// PostgreSQL under its data directory, migrates, loads the demo data, serves, and stops cleanly on
// Ctrl-C (SIGINT to the whole process group, as a terminal sends it: PostgreSQL gets it too) with
// no warning in the log; a second start on the same directory keeps the data and seeds nothing.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { interrupt, runCli, warnings } from '../helpers/cli-process';
import { freePort } from '../helpers/global-setup';
import { getJson, waitFor } from '../helpers/wait-for';

const REGIONS = '{ regions { id name } }';

async function regionNames(base: string): Promise<string[]> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: REGIONS }),
  });
  const body = (await res.json()) as { data: { regions: { name: string }[] } };
  return body.data.regions.map((r) => r.name).sort();
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('fresh machine: serve on the embedded PostgreSQL', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-fresh-'));
    fs.chmodSync(dataDir, 0o777); // the embedded server may run as its own user when we are root
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function serveOnce(): Promise<{ names: string[]; stdout: string }> {
    const port = await freePort();
    const pgPort = await freePort();
    const cli = runCli(
      ['serve'],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        HUB_DATA_DIR: dataDir,
        HUB_EMBEDDED_PG_PORT: String(pgPort),
        LOG_LEVEL: 'info',
      },
      undefined,
      { terminal: true },
    );
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(
        'the hub to be ready',
        async () => (await getJson(`${base}/readyz`, 2000)).status === 200,
        {
          timeoutMs: 90_000,
          intervalMs: 200,
        },
      );
      expect(cli.stdout()).toContain('embedded PostgreSQL, data in');
      // The banner names every page and endpoint the hub serves.
      for (const address of [
        `${base}/graphql\n`,
        `ws://127.0.0.1:${port}/graphql\n`,
        `${base}/graphql/stream\n`,
        `${base}/subgraph\n`,
        `${base}/\n`,
        `${base}/dashboard\n`,
        `${base}/widget.js `,
        `${base}/widget-demo`,
        `${base}/schema.graphql\n`,
        `${base}/healthz `,
        `${base}/readyz\n`,
        `${base}/metrics\n`,
      ]) {
        expect(cli.stdout()).toContain(address);
      }
      const names = await regionNames(base);
      interrupt(cli);
      const exit = await cli.exited;
      expect({ exit, stderr: cli.stderr() }).toEqual({
        exit: { code: 0, signal: null },
        stderr: '',
      });
      expect(cli.stdout()).toMatch(/"msg":"stopped"/);
      expect(warnings(cli.stdout())).toEqual([]); // no "database connection lost" on a clean stop
      expect(await portAnswers(pgPort)).toBe(false); // the database stopped with the hub
      return { names, stdout: cli.stdout() };
    } finally {
      if (cli.child.exitCode === null) process.kill(-cli.child.pid!, 'SIGKILL');
    }
  }

  it('starts, seeds once, stops on SIGINT, and keeps the data across restarts', async () => {
    const first = await serveOnce();
    expect(first.names.length).toBeGreaterThan(3);
    expect(first.stdout).toContain('demo data loaded');
    expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const second = await serveOnce();
    expect(second.names).toEqual(first.names);
    expect(second.stdout).not.toContain('demo data loaded');
    expect(second.stdout).not.toContain('migrations applied');
  }, 240_000);
});
