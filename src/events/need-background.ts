// Per-process background work of live needs: the need-event log's feed of the hub's one LISTEN
// connection (src/events/log-listener.ts, owned by the activity module), and the periodic sweep.
import type { Logger } from 'pino';
import type { NeedSweeper } from '../modules/needs/need-sweeper';
import type { LogFeed } from './log-listener';
import type { NeedEventHub } from './need-event.hub';
import { NeedEventRecord, NeedEventStore } from './need-event.store';
import { NEED_EVENT_CHANNEL } from './need-event.writer';

export interface NeedBackgroundDeps {
  sweeper: NeedSweeper;
  sweepIntervalMs: number;
}

/** The need-event log as the listener reads it. */
export function needEventFeed(store: NeedEventStore, hub: NeedEventHub): LogFeed<NeedEventRecord> {
  return {
    channel: NEED_EVENT_CHANNEL,
    name: 'need event',
    head: () => store.head(),
    after: (position, limit) => store.after(position, limit),
    publish: (batch) => hub.publish(batch),
    changed: () => hub.changed(),
    get size() {
      return hub.size;
    },
  };
}

/** Runs `run` every `intervalMs` (never twice at once) until stopped. */
export function startSweep(
  name: string,
  intervalMs: number,
  run: () => Promise<void>,
  log: Logger,
): { stop(): Promise<void> } {
  let sweeping: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = run()
      .catch((err) =>
        log.warn({ err: err instanceof Error ? err.message : String(err) }, `${name} failed`),
      )
      .finally(() => (sweeping = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
    },
  };
}

export function startNeedBackground(
  deps: NeedBackgroundDeps,
  log: Logger,
): Promise<{ stop(): Promise<void> }> {
  return Promise.resolve(
    startSweep(
      'need sweep',
      deps.sweepIntervalMs,
      async () => {
        const r = await deps.sweeper.run();
        if (r.expiredNeedIds.length || r.deletedEvents) {
          log.info(
            { expired: r.expiredNeedIds.length, deletedEvents: r.deletedEvents },
            'need sweep',
          );
        }
      },
      log,
    ),
  );
}
