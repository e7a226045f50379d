// SIGTERM on the real CLI: readiness goes 503, the request in flight still gets its answer, the
// WebSocket is closed as "going away", the pool closes, and the process exits 0 within 10 s.
import http from 'node:http';
import { announcedPort, runCli } from '../helpers/cli-process';
import { createEmptyDatabase } from '../helpers/test-database';
import { getJson, waitFor } from '../helpers/wait-for';
import { openGraphqlSocket } from '../helpers/ws-client';

describe('serve, on SIGTERM', () => {
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database.drop());

  it('drains and exits 0 within 10 s', async () => {
    const cli = runCli(['serve'], {
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      HUB_SEED_DEMO: 'false',
      HUB_SHUTDOWN_DRAIN_MS: '1500',
      LOG_LEVEL: 'info',
    });
    try {
      const port = await waitFor(
        'the hub to announce its port',
        async () => announcedPort(cli.stdout()),
        {
          timeoutMs: 30_000,
        },
      );
      const base = `http://127.0.0.1:${port}`;
      expect(cli.stdout()).toContain(`http://127.0.0.1:${port}/graphql`); // the banner
      expect((await getJson(`${base}/readyz`)).status).toBe(200);

      const socket = await openGraphqlSocket(`${base}/graphql`);
      // A request in flight: headers and half the body sent, the rest follows after SIGTERM.
      const body = JSON.stringify({ query: '{ regions { id } }' });
      const inFlight = http.request(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        inFlight.on('response', (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        inFlight.on('error', reject);
      });
      inFlight.write(body.slice(0, 10));
      await new Promise((resolve) => inFlight.once('socket', (s) => s.once('connect', resolve)));

      const signalledAt = Date.now();
      cli.child.kill('SIGTERM');

      const ready = await waitFor('readiness to go 503', async () => {
        const r = await getJson(`${base}/readyz`, 1000);
        return r.status === 503 ? r : undefined;
      });
      expect(ready.body).toEqual({ status: 'unavailable', reason: 'shutting down' });

      inFlight.end(body.slice(10));
      const res = await answer;
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ data: { regions: [] } });

      expect((await socket.closed).code).toBe(1001);
      const exit = await cli.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(10_000);
      expect(cli.stdout()).toMatch(/"msg":"stopped"/);
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  });
});
