// Operations endpoints: /healthz (alive), /readyz (database, migrations, not draining), /metrics.
import { getJson, waitFor } from '../helpers/wait-for';
import { openGraphqlSocket } from '../helpers/ws-client';
import { startTestHub, TestHub } from '../helpers/test-hub';

describe('operations endpoints', () => {
  let t: TestHub;
  let base: string;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    base = t.hub.url;
  });
  afterAll(() => t.stop());

  describe('/healthz and /readyz', () => {
    it('answer 200 while the hub is up', async () => {
      expect(await getJson(`${base}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await getJson(`${base}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });
    });

    it('/readyz answers 503 with the reason when the migrations are not at head', async () => {
      const ds = t.hub.services.db.dataSource;
      const [last] = await ds.query<{ id: number; timestamp: string; name: string }[]>(
        'SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1',
      );
      await ds.query('DELETE FROM migrations WHERE id = $1', [last.id]);
      try {
        const r = await getJson(`${base}/readyz`);
        expect(r.status).toBe(503);
        expect(r.body).toEqual({ status: 'unavailable', reason: 'migrations are not at head' });
      } finally {
        await ds.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
          last.id,
          last.timestamp,
          last.name,
        ]);
      }
      expect((await getJson(`${base}/readyz`)).status).toBe(200);
    });
  });

  describe('/metrics', () => {
    it('reports request durations by operation name in Prometheus text', async () => {
      const r = await t.gql('query RegionList { regions { id name } }');
      expect(r.errors).toBeUndefined();
      await t.gql('query { regions { id } }');
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toMatch(/# TYPE hub_graphql_request_duration_seconds histogram/);
      expect(text).toMatch(
        /hub_graphql_request_duration_seconds_count\{operation="RegionList",status="ok"\} 1\n/,
      );
      expect(text).toMatch(
        /hub_graphql_request_duration_seconds_count\{operation="anonymous",status="ok"\} \d+/,
      );
      expect(text).toMatch(
        /hub_graphql_request_duration_seconds_bucket\{le="0\.005",operation="RegionList"/,
      );
      expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
      const poolTotal = /^hub_db_pool_connections (\d+)$/m.exec(text);
      expect(Number(poolTotal?.[1])).toBeGreaterThan(0);
      expect(text).toMatch(/^hub_db_pool_idle \d+$/m);
      expect(text).toMatch(/^hub_db_pool_waiting 0$/m);
    });

    it('counts open WebSocket connections', async () => {
      const gauge = async () => {
        const text = await (await fetch(`${base}/metrics`)).text();
        return Number(/^hub_websocket_connections (\d+)$/m.exec(text)?.[1]);
      };
      expect(await gauge()).toBe(0);
      const socket = await openGraphqlSocket(t.url);
      expect(await gauge()).toBe(1);
      socket.ws.close(1000);
      await socket.closed;
      await waitFor('the gauge to drop', async () => (await gauge()) === 0, { timeoutMs: 5000 });
    });
  });

  describe('shutdown', () => {
    it('answers /readyz with 503 "shutting down" while draining, then stops', async () => {
      const own = await startTestHub({ env: { HUB_SHUTDOWN_DRAIN_MS: '1000' } });
      const stopping = own.hub.stop({ drain: true });
      const r = await getJson(`${own.hub.url}/readyz`);
      expect(r).toEqual({ status: 503, body: { status: 'unavailable', reason: 'shutting down' } });
      expect((await getJson(`${own.hub.url}/healthz`)).status).toBe(200);
      await stopping;
      await own.stop();
      expect((await getJson(`${own.hub.url}/healthz`, 1000)).status).toBe(0);
    });
  });
});
