// The workloads W0..W8, each beside its baseline in the same run. Every loop is bounded by a
// duration and a request budget; every process started here is stopped here.
import { Pool } from 'pg';
import { loadConfig } from '../config/env';
import type { Database } from '../db/database';
import { NeedEventType } from '../events/need-event.entity';
import { recordNeedEvents } from '../events/need-event.writer';
import { Authenticator } from '../graphql/auth';
import { toGlobalId } from '../graphql/global-id';
import { Role } from '../graphql/viewer';
import persisted from '../clients/generated/persisted-documents.json';
import { widgetQuery } from './baselines/widget-sql';
import type { BenchDataInfo } from './generate';
import { networkDirect, partnersDirect, pathDirect } from './graph-direct';
import { LoadResult, mergeResults, percentiles, runLoad, runOps, send } from './load';
import { Fleet, httpGet, ServerProcess, startBaseline, startHubProcess } from './processes';
import http from 'node:http';

export interface Settings {
  quick: boolean;
  durationMs: number;
  warmupMs: number;
  maxRequests: number;
  connections: number;
  fanout: number[];
  crossSubscribers: number;
  coldStarts: number;
  /** Alternating rounds per comparison (hub, baselines, baselines, hub, ...). */
  rounds: number;
}

export interface Row {
  workload: string;
  measure: string;
  hub: number | string | null;
  baseline: number | string | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  /** Hub throughput as a share of W0: hello world (and, for the widget, its SQL alone). */
  shareOfW0?: string;
}

export interface LatencySeries {
  label: string;
  p50: number;
  p90: number;
  p99: number;
}

export interface Ctx {
  settings: Settings;
  dbUrl: string;
  db: Database;
  data: BenchDataInfo;
  log: (m: string) => void;
  rows: Row[];
  series: LatencySeries[];
  raw: Record<string, unknown>;
  notes: string[];
}

export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

const WIDGET_HASH = Object.entries(persisted as Record<string, string>).find(([, text]) =>
  /query WidgetNeeds\b/.test(text),
)?.[0];
export const WIDGET_QUERY = WIDGET_HASH ? (persisted as Record<string, string>)[WIDGET_HASH] : '';
const WIDGET_EVENTS =
  Object.values(persisted as Record<string, string>).find((t) =>
    /subscription WidgetNeedEvents\b/.test(t),
  ) ?? '';

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : null);

/** The hub's environment for every bench instance; `extra` overrides. */
export function hubEnv(ctx: Ctx, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.dbUrl,
    HUB_JWT_SECRET: JWT_SECRET,
    HUB_COUNT_STATEMENTS: 'true',
    HUB_PUBLIC_CACHE_TTL_MS: '0',
    HUB_PUBLIC_OPERATIONS: 'any',
    HUB_SWEEP_INTERVAL_MS: '86400000',
    HUB_SHUTDOWN_DRAIN_MS: '0',
    DB_POOL_SIZE: '20',
    // The load driver stands in for the reverse proxy in front of many widget visitors: it sends
    // X-Forwarded-For, so PUBLIC rate limits count per visitor, as they would in production.
    HUB_TRUST_PROXY: '127.0.0.1',
    ...extra,
  };
}

export async function token(
  role: Role,
  actorIds: number[] = [],
  regionIds: number[] = [],
  sub = `bench-${role.toLowerCase()}`,
): Promise<string> {
  const auth = new Authenticator(
    loadConfig({ HUB_JWT_SECRET: JWT_SECRET, HUB_DATA_DIR: '/nonexistent' }),
  );
  return auth.sign({
    sub,
    role,
    actorIds: actorIds.map((id) => toGlobalId('Actor', id)),
    regionIds: regionIds.map((id) => toGlobalId('Region', id)),
    ttl: '4h',
  });
}

/** Many widget visitors: PUBLIC limits are per address, and the hub trusts X-Forwarded-For. */
const visitor = (i: number) => ({ 'x-forwarded-for': `10.0.${(i >> 8) & 7}.${i & 255}` });

function widgetRequest(ctx: Ctx, i: number, first = 20, trusted = false) {
  const m = ctx.data.municipalityIds[(i * 7919) % ctx.data.municipalityIds.length];
  const variables = { regionId: toGlobalId('Region', m), first };
  const body = trusted
    ? {
        operationName: 'WidgetNeeds',
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: WIDGET_HASH } },
      }
    : { operationName: 'WidgetNeeds', query: WIDGET_QUERY, variables };
  return { path: '/graphql', body: JSON.stringify(body), headers: visitor(i) };
}

const noErrors = (body: string) => !body.includes('"errors"');

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function gql(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  bearer?: string,
): Promise<{ status: number; json: GqlBody }> {
  const agent = new http.Agent({ keepAlive: false });
  const r = await send(agent, port, {
    path: '/graphql',
    body: JSON.stringify({ query, variables }),
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  agent.destroy();
  try {
    return { status: r.status, json: JSON.parse(r.body) };
  } catch {
    return { status: r.status, json: { errors: [{ message: r.body.slice(0, 200) }] } };
  }
}

async function scrape(port: number): Promise<Record<string, number>> {
  const { body } = await httpGet(port, '/metrics', 5000);
  const out: Record<string, number> = {};
  for (const line of body.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) ([-\d.e+]+|NaN)$/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

export async function statements(port: number): Promise<number> {
  return (await scrape(port)).hub_db_statements_total ?? NaN;
}

/** Samples a process's RSS while `fn` runs; returns fn's value and the peak. */
async function withRss<T>(
  proc: ServerProcess,
  fn: () => Promise<T>,
): Promise<{ value: T; peakRss: number }> {
  let peak = proc.rssBytes();
  const timer = setInterval(() => (peak = Math.max(peak, proc.rssBytes())), 200);
  try {
    return { value: await fn(), peakRss: Math.max(peak, proc.rssBytes()) };
  } finally {
    clearInterval(timer);
  }
}

function load(
  ctx: Ctx,
  port: number,
  request: (i: number) => { path: string; body: string; headers?: Record<string, string> },
  connections = ctx.settings.connections,
  accept = noErrors,
) {
  const s = ctx.settings;
  return runLoad({
    port,
    connections,
    durationMs: s.durationMs,
    warmupMs: s.warmupMs,
    maxRequests: s.maxRequests,
    request,
    accept,
  });
}

function series(
  ctx: Ctx,
  label: string,
  r: LoadResult | { latency: { p50: number; p90: number; p99: number } },
) {
  ctx.series.push({ label, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99 });
}

function brief(r: LoadResult) {
  return {
    rps: r.rps,
    requests: r.requests,
    errors: r.errors,
    latencyMs: r.latency,
    errorSamples: r.errorSamples,
  };
}

// ------------------------------------------------------------------------------------------ W0

export async function w0(ctx: Ctx): Promise<void> {
  const hello = await startBaseline('w0-hello', {});
  try {
    const r = await load(ctx, hello.port, () => ({ path: '/', body: '{}' }));
    ctx.raw.W0_hello = brief(r);
    series(ctx, 'W0 hello', r);
    ctx.rows.push({
      workload: 'W0',
      measure: 'hello world, raw node http (req/s)',
      hub: null,
      baseline: r.rps,
      ratio: null,
      goal: 'recorded',
      met: null,
    });
  } finally {
    await hello.stop();
  }
  const pool = new Pool({ connectionString: ctx.dbUrl, max: 20 });
  try {
    const ms = ctx.data.municipalityIds;
    const r = await runOps(
      ctx.settings.connections,
      ctx.settings.durationMs,
      ctx.settings.maxRequests,
      async (i) => {
        await widgetQuery(pool, ms[(i * 7919) % ms.length], 20);
        return true;
      },
    );
    ctx.raw.W0_sql = brief(r);
    series(ctx, 'W0 widget SQL', r);
    ctx.rows.push({
      workload: 'W0',
      measure: 'widget SQL alone through pg, 20 connections (statements/s)',
      hub: null,
      baseline: r.rps,
      ratio: null,
      goal: 'recorded',
      met: null,
    });
  } finally {
    await pool.end();
  }
}

// ------------------------------------------------------------------------------------ W1, W8 RSS

interface Target {
  name: string;
  proc: ServerProcess;
  request: (i: number) => { path: string; body: string; headers?: Record<string, string> };
  accept?: (body: string) => boolean;
}

/**
 * Runs the targets in alternating rounds (hub, baseline, baseline, hub, ...), so that whatever
 * else the shared machine does falls on all of them alike; results of the rounds are merged.
 */
async function interleaved(
  ctx: Ctx,
  targets: Target[],
  rounds: number,
): Promise<Map<string, { result: LoadResult; peakRss: number }>> {
  const parts = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
  const peaks = new Map<string, number>(targets.map((t) => [t.name, 0]));
  const s = ctx.settings;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const run = await withRss(t.proc, () =>
        runLoad({
          port: t.proc.port,
          connections: s.connections,
          durationMs: Math.round(s.durationMs / rounds),
          warmupMs: round === 0 ? s.warmupMs : 300,
          maxRequests: Math.round(s.maxRequests / rounds),
          request: t.request,
          accept: t.accept ?? noErrors,
        }),
      );
      parts.get(t.name)?.push(run.value);
      peaks.set(t.name, Math.max(peaks.get(t.name) ?? 0, run.peakRss));
    }
  }
  return new Map(
    targets.map((t) => [
      t.name,
      { result: mergeResults(parts.get(t.name) ?? []), peakRss: peaks.get(t.name) ?? 0 },
    ]),
  );
}

export async function w1(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const b1 = await startBaseline('b1-graphql-js', { BENCH_DB_URL: ctx.dbUrl });
  const b0 = await startBaseline('b0-raw-http', { BENCH_DB_URL: ctx.dbUrl }).catch(async (e) => {
    await b1.stop();
    throw e;
  });
  let res: Map<string, { result: LoadResult; peakRss: number }>;
  try {
    const request = (i: number) => widgetRequest(ctx, i);
    res = await interleaved(
      ctx,
      [
        { name: 'hub', proc: hub, request },
        { name: 'B1', proc: b1, request },
        { name: 'B0', proc: b0, request },
      ],
      ctx.settings.rounds,
    );
  } finally {
    await b1.stop();
    await b0.stop();
  }
  const get = (n: string) => res.get(n) as { result: LoadResult; peakRss: number };
  const h = get('hub').result;
  const b1r = get('B1').result;
  const b0r = get('B0').result;
  const hubRss = get('hub').peakRss;
  const b1Rss = get('B1').peakRss;
  ctx.raw.W1_hub = { ...brief(h), peakRssMB: round(hubRss / 2 ** 20, 1) };
  ctx.raw.W1_B1 = { ...brief(b1r), peakRssMB: round(b1Rss / 2 ** 20, 1) };
  ctx.raw.W1_B0 = brief(b0r);
  ctx.raw.B0_rps = b0r.rps;
  series(ctx, 'W1 hub', h);
  series(ctx, 'W1 B1 graphql-js', b1r);
  series(ctx, 'W1 B0 raw', b0r);

  const vsB1 = ratio(h.rps, b1r.rps);
  const vsB0 = ratio(h.rps, b0r.rps);
  const p99 = ratio(h.latency.p99, b1r.latency.p99);
  ctx.rows.push(
    {
      workload: 'W1',
      measure: `widget query uncached, ${ctx.settings.connections} connections: req/s vs B1`,
      hub: h.rps,
      baseline: b1r.rps,
      ratio: vsB1,
      goal: '>= 0.8x B1',
      met: vsB1 !== null && vsB1 >= 0.8,
    },
    {
      workload: 'W1',
      measure: 'req/s vs B0 (raw http + one SQL)',
      hub: h.rps,
      baseline: b0r.rps,
      ratio: vsB0,
      goal: '>= 0.3x B0',
      met: vsB0 !== null && vsB0 >= 0.3,
    },
    {
      workload: 'W1',
      measure: 'p99 latency (ms) vs B1',
      hub: h.latency.p99,
      baseline: b1r.latency.p99,
      ratio: p99,
      goal: '<= 1.5x B1',
      met: p99 !== null && p99 <= 1.5,
    },
    {
      workload: 'W1',
      measure: 'errors (hub / B1)',
      hub: h.errors,
      baseline: b1r.errors,
      ratio: null,
      goal: '0',
      met: h.errors === 0,
    },
  );
  ctx.raw.W8_rss = { hubMB: round(hubRss / 2 ** 20, 1), b1MB: round(b1Rss / 2 ** 20, 1) };
  const rr = ratio(hubRss, b1Rss);
  ctx.rows.push({
    workload: 'W8',
    measure: 'peak RSS under W1 load (MB)',
    hub: round(hubRss / 2 ** 20, 1),
    baseline: round(b1Rss / 2 ** 20, 1),
    ratio: rr,
    goal: '<= 2x B1',
    met: rr !== null && rr <= 2,
  });
}

// ------------------------------------------------------------------------------------------ W2

/** Changes a write need (title carries the time) the way the hub's writer does; returns commit time. */
export async function writeEvent(
  ctx: Ctx,
  index: number,
): Promise<{ needId: number; t: number; committedAt: number }> {
  const needId = ctx.data.writeNeedIds[index % ctx.data.writeNeedIds.length];
  const t = Date.now();
  await ctx.db.transaction(async (tx) => {
    await tx.query(`UPDATE need SET title = $1, updated_at = now() WHERE id = $2`, [
      `Bench-Schreibbedarf ${(index % ctx.data.writeNeedIds.length) + 1} t=${t}`,
      needId,
    ]);
    await recordNeedEvents(tx, [{ needId, type: NeedEventType.UPDATED }]);
  });
  return { needId, t, committedAt: Date.now() };
}

/** Writes `perSecond` events until stopped; bounded by `maxMs`. */
function eventWriter(
  ctx: Ctx,
  perSecond: number,
  maxMs: number,
  onWrite?: (w: { needId: number; t: number; committedAt: number }) => void,
) {
  let stopped = false;
  let count = 0;
  const started = Date.now();
  const done = (async () => {
    while (!stopped && Date.now() - started < maxMs) {
      const due = started + (count * 1000) / perSecond;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (stopped) break;
      const w = await writeEvent(ctx, count++);
      onWrite?.(w);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      return count;
    },
  };
}

export async function w2(ctx: Ctx): Promise<void> {
  const ttl = 1000;
  const hub = await startHubProcess(
    'hub-cached',
    hubEnv(ctx, { HUB_PUBLIC_CACHE_TTL_MS: String(ttl), HUB_PUBLIC_OPERATIONS: 'trusted' }),
    ctx.log,
  );
  // Versions of every write need: title time -> commit time, to judge each answer's age.
  const versions = new Map<number, Array<{ t: number; committedAt: number }>>();
  let worstAge = 0;
  let checked = 0;
  const accept = (body: string) => {
    if (body.includes('"errors"')) return false;
    const now = Date.now();
    for (const m of body.matchAll(/Bench-Schreibbedarf (\d+) t=(\d{13})/g)) {
      const list = versions.get(Number(m[1])) ?? [];
      const shownT = Number(m[2]);
      // The oldest newer version that had committed: the answer is at least this stale.
      const newer = list.find((v) => v.t > shownT && v.committedAt <= now);
      if (newer) worstAge = Math.max(worstAge, now - newer.committedAt);
      checked++;
    }
    return true;
  };
  try {
    const writer = eventWriter(
      ctx,
      2,
      ctx.settings.durationMs + ctx.settings.warmupMs + 5000,
      (w) => {
        const i = ctx.data.writeNeedIds.indexOf(w.needId) + 1;
        versions.set(i, [...(versions.get(i) ?? []), { t: w.t, committedAt: w.committedAt }]);
      },
    );
    const before = await scrape(hub.port);
    const r = await load(
      ctx,
      hub.port,
      (i) => widgetRequest(ctx, i, 20, true),
      ctx.settings.connections,
      accept,
    );
    const events = await writer.stop();
    const after = await scrape(hub.port);
    const hits =
      (after['hub_public_cache_total{result="hit"}'] ?? 0) -
      (before['hub_public_cache_total{result="hit"}'] ?? 0);
    const misses =
      (after['hub_public_cache_total{result="miss"}'] ?? 0) -
      (before['hub_public_cache_total{result="miss"}'] ?? 0);
    ctx.raw.W2 = {
      ...brief(r),
      ttlMs: ttl,
      eventsWritten: events,
      hitRatio: hits + misses > 0 ? round(hits / (hits + misses), 3) : null,
      worstStalenessMs: worstAge,
      writeNeedsChecked: checked,
    };
    series(ctx, 'W2 hub cached', r);
    const b0 = Number(ctx.raw.B0_rps ?? 0);
    const rr = ratio(r.rps, b0);
    ctx.rows.push(
      {
        workload: 'W2',
        measure: 'widget query hot (trusted document, PUBLIC cache, events 2/s): req/s vs B0',
        hub: r.rps,
        baseline: b0 || null,
        ratio: rr,
        goal: '>= 0.6x B0',
        met: rr !== null && rr >= 0.6,
      },
      {
        workload: 'W2',
        measure: `oldest need state served (ms after a newer one committed; TTL ${ttl} ms)`,
        hub: worstAge,
        baseline: null,
        ratio: null,
        goal: `<= ${ttl} ms`,
        met: worstAge <= ttl && checked > 0,
      },
    );
  } finally {
    await hub.stop();
  }
}

// ------------------------------------------------------------------------------------------ W3

const DEEP_QUERY = `query Deep($id: ID!) {
  actor(id: $id) {
    name
    cooperations(first: 10) {
      nodes { title participants { name needs(first: 5) { nodes { title remainingQuantity } } } }
    }
  }
}`;

export async function w3(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const n = ctx.settings.quick ? 30 : 100;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const perOp = async (
    make: (i: number) => { path: string; body: string; headers?: Record<string, string> },
  ) => {
    // Background statements (rate-limit flushes) over the same span are measured and subtracted.
    const idle0 = await statements(hub.port);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 1000));
    const idleRate = ((await statements(hub.port)) - idle0) / ((Date.now() - t0) / 1000);
    const s0 = await statements(hub.port);
    const started = Date.now();
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const { status, body } = await send(agent, hub.port, make(i));
      if (status !== 200 || body.includes('"errors"')) bad++;
    }
    const seconds = (Date.now() - started) / 1000;
    const total = (await statements(hub.port)) - s0; // /metrics itself sends no SQL
    return { perOp: round(Math.max(0, total - Math.max(0, idleRate) * seconds) / n, 2), bad };
  };
  const networker = await token(Role.NETWORKER, [], [ctx.data.municipalityIds[0]]);
  const actorIds = ctx.data.actorRanges.map(([lo]) => lo + 5);
  const at20 = await perOp((i) => widgetRequest(ctx, i, 20));
  const at100 = await perOp((i) => widgetRequest(ctx, i, 100));
  const deep = await perOp((i) => ({
    path: '/graphql',
    body: JSON.stringify({
      query: DEEP_QUERY,
      variables: { id: toGlobalId('Actor', actorIds[i % actorIds.length]) },
    }),
    headers: { authorization: `Bearer ${networker}` },
  }));
  agent.destroy();
  ctx.raw.W3 = { widget20: at20, widget100: at100, networker3Levels: deep, operations: n };
  ctx.rows.push(
    {
      workload: 'W3',
      measure: 'SQL statements per widget query, first 20 / first 100',
      hub: `${at20.perOp} / ${at100.perOp}`,
      baseline: null,
      ratio: null,
      goal: 'same at 20 and 100; <= 2',
      met:
        Math.round(at20.perOp) === Math.round(at100.perOp) && at20.perOp <= 2.05 && at20.bad === 0,
    },
    {
      workload: 'W3',
      measure: 'SQL statements per networker query 3 levels deep',
      hub: deep.perOp,
      baseline: null,
      ratio: null,
      goal: '<= 4',
      met: deep.perOp <= 4.05 && deep.bad === 0,
    },
  );
  if (at20.bad || at100.bad || deep.bad)
    ctx.notes.push(
      `W3: failed operations: widget20 ${at20.bad}, widget100 ${at100.bad}, deep ${deep.bad}`,
    );
}

// ------------------------------------------------------------------------------------------ W4

export async function w4(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const pool = new Pool({ connectionString: ctx.dbUrl, max: 8, statement_timeout: 5000 });
  const ranges = ctx.data.actorRanges;
  const randomActor = (i: number) => {
    const [lo, hi] = ranges[(i * 31) % ranges.length];
    return lo + ((i * 7919) % (hi - lo + 1));
  };
  const pairs = (i: number): [number, number] => {
    const a = randomActor(i);
    const [lo, hi] = ranges[(i * 31 + 10) % ranges.length]; // same Amt (municipalities 10 apart)
    return [a, lo + ((i * 104729) % (hi - lo + 1))];
  };
  const cases: Array<{
    name: string;
    query: string;
    vars: (i: number) => Record<string, unknown>;
    direct: (i: number) => Promise<unknown>;
  }> = [
    {
      name: 'partners depth 2',
      query: 'query P($id: ID!) { actor(id: $id) { partners(depth: 2) { id name } } }',
      vars: (i) => ({ id: toGlobalId('Actor', randomActor(i)) }),
      direct: (i) => partnersDirect(pool, randomActor(i), 2),
    },
    {
      name: 'partners depth 3',
      query: 'query P($id: ID!) { actor(id: $id) { partners(depth: 3) { id name } } }',
      vars: (i) => ({ id: toGlobalId('Actor', randomActor(i)) }),
      direct: (i) => partnersDirect(pool, randomActor(i), 3),
    },
    {
      name: 'cooperationPath maxDepth 6',
      query:
        'query C($a: ID!, $b: ID!) { cooperationPath(fromActorId: $a, toActorId: $b, maxDepth: 6) { id name } }',
      vars: (i) => {
        const [a, b] = pairs(i);
        return { a: toGlobalId('Actor', a), b: toGlobalId('Actor', b) };
      },
      direct: (i) => pathDirect(pool, ...pairs(i), 6),
    },
    {
      name: 'network stats of a municipality',
      query:
        'query N($r: ID!) { network(regionId: $r) { stats { actorCount cooperationCount componentCount isolatedActorCount density } } }',
      vars: (i) => ({
        r: toGlobalId(
          'Region',
          ctx.data.municipalityIds[(i * 7) % ctx.data.municipalityIds.length],
        ),
      }),
      direct: (i) =>
        networkDirect(pool, ctx.data.municipalityIds[(i * 7) % ctx.data.municipalityIds.length]),
    },
  ];
  const conns = 8;
  const duration = Math.max(2000, Math.round(ctx.settings.durationMs / 2));
  const results: Record<string, unknown> = {};
  try {
    for (const c of cases) {
      let tooBroad = 0;
      let timeouts = 0;
      const accept = (body: string) => {
        if (!body.includes('"errors"')) return true;
        if (body.includes('TRAVERSAL_TOO_BROAD')) tooBroad++;
        else if (/statement timeout|canceling statement|timeout/i.test(body)) timeouts++;
        return false;
      };
      const h = await runLoad({
        port: hub.port,
        connections: conns,
        durationMs: duration,
        warmupMs: 500,
        maxRequests: ctx.settings.maxRequests,
        request: (i) => ({
          path: '/graphql',
          body: JSON.stringify({ query: c.query, variables: c.vars(i) }),
          headers: visitor(i),
        }),
        accept,
      });
      const d = await runOps(conns, duration, ctx.settings.maxRequests, async (i) => {
        await c.direct(i);
        return true;
      });
      const slow = h.latency.max > 5000 ? 1 : 0;
      results[c.name] = { hub: brief(h), direct: brief(d), tooBroad, timeouts };
      series(ctx, `W4 ${c.name}`, h);
      const rr = ratio(h.rps, d.rps);
      ctx.rows.push({
        workload: 'W4',
        measure: `${c.name} (req/s, ${conns} connections) vs the same SQL through pg`,
        hub: h.rps,
        baseline: d.rps,
        ratio: rr,
        goal: '>= 0.8x direct; 0 past the statement timeout',
        met: rr !== null && rr >= 0.8 && timeouts === 0 && slow === 0,
      });
      if (tooBroad)
        ctx.notes.push(
          `W4 ${c.name}: ${tooBroad} requests refused as too broad (clear BAD_USER_INPUT error), not timed out`,
        );
      if (h.errors - tooBroad > 0)
        ctx.notes.push(
          `W4 ${c.name}: ${h.errors - tooBroad} other errors, e.g. ${h.errorSamples[0] ?? ''}`,
        );
    }
  } finally {
    await pool.end();
  }
  ctx.raw.W4 = results;
}

// ------------------------------------------------------------------------------------------ W5

async function settle(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * Waits until every subscription is live: graphql-ws does not acknowledge a subscribe, so one
 * event per municipality is written and each subscriber must receive its one (bounded wait).
 */
async function primeFleet(ctx: Ctx, fleet: Fleet, connected: number): Promise<void> {
  await fleet.ask({ cmd: 'reset' });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (let i = 0; i < ctx.data.writeNeedIds.length; i++) await writeEvent(ctx, i);
    const ok = await settle(
      async () => (await fleet.ask<{ received: number }>({ cmd: 'report' })).received >= connected,
      3000,
    );
    if (ok) break;
    await fleet.ask({ cmd: 'reset' });
  }
  await fleet.ask({ cmd: 'reset' });
}

interface FanoutFigures {
  subscribers: number;
  executionsPerEvent: number | null;
  subscriptionGroups: number | null;
  peakRssWhileEventsMB: number;
  connected: number;
  rssPerSubscriberKB: number;
  deliveryP99: number;
  latency: { p50: number; p90: number; p99: number };
  delivered: number;
  expected: number;
  eventLoopP99Ms: number | null;
  statementsPerEvent: number | null;
  deliveriesPerEvent: number;
  events: number;
}

async function fanout(
  ctx: Ctx,
  target: 'hub' | 'ws0',
  server: ServerProcess,
  count: number,
): Promise<FanoutFigures> {
  const fleet = new Fleet();
  try {
    await new Promise((r) => setTimeout(r, 500));
    const rss0 = server.rssBytes();
    const member = await token(Role.MEMBER, [], [], 'bench-subscriber');
    const regions =
      target === 'hub'
        ? ctx.data.municipalityIds.map((id) => toGlobalId('Region', id))
        : ctx.data.municipalityIds.map(String);
    const c = await fleet.ask<{
      connected: number;
      failed: number;
      ms: number;
      errorSamples: string[];
    }>({
      cmd: 'connect',
      config: {
        target,
        port: server.port,
        count,
        regions,
        query: WIDGET_EVENTS,
        memberToken: member,
        memberEvery: 10,
        sourceAddresses: 100,
      },
    });
    await primeFleet(ctx, fleet, c.connected);
    await new Promise((r) => setTimeout(r, 1000));
    // Memory per subscriber: RSS with every subscriber connected and idle, over the RSS before.
    const rss1 = server.rssBytes();
    await fleet.ask({ cmd: 'reset' });
    const before = target === 'hub' ? await scrape(server.port) : {};
    const seconds = Math.max(3, Math.round(ctx.settings.durationMs / 1000));
    const { value: events, peakRss } = await withRss(server, async () => {
      const writer = eventWriter(ctx, 10, seconds * 1000 + 1000);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      return writer.stop();
    });
    // Wait (bounded) for the last deliveries.
    const perMunicipality = c.connected / ctx.data.municipalityIds.length;
    const expected = Math.round(events * perMunicipality);
    await settle(
      async () => (await fleet.ask<{ received: number }>({ cmd: 'report' })).received >= expected,
      10_000,
    );
    const rep = await fleet.ask<{
      received: number;
      latency: { p50: number; p90: number; p99: number };
      errors: number;
      errorSamples: string[];
    }>({ cmd: 'report' });
    const after = target === 'hub' ? await scrape(server.port) : {};
    const stmts =
      target === 'hub'
        ? (after.hub_db_statements_total ?? 0) - (before.hub_db_statements_total ?? 0)
        : null;
    if (rep.errors)
      ctx.notes.push(
        `W5 ${target} ${count}: ${rep.errors} error messages, e.g. ${rep.errorSamples[0] ?? ''}`,
      );
    return {
      subscribers: count,
      connected: c.connected,
      rssPerSubscriberKB: c.connected ? round((rss1 - rss0) / c.connected / 1024, 1) : 0,
      peakRssWhileEventsMB: round(peakRss / 2 ** 20, 1),
      deliveryP99: rep.latency.p99,
      latency: rep.latency,
      delivered: rep.received,
      expected,
      eventLoopP99Ms:
        target === 'hub' ? round((after.nodejs_eventloop_lag_p99_seconds ?? NaN) * 1000, 1) : null,
      statementsPerEvent: stmts !== null && events ? round(stmts / events, 1) : null,
      // The hub's own count of subscription executions (hub_subscription_executions_total).
      executionsPerEvent:
        target === 'hub' && events && after.hub_subscription_executions_total !== undefined
          ? round(
              (after.hub_subscription_executions_total -
                (before.hub_subscription_executions_total ?? 0)) /
                events,
              2,
            )
          : null,
      subscriptionGroups: target === 'hub' ? (after.hub_subscription_groups ?? null) : null,
      deliveriesPerEvent: events ? round(rep.received / events, 1) : 0,
      events,
    };
  } finally {
    await fleet.close();
  }
}

export async function w5(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const out: Record<string, unknown> = {};
  for (const count of ctx.settings.fanout) {
    const h = await fanout(ctx, 'hub', hub, count);
    const ws0 = await startBaseline('ws0-raw-ws', { BENCH_DB_URL: ctx.dbUrl });
    let w: FanoutFigures;
    try {
      w = await fanout(ctx, 'ws0', ws0, count);
    } finally {
      await ws0.stop();
    }
    out[String(count)] = { hub: h, ws0: w };
    series(ctx, `W5 hub ${count} subs`, h);
    series(ctx, `W5 WS0 ${count} subs`, w);
    const mem = ratio(h.rssPerSubscriberKB, w.rssPerSubscriberKB);
    const p99 = ratio(h.deliveryP99, w.deliveryP99);
    const groups = ctx.data.municipalityIds.length * 2;
    // One filter statement per group, then whatever each delivery costs: about 0 when the
    // payload is executed once per group, about the loader statements when once per socket.
    const perDelivery =
      h.statementsPerEvent !== null && h.deliveriesPerEvent > 0
        ? round(Math.max(0, h.statementsPerEvent - groups) / h.deliveriesPerEvent, 1)
        : null;
    ctx.rows.push(
      {
        workload: 'W5',
        measure: `${count} subscribers: memory per subscriber (KB RSS)`,
        hub: h.rssPerSubscriberKB,
        baseline: w.rssPerSubscriberKB,
        ratio: mem,
        goal: '<= 3x WS0',
        met: mem !== null && mem <= 3,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: delivery p99 (ms), 10 events/s`,
        hub: h.deliveryP99,
        baseline: w.deliveryP99,
        ratio: p99,
        goal: '<= 2x WS0',
        met: p99 !== null && p99 <= 2 && h.delivered >= h.expected * 0.99,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: event-loop delay p99 (ms)`,
        hub: h.eventLoopP99Ms,
        baseline: null,
        ratio: null,
        goal: '< 50 ms',
        met: h.eventLoopP99Ms !== null && h.eventLoopP99Ms < 50,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: GraphQL executions per event (hub_subscription_executions_total; 2 (filter, role) groups per municipality, ${round(h.deliveriesPerEvent, 0)} deliveries per event)`,
        hub: h.executionsPerEvent,
        baseline: null,
        ratio: null,
        goal: 'once per group (<= 2), not per socket',
        met:
          h.executionsPerEvent !== null
            ? h.executionsPerEvent <= 2.05
            : perDelivery !== null && perDelivery < 0.5,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: SQL statements per event (${groups} groups subscribed in all; ${perDelivery} statements per delivery beyond one per group)`,
        hub: h.statementsPerEvent,
        baseline: null,
        ratio: null,
        goal: 'recorded',
        met: null,
      },
      {
        workload: 'W5',
        measure: `${count} subscribers: delivered / expected`,
        hub: `${h.delivered} / ${h.expected}`,
        baseline: `${w.delivered} / ${w.expected}`,
        ratio: null,
        goal: 'all',
        met: h.delivered >= h.expected,
      },
    );
  }
  ctx.raw.W5 = out;
}

// ------------------------------------------------------------------------------------------ W6

const UPDATE_NEED =
  'mutation U($id: ID!, $t: String!) { updateNeed(id: $id, input: { title: $t }) { id } }';

interface Delivery {
  p99: number;
  latency: { p50: number; p90: number; p99: number };
  delivered: number;
  sent: number;
  samples: number[];
}

async function deliveryVia(
  ctx: Ctx,
  mutateOn: ServerProcess,
  subscribeOn: ServerProcess,
  admin: string,
  seconds: number,
): Promise<Delivery> {
  const fleet = new Fleet();
  try {
    const regions = ctx.data.municipalityIds.map((id) => toGlobalId('Region', id));
    const c = await fleet.ask<{
      connected: number;
      failed: number;
      ms: number;
      errorSamples: string[];
    }>({
      cmd: 'connect',
      config: {
        target: 'hub',
        port: subscribeOn.port,
        count: ctx.settings.crossSubscribers,
        regions,
        query: WIDGET_EVENTS,
        sourceAddresses: 20,
      },
    });
    await primeFleet(ctx, fleet, c.connected);
    await fleet.ask({ cmd: 'reset' });

    let sent = 0;
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      const i = sent;
      const needId = ctx.data.writeNeedIds[i % ctx.data.writeNeedIds.length];
      const r = await gql(
        mutateOn.port,
        UPDATE_NEED,
        {
          id: toGlobalId('Need', needId),
          t: `Bench-Schreibbedarf ${(i % ctx.data.writeNeedIds.length) + 1} t=${Date.now()}`,
        },
        admin,
      );
      if (r.json.errors)
        ctx.notes.push(`W6 mutation error: ${JSON.stringify(r.json.errors[0]).slice(0, 200)}`);
      sent++;
      await new Promise((res) => setTimeout(res, 100));
    }
    const expected = Math.round((sent * c.connected) / regions.length);
    await settle(
      async () => (await fleet.ask<{ received: number }>({ cmd: 'report' })).received >= expected,
      10_000,
    );
    const rep = await fleet.ask<{
      received: number;
      latency: { p50: number; p90: number; p99: number };
      samples: number[];
    }>({ cmd: 'report', samples: true });
    return {
      p99: rep.latency.p99,
      latency: rep.latency,
      delivered: rep.received,
      sent,
      samples: rep.samples,
    };
  } finally {
    await fleet.close();
  }
}

/** Tokens of 64 distinct coordinators' sessions: signed rate limits count per subject. */
async function writerTokens(): Promise<string[]> {
  return Promise.all(
    Array.from({ length: 64 }, (_, k) => token(Role.ADMIN, [], [], `bench-writer-${k}`)),
  );
}

async function mutationRate(
  ctx: Ctx,
  hub: ServerProcess,
  writers: string[],
  rounds = 1,
): Promise<LoadResult> {
  return runLoad({
    port: hub.port,
    connections: 16,
    durationMs: Math.max(1500, Math.round(ctx.settings.durationMs / 2 / rounds)),
    warmupMs: 500,
    maxRequests: ctx.settings.maxRequests,
    request: (i) => ({
      path: '/graphql',
      body: JSON.stringify({
        query: UPDATE_NEED,
        variables: {
          id: toGlobalId('Need', ctx.data.writeNeedIds[i % ctx.data.writeNeedIds.length]),
          t: `Bench-Schreibbedarf ${(i % ctx.data.writeNeedIds.length) + 1} t=${Date.now()}`,
        },
      }),
      headers: { authorization: `Bearer ${writers[i % writers.length]}` },
    }),
    accept: noErrors,
  });
}

export async function w6(ctx: Ctx, hubA: ServerProcess): Promise<void> {
  const admin = await token(Role.ADMIN, [], [], 'bench-admin');
  const hubB = await startHubProcess('hub-B', hubEnv(ctx), ctx.log);
  // Alternating rounds (same, cross, cross, same), merged: p99 of a few hundred events is noisy.
  const sameParts: Delivery[] = [];
  const crossParts: Delivery[] = [];
  const rounds = ctx.settings.quick ? 1 : 2;
  const seconds = Math.max(3, Math.round(ctx.settings.durationMs / 1000 / rounds));
  try {
    for (let r = 0; r < rounds; r++) {
      for (const cross of r % 2 === 0 ? [false, true] : [true, false]) {
        const d = await deliveryVia(ctx, hubA, cross ? hubB : hubA, admin, seconds);
        (cross ? crossParts : sameParts).push(d);
      }
    }
  } finally {
    await hubB.stop();
  }
  const merge = (parts: Delivery[]) => {
    const all = parts.flatMap((p) => p.samples);
    const latency = percentiles(all);
    return {
      p99: latency.p99,
      latency,
      delivered: parts.reduce((n, p) => n + p.delivered, 0),
      sent: parts.reduce((n, p) => n + p.sent, 0),
    };
  };
  const same = merge(sameParts);
  const cross = merge(crossParts);
  series(ctx, 'W6 same instance', same);
  series(ctx, 'W6 cross instance', cross);
  const added = round(cross.p99 - same.p99, 1);
  ctx.rows.push({
    workload: 'W6',
    measure: `delivery p99 (ms) with subscribers on the other instance vs the same one, ${ctx.settings.crossSubscribers} subscribers (added: ${added} ms)`,
    hub: cross.p99,
    baseline: same.p99,
    ratio: null,
    goal: 'added p99 <= 20 ms',
    met: added <= 20 && cross.delivered > 0,
  });

  // "NOTIFY off": the same hub whose pg_notify resolves to a no-op (search_path puts a schema
  // with a do-nothing pg_notify(text, text) before pg_catalog); nothing else changes.
  await ctx.db.query(`CREATE SCHEMA IF NOT EXISTS bench_no_notify`);
  await ctx.db.query(
    `CREATE OR REPLACE FUNCTION bench_no_notify.pg_notify(text, text) RETURNS void LANGUAGE sql AS $$ SELECT $$`,
  );
  // Two fresh instances that differ only in NOTIFY (the long-running hub A carries the state of
  // every earlier workload).
  const loud = await startHubProcess('hub-notify', hubEnv(ctx), ctx.log);
  const quiet = await startHubProcess(
    'hub-no-notify',
    hubEnv(ctx, { PGOPTIONS: '-c search_path=public,bench_no_notify,pg_catalog' }),
    ctx.log,
  ).catch(async (e) => {
    await loud.stop();
    throw e;
  });
  const writers = await writerTokens();
  // Alternating rounds (on, off, off, on, ...), as for W1.
  const on: LoadResult[] = [];
  const off: LoadResult[] = [];
  try {
    for (let round = 0; round < ctx.settings.rounds; round++) {
      const pair = round % 2 === 0 ? [true, false] : [false, true];
      for (const notify of pair) {
        if (notify) on.push(await mutationRate(ctx, loud, writers, ctx.settings.rounds));
        else off.push(await mutationRate(ctx, quiet, writers, ctx.settings.rounds));
      }
    }
  } finally {
    await quiet.stop();
    await loud.stop();
  }
  const withNotify = mergeResults(on);
  const without = mergeResults(off);
  const rr = ratio(withNotify.rps, without.rps);
  ctx.rows.push({
    workload: 'W6',
    measure: 'updateNeed mutations/s at 16 writers, NOTIFY on vs off',
    hub: withNotify.rps,
    baseline: without.rps,
    ratio: rr,
    goal: '>= 0.9x without',
    met: rr !== null && rr >= 0.9 && withNotify.errors === 0,
  });
  ctx.raw.W6 = {
    sameInstance: same,
    crossInstance: cross,
    addedP99Ms: added,
    mutationsWithNotify: brief(withNotify),
    mutationsWithoutNotify: brief(without),
  };
  series(ctx, 'W6 updateNeed x16', withNotify);
}

// ------------------------------------------------------------------------------------------ W7

const PLEDGE = 'mutation P($input: PledgeInput!) { pledge(input: $input) { id quantity } }';

export async function w7(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const owners = ctx.data.writeActorIds.slice(0, 10);
  const pledgers = owners.map((a) => a + 1);
  const perNeed = 30;
  const needs = await ctx.db.query<{ id: number }>(
    `INSERT INTO need (actor_id, kind, title, region_id, quantity, unit, status, urgency, visibility, tags, starts_at)
     SELECT a.id, 'HELPERS', 'Bench-Zusagen ' || t.i, a.region_id, $2, 'Helfer', 'OPEN', 'NORMAL', 'PUBLIC', '{}', now() + interval '30 days'
       FROM unnest($1::int[]) WITH ORDINALITY AS t(actor_id, i) JOIN actor a ON a.id = t.actor_id ORDER BY t.i RETURNING id`,
    [owners, perNeed],
  );
  const member = await token(Role.MEMBER, pledgers, [], 'bench-pledger');
  const total = 500;
  const agent = new http.Agent({ keepAlive: true, maxSockets: total });
  const t0 = performance.now();
  const latencies: number[] = [];
  const answers = await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      const s = performance.now();
      const r = await send(agent, hub.port, {
        path: '/graphql',
        body: JSON.stringify({
          query: PLEDGE,
          variables: {
            input: {
              needId: toGlobalId('Need', needs[i % 10].id),
              actorId: toGlobalId('Actor', pledgers[i % 10]),
              quantity: 1,
            },
          },
        }),
        headers: { authorization: `Bearer ${member}` },
      });
      latencies.push(performance.now() - s);
      return r;
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  let ok = 0;
  let refused = 0;
  const other: string[] = [];
  for (const a of answers) {
    if (a.status === 200 && a.body.includes('"pledge":{"id"')) ok++;
    else if (a.body.includes('"CONFLICT"')) refused++;
    else other.push(`${a.status} ${a.body.slice(0, 160)}`);
  }
  const ids = needs.map((n) => n.id);
  const check = await ctx.db.query<{
    id: number;
    quantity: number;
    pledged_quantity: number;
    live: number;
    rows: number;
  }>(
    `SELECT n.id, n.quantity, n.pledged_quantity,
            coalesce(sum(p.quantity) FILTER (WHERE p.status IN ('PENDING', 'CONFIRMED')), 0)::int AS live,
            count(p.id)::int AS rows
       FROM need n LEFT JOIN pledge p ON p.need_id = n.id WHERE n.id = ANY($1::int[]) GROUP BY n.id`,
    [ids],
  );
  const overbooked = check.filter(
    (c) => c.live > c.quantity || c.pledged_quantity > c.quantity || c.pledged_quantity !== c.live,
  ).length;
  const rowsTotal = check.reduce((s, c) => s + c.rows, 0);
  const lost = Math.abs(rowsTotal - ok) + other.length;
  const lat = percentiles(latencies);
  ctx.raw.W7 = {
    requests: total,
    needs: 10,
    quantityPerNeed: perNeed,
    succeeded: ok,
    refusedFull: refused,
    otherErrors: other.slice(0, 5),
    otherErrorCount: other.length,
    pledgeRows: rowsTotal,
    overbookedNeeds: overbooked,
    lost,
    pledgesPerSecond: round(ok / seconds, 1),
    latencyMs: lat,
  };
  ctx.series.push({ label: 'W7 pledges (500 at once)', ...lat });
  ctx.rows.push(
    {
      workload: 'W7',
      measure: `500 concurrent pledges over 10 needs of ${perNeed}: overbooked needs / lost pledges`,
      hub: `${overbooked} / ${lost}`,
      baseline: null,
      ratio: null,
      goal: '0 overbooked, 0 lost',
      met: overbooked === 0 && lost === 0 && ok === 10 * perNeed,
    },
    {
      workload: 'W7',
      measure: 'pledges accepted per second (500 requests at once)',
      hub: round(ok / seconds, 1),
      baseline: null,
      ratio: null,
      goal: 'recorded',
      met: null,
    },
  );
  await ctx.db.query(`DELETE FROM need WHERE id = ANY($1::int[])`, [ids]);
}

// ------------------------------------------------------------------------------------------ W8

async function firstAnswer(ctx: Ctx, port: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      const r = await send(agent, port, widgetRequest(ctx, 1));
      if (r.status === 200 && noErrors(r.body)) return;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error('no widget answer within 30 s');
  } finally {
    agent.destroy();
  }
}

export async function w8(ctx: Ctx): Promise<void> {
  const hubTimes: number[] = [];
  const b1Times: number[] = [];
  const hubReady: number[] = [];
  for (let k = 0; k < ctx.settings.coldStarts; k++) {
    const t0 = performance.now();
    const hub = await startHubProcess(`hub-cold-${k}`, hubEnv(ctx), ctx.log);
    hubReady.push(hub.startMs);
    try {
      await firstAnswer(ctx, hub.port);
      hubTimes.push(performance.now() - t0);
    } finally {
      await hub.stop();
    }
    const t1 = performance.now();
    const b1 = await startBaseline('b1-graphql-js', { BENCH_DB_URL: ctx.dbUrl });
    try {
      await firstAnswer(ctx, b1.port);
      b1Times.push(performance.now() - t1);
    } finally {
      await b1.stop();
    }
  }
  const median = (xs: number[]) =>
    round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)], 0);
  const h = median(hubTimes);
  const b = median(b1Times);
  ctx.raw.W8_start = {
    hubReadyzMs: hubReady.map((x) => round(x, 0)),
    hubMs: hubTimes.map((x) => round(x, 0)),
    b1Ms: b1Times.map((x) => round(x, 0)),
  };
  const rr = ratio(h, b);
  ctx.rows.push({
    workload: 'W8',
    measure: 'cold start to first widget answer (ms, median)',
    hub: h,
    baseline: b,
    ratio: rr,
    goal: '<= 1.5x B1',
    met: rr !== null && rr <= 1.5,
  });
}
