// W12: webhooks. 10 local receivers (in this process) each registered as a webhook for every
// NEED_OPENED of the state. Two figures from one hub: the p99 of openNeed at a steady rate with
// the 10 webhooks active against none, in alternating rounds (the added cost of delivery on
// the write path),
// and activities per second end to end: a burst of needs opened until every receiver has had
// every one of them.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import { LoadResult, mergeResults, percentiles, runLoad, send } from '../load';
import { ServerProcess, startHubProcess } from '../processes';
import { settle } from './need-events';
import { brief, Ctx, hubEnv, noErrors, ratio, round, series, token } from './kit';

const OPEN_NEED = 'mutation O($input: OpenNeedInput!) { openNeed(input: $input) { id } }';
const TITLE = 'Bench-Webhook-Bedarf';
const ENDPOINTS = 10;

interface Receiver {
  url: string;
  /** webhook-id -> ms from the activity's occurredAt to its arrival here. */
  got: Map<string, number>;
  /** When the last new webhook-id arrived (epoch ms). */
  lastAt: number;
  close(): Promise<void>;
}

/** Polls a check of this process's own state every 5 ms, until true or the deadline. */
async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

async function receiver(): Promise<Receiver> {
  const got = new Map<string, number>();
  const self = { lastAt: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      try {
        const { occurredAt } = JSON.parse(body) as { occurredAt: string };
        if (!got.has(id)) {
          self.lastAt = Date.now();
          got.set(id, self.lastAt - Date.parse(occurredAt));
        }
      } catch {
        // Not a delivery: counted as nothing.
      }
      res.statusCode = 204;
      res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(self, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Sends one request every 1000/rate ms (open loop: not waiting for answers) for durationMs. */
async function paced(
  port: number,
  rate: number,
  durationMs: number,
  request: (i: number) => { path: string; body: string; headers?: Record<string, string> },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let errors = 0;
  const samples = new Set<string>();
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; performance.now() - started < durationMs; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      (async () => {
        const t0 = performance.now();
        const { status, body } = await send(agent, port, request(i));
        if (status === 200 && noErrors(body)) latencies.push(performance.now() - t0);
        else {
          errors++;
          if (samples.size < 5) samples.add(`${status} ${body.slice(0, 200)}`);
        }
      })(),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    rps: Math.round(latencies.length / seconds),
    latency: percentiles(latencies),
    errorSamples: [...samples],
    samples: Float64Array.from(latencies),
  };
}

export async function w12(ctx: Ctx): Promise<void> {
  const receivers: Receiver[] = [];
  let hub: ServerProcess | null = null;
  const [{ id: stateId }] = await ctx.db.query<{ id: number }>(
    `SELECT id FROM region WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
  );
  const head = async () =>
    Number(
      (await ctx.db.query<{ p: string }>('SELECT coalesce(max(position), 0) AS p FROM activity'))[0]
        .p,
    );
  try {
    for (let i = 0; i < ENDPOINTS; i++) receivers.push(await receiver());
    // Registered directly: createWebhook takes http:// only outside production, and the bench
    // hub runs as in production (reaching loopback through HUB_WEBHOOK_ALLOW_PRIVATE).
    await ctx.db.query(`DELETE FROM webhook WHERE created_by = 'bench'`);
    await ctx.db.query(
      `INSERT INTO webhook (url, region_id, types, secret, created_by, position, active)
       SELECT u, $2, '{NEED_OPENED}', s, 'bench', 0, false
         FROM unnest($1::text[], $3::text[]) AS t(u, s)`,
      [
        receivers.map((r) => r.url),
        stateId,
        receivers.map(() => `whsec_${randomBytes(32).toString('base64')}`),
      ],
    );
    hub = await startHubProcess(
      'hub-webhooks',
      hubEnv(ctx, { HUB_WEBHOOK_ALLOW_PRIVATE: 'true' }),
      ctx.log,
    );
    // A hub that dies mid-run says why, and the workload stops instead of measuring refusals.
    let stderr = '';
    let exited: string | null = null;
    hub.child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    hub.child.on('exit', (code, signal) => (exited = `code ${code}, signal ${signal}`));
    const alive = () => {
      if (exited) throw new Error(`hub-webhooks exited (${exited}): ${stderr.slice(-600)}`);
    };
    // Distinct subjects: signed callers' rate limits count per subject.
    const writers = await Promise.all(
      Array.from({ length: 32 }, (_, k) => token(Role.ADMIN, [], [], `bench-webhook-writer-${k}`)),
    );
    const actors = ctx.data.writeActorIds;
    const request = (i: number) => ({
      path: '/graphql',
      body: JSON.stringify({
        query: OPEN_NEED,
        variables: {
          input: {
            actorId: toGlobalId('Actor', actors[i % actors.length]),
            kind: 'HELPERS',
            title: `${TITLE} ${i}`,
            quantity: 3,
          },
        },
      }),
      headers: { authorization: `Bearer ${writers[i % writers.length]}` },
    });
    const setActive = async (active: boolean) => {
      const at = await head();
      await ctx.db.query(
        `UPDATE webhook SET active = $1, position = $2, consecutive_failures = 0 WHERE created_by = 'bench'`,
        [active, at],
      );
    };
    const caughtUp = async (timeoutMs: number) => {
      const at = await head();
      return settle(async () => {
        const [{ behind }] = await ctx.db.query<{ behind: number }>(
          `SELECT count(*)::int AS behind FROM webhook WHERE created_by = 'bench' AND active AND position < $1`,
          [at],
        );
        return behind === 0;
      }, timeoutMs);
    };

    // 1. openNeed p99 at a steady rate a network sees (not the machine's limit, where delivery
    // and writes simply share two cores), 10 webhooks against none, alternating rounds (none,
    // ten, ten, none, ...); each round's deliveries are done before the next round starts.
    const rounds = Math.max(2, ctx.settings.rounds);
    const perRound = Math.max(4000, Math.round(ctx.settings.durationMs / 2));
    const rate = ctx.settings.quick ? 10 : 20;
    const none: LoadResult[] = [];
    const ten: LoadResult[] = [];
    let offset = 0;
    for (let r = 0; r < rounds; r++) {
      for (const on of r % 2 === 0 ? [false, true] : [true, false]) {
        await setActive(on);
        const res = await paced(hub.port, rate, perRound, (i) => request(offset + i));
        alive();
        offset += 1_000_000;
        (on ? ten : none).push(res);
        if (on && !(await caughtUp(120_000))) ctx.notes.push('W12: delivery backlog after a round');
      }
    }
    const withHooks = mergeResults(ten);
    const without = mergeResults(none);
    const p99Ratio = ratio(withHooks.latency.p99, without.latency.p99);

    // 2. End to end: a burst of needs opened, until all 10 receivers have had each of them.
    await setActive(true);
    for (const r of receivers) r.got.clear();
    const burst = ctx.settings.quick ? 300 : 2000;
    const t0 = Date.now();
    const written = await runLoad({
      port: hub.port,
      connections: 8,
      durationMs: 120_000,
      warmupMs: 0,
      maxRequests: burst,
      request: (i) => request(offset + i),
      accept: noErrors,
    });
    alive();
    const opened = written.requests;
    const all = await until(
      () => receivers.every((r) => r.got.size >= opened),
      ctx.settings.quick ? 60_000 : 300_000,
    );
    const seconds = ((all ? Math.max(...receivers.map((r) => r.lastAt)) : Date.now()) - t0) / 1000;
    const delivered = receivers.reduce((n, r) => n + Math.min(r.got.size, opened), 0);
    const lag = percentiles(receivers.flatMap((r) => [...r.got.values()]));
    const perSecond = round(opened / seconds, 1);

    series(ctx, 'W12 openNeed, no webhooks', without);
    series(ctx, 'W12 openNeed, 10 webhooks', withHooks);
    series(ctx, 'W12 activity to receiver (10 webhooks)', { latency: lag });
    ctx.rows.push(
      {
        workload: 'W12',
        measure: `activities per second end to end with ${ENDPOINTS} webhooks (${opened} needs opened at 8 connections until every receiver had every one; ${delivered} / ${opened * ENDPOINTS} delivered; receipt p99 ${lag.p99} ms after the change)`,
        hub: perSecond,
        baseline: null,
        ratio: null,
        goal: 'recorded; all delivered',
        met: all ? null : false,
      },
      {
        workload: 'W12',
        measure: `openNeed p99 (ms) at ${rate}/s with ${ENDPOINTS} webhooks registered vs none (${rounds} alternating rounds of ${perRound / 1000} s each; ${withHooks.requests} vs ${without.requests} answered)`,
        hub: withHooks.latency.p99,
        baseline: without.latency.p99,
        ratio: p99Ratio,
        goal: '<= 1.05x none',
        met: p99Ratio !== null && p99Ratio <= 1.05 && withHooks.errors === 0,
      },
    );
    ctx.raw.W12 = {
      endpoints: ENDPOINTS,
      mutationsWithWebhooks: brief(withHooks),
      mutationsWithout: brief(without),
      p99Ratio,
      burst: { opened, errors: written.errors, seconds: round(seconds), perSecond, delivered },
      receiptLagMs: lag,
    };
  } finally {
    await hub?.stop();
    for (const r of receivers) await r.close();
    await ctx.db.query(
      `DELETE FROM webhook_delivery WHERE webhook_id IN (SELECT id FROM webhook WHERE created_by = 'bench')`,
    );
    // Left-over delivery runs of these endpoints (graphile-worker's table; the job's payload
    // names the webhook).
    await ctx.db.query(
      `DELETE FROM graphile_worker._private_jobs j USING graphile_worker._private_tasks t
        WHERE t.id = j.task_id AND t.identifier = 'webhooks.deliver'
          AND (j.payload->>'webhookId')::int IN (SELECT id FROM webhook WHERE created_by = 'bench')`,
    );
    await ctx.db.query(`DELETE FROM webhook WHERE created_by = 'bench'`);
    await ctx.db.query(
      `DELETE FROM activity WHERE subject_type = 'Need'
          AND subject_id IN (SELECT id FROM need WHERE title LIKE $1)`,
      [`${TITLE} %`],
    );
    await ctx.db.query(`DELETE FROM need WHERE title LIKE $1`, [`${TITLE} %`]);
  }
}
