// W1 (and W8's RSS): the widget query uncached, beside B1 (graphql-js) and B0 (raw http + one
// SQL), interleaved so that each sees the same machine load.
import { LoadResult, mergeResults, runLoad } from '../load';
import { ServerProcess, startBaseline } from '../processes';
import { brief, Ctx, noErrors, ratio, round, series, widgetRequest, withRss } from './kit';

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
