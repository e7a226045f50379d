// W10 (issue 23): a mass reconnect. 1,000 widget subscribers reconnect at the same moment with
// `after` (the cursor they last saw before an outage, 100 events ago), against the same number
// subscribing fresh, on the same hub, in alternating rounds. Events keep being written at 10/s
// throughout; the delivery latency of those live events (write to receipt) and the hub's peak
// RSS are compared as ratios, resuming over fresh.
import { encodeEventCursor } from '../../events/need-event.store';
import { toGlobalId } from '../../graphql/global-id';
import { Fleet, ServerProcess } from '../processes';
import { Ctx, ratio, round, scrape, series, WIDGET_EVENTS, withRss } from './kit';
import { eventWriter, settle, writeEvent } from './need-events';

/** Events "missed" during the outage, spread over the municipalities. */
const MISSED = 100;

interface StormFigures {
  mode: 'fresh' | 'resume';
  connected: number;
  /** Live events (written during the storm) delivered, and their latency. */
  delivered: number;
  latency: { p50: number; p90: number; p99: number };
  /** Missed events replayed to the resuming subscribers. */
  replayed: number;
  rssBeforeMB: number;
  peakRssMB: number;
  /** Subscription executions during the storm (groups and replays). */
  executions: number | null;
  errors: number;
}

/** The median (the mean of the middle two for an even count). */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function storm(
  ctx: Ctx,
  hub: ServerProcess,
  count: number,
  mode: 'fresh' | 'resume',
): Promise<StormFigures> {
  // The previous storm's sockets are gone before this one starts (bounded wait).
  await settle(async () => {
    const m = await scrape(hub.port);
    return (m.hub_subscriptions ?? 0) === 0 && (m.hub_websocket_connections ?? 0) === 0;
  }, 60_000);
  const fleet = new Fleet();
  try {
    let after: string | undefined;
    if (mode === 'resume') {
      const [{ head }] = await ctx.db.query<{ head: number }>(
        'SELECT coalesce(max(position), 0)::int AS head FROM need_event',
      );
      after = encodeEventCursor(head);
      for (let i = 0; i < MISSED; i++) await writeEvent(ctx, i);
    }
    const before = await scrape(hub.port);
    const rss0 = hub.rssBytes();
    const since = Date.now();
    await fleet.ask({ cmd: 'reset', since });
    // Long enough for 1,000 subscribes and their replays on a busy machine.
    const seconds = Math.max(10, Math.round(ctx.settings.durationMs / 1000));
    const { value, peakRss } = await withRss(hub, async () => {
      const writer = eventWriter(ctx, 10, seconds * 1000 + 60_000);
      const c = await fleet.ask<{ connected: number; failed: number; errorSamples: string[] }>({
        cmd: 'connect',
        config: {
          target: 'hub',
          port: hub.port,
          count,
          regions: ctx.data.municipalityIds.map((id) => toGlobalId('Region', id)),
          query: WIDGET_EVENTS,
          sourceAddresses: 100,
          parallel: count, // all at once
          after,
        },
      });
      await new Promise((r) => setTimeout(r, seconds * 1000));
      return { c, events: await writer.stop() };
    });
    // Bounded wait for the last deliveries: until the count stops growing for two seconds.
    let last = -1;
    let still = 0;
    await settle(async () => {
      const { received } = await fleet.ask<{ received: number }>({ cmd: 'report' });
      still = received === last ? still + 1 : 0;
      last = received;
      return still >= 10;
    }, 30_000);
    if (value.c.failed)
      ctx.notes.push(
        `W10 ${mode}: ${value.c.failed} of ${count} sockets did not subscribe, e.g. ${value.c.errorSamples[0] ?? 'timeout'}`,
      );
    const rep = await fleet.ask<{
      received: number;
      replayed: number;
      errors: number;
      errorSamples: string[];
      latency: { p50: number; p90: number; p99: number };
    }>({ cmd: 'report' });
    const after2 = await scrape(hub.port);
    if (rep.errors)
      ctx.notes.push(
        `W10 ${mode}: ${rep.errors} error messages, e.g. ${rep.errorSamples[0] ?? ''}`,
      );
    void value.events;
    return {
      mode,
      connected: value.c.connected,
      delivered: rep.received - rep.replayed,
      latency: rep.latency,
      replayed: rep.replayed,
      rssBeforeMB: round(rss0 / 2 ** 20, 1),
      peakRssMB: round(peakRss / 2 ** 20, 1),
      executions:
        after2.hub_subscription_executions_total !== undefined
          ? after2.hub_subscription_executions_total -
            (before.hub_subscription_executions_total ?? 0)
          : null,
      errors: rep.errors,
    };
  } finally {
    await fleet.close();
  }
}

export async function w10(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const count = 1000;
  const runs: Record<'fresh' | 'resume', StormFigures[]> = { fresh: [], resume: [] };
  // Alternating rounds (fresh, resume, resume, fresh, ...) so machine noise falls on both.
  for (let r = 0; r < ctx.settings.rounds; r++) {
    const order: Array<'fresh' | 'resume'> =
      r % 2 === 0 ? ['fresh', 'resume'] : ['resume', 'fresh'];
    for (const mode of order) {
      const f = await storm(ctx, hub, count, mode);
      runs[mode].push(f);
      ctx.log(
        `W10 round ${r + 1} ${mode}: ${f.connected} connected, p99 ${f.latency.p99} ms, peak RSS ${f.peakRssMB} MB, ${f.replayed} replayed`,
      );
    }
  }
  ctx.raw.W10 = runs;
  const p99 = runs.resume.map((f, i) => ratio(f.latency.p99, runs.fresh[i].latency.p99) ?? NaN);
  // RSS growth during the storm (peak over the RSS before it): the peak alone carries what the
  // round before left behind (V8 keeps its heap).
  const growth = (f: StormFigures) => round(Math.max(0.1, f.peakRssMB - f.rssBeforeMB), 1);
  const rss = runs.resume.map((f, i) => ratio(growth(f), growth(runs.fresh[i])) ?? NaN);
  const spread = (xs: number[]) => `${round(Math.min(...xs))}–${round(Math.max(...xs))}`;
  const fresh = runs.fresh[runs.fresh.length - 1];
  const resume = runs.resume[runs.resume.length - 1];
  series(ctx, `W10 ${count} fresh subscribers`, fresh);
  series(ctx, `W10 ${count} resuming subscribers`, resume);
  const p99Ratio = round(median(p99));
  const rssRatio = round(median(rss));
  ctx.rows.push(
    {
      workload: 'W10',
      measure: `${count} subscribers reconnecting at once with \`after\` (${MISSED} missed events) vs subscribing fresh: live delivery p99 (ms), 10 events/s; median of ${p99.length} round ratios, spread ${spread(p99)}`,
      hub: median(runs.resume.map((f) => f.latency.p99)),
      baseline: median(runs.fresh.map((f) => f.latency.p99)),
      ratio: p99Ratio,
      goal: '<= 2x fresh',
      met: Number.isFinite(p99Ratio) && p99Ratio <= 2 && resume.connected === count,
    },
    {
      workload: 'W10',
      measure: `${count} subscribers reconnecting at once with \`after\` vs subscribing fresh: RSS growth during the storm (MB, peak over before); median of ${rss.length} round ratios, spread ${spread(rss)}; ${median(runs.resume.map((f) => f.replayed))} missed events replayed`,
      hub: median(runs.resume.map(growth)),
      baseline: median(runs.fresh.map(growth)),
      ratio: rssRatio,
      goal: '<= 2x fresh',
      met: Number.isFinite(rssRatio) && rssRatio <= 1.25,
    },
  );
}
