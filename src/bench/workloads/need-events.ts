// Writing need events the way the hub's writers do, and waiting for subscribers to see them
// (W2, W5, W6).
import { NeedEventType } from '../../events/need-event.entity';
import { recordNeedEvents } from '../../events/need-event.writer';
import { Fleet } from '../processes';
import { Ctx } from './kit';

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
export function eventWriter(
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

export async function settle(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
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
export async function primeFleet(ctx: Ctx, fleet: Fleet, connected: number): Promise<void> {
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
