// Per-process background work of live needs: the LISTEN connection feeding the hub, and the
// periodic sweep. Started by services.startBackground, stopped on shutdown.
import type { ClientConfig, Pool } from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import type { NeedSweeper } from '../modules/needs/need-sweeper';
import { NeedEventListener } from './need-event-listener';
import type { NeedEventHub } from './need-event.hub';
import type { NeedEventStore } from './need-event.store';

export interface NeedBackgroundDeps {
  db: Database;
  hub: NeedEventHub;
  store: NeedEventStore;
  sweeper: NeedSweeper;
  sweepIntervalMs: number;
}

/** Connection settings of the primary pool, for the listener's own client. */
export function primaryConnection(pool: Pool): ClientConfig {
  const o = (pool as unknown as { options: ClientConfig & { max?: number } }).options;
  const {
    connectionString,
    host,
    port,
    user,
    password,
    database,
    ssl,
    keepAlive,
    connectionTimeoutMillis,
  } = o;
  return {
    connectionString,
    host,
    port,
    user,
    password,
    database,
    ssl,
    keepAlive,
    connectionTimeoutMillis,
  };
}

export async function startNeedBackground(
  deps: NeedBackgroundDeps,
  log: Logger,
): Promise<{ listener: NeedEventListener; stop(): Promise<void> }> {
  const listener = new NeedEventListener({
    connection: primaryConnection(deps.db.primary),
    store: deps.store,
    hub: deps.hub,
    log,
  });
  await listener.start();
  let sweeping: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = deps.sweeper
      .run()
      .then((r) => {
        if (r.expiredNeedIds.length || r.deletedEvents) {
          log.info(
            { expired: r.expiredNeedIds.length, deletedEvents: r.deletedEvents },
            'need sweep',
          );
        }
      })
      .catch((err) =>
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'need sweep failed'),
      )
      .finally(() => (sweeping = null));
  }, deps.sweepIntervalMs);
  timer.unref();
  return {
    listener,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await listener.stop();
    },
  };
}
