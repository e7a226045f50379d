// W2: the widget query hot (trusted document, PUBLIC response cache) while events are written,
// and how old a need state the cache serves.
import { startHubProcess } from '../processes';
import { brief, Ctx, hubEnv, load, ratio, round, scrape, series, widgetRequest } from './kit';
import { eventWriter } from './need-events';

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
