// Shared pieces of the workloads: settings and result rows, the hub's environment and
// tokens, the widget request, GraphQL and /metrics helpers, load runs and their series.
import { loadConfig } from '../../config/env';
import type { Database } from '../../db/database';
import { Authenticator } from '../../graphql/auth';
import { toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import persisted from '../../clients/generated/persisted-documents.json';
import type { BenchDataInfo } from '../generate';
import { LoadResult, runLoad, send } from '../load';
import { httpGet, ServerProcess } from '../processes';
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

export const WIDGET_HASH = Object.entries(persisted as Record<string, string>).find(([, text]) =>
  /query WidgetNeeds\b/.test(text),
)?.[0];
export const WIDGET_QUERY = WIDGET_HASH ? (persisted as Record<string, string>)[WIDGET_HASH] : '';
export const WIDGET_EVENTS =
  Object.values(persisted as Record<string, string>).find((t) =>
    /subscription WidgetNeedEvents\b/.test(t),
  ) ?? '';

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
export const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : null);

/** The hub's environment for every bench instance; `extra` overrides. */
export function hubEnv(ctx: Ctx, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: ctx.dbUrl,
    HUB_JWT_SECRET: JWT_SECRET,
    HUB_COUNT_STATEMENTS: 'true',
    HUB_PUBLIC_CACHE_TTL_MS: '0',
    HUB_PUBLIC_OPERATIONS: 'any',
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
export const visitor = (i: number) => ({ 'x-forwarded-for': `10.0.${(i >> 8) & 7}.${i & 255}` });

export function widgetRequest(ctx: Ctx, i: number, first = 20, trusted = false) {
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

export const noErrors = (body: string) => !body.includes('"errors"');

export interface GqlBody {
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

export async function scrape(port: number): Promise<Record<string, number>> {
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
export async function withRss<T>(
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

export function load(
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

export function series(
  ctx: Ctx,
  label: string,
  r: LoadResult | { latency: { p50: number; p90: number; p99: number } },
) {
  ctx.series.push({ label, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99 });
}

export function brief(r: LoadResult) {
  return {
    rps: r.rps,
    requests: r.requests,
    errors: r.errors,
    latencyMs: r.latency,
    errorSamples: r.errorSamples,
  };
}
