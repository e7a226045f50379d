// Per-process background work of live needs: the LISTEN connection feeding the hub. Started by
// services.startBackground, stopped on shutdown. (The sweep is a scheduled job: needs.sweep.)
import type { ClientConfig, Pool } from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { NeedEventListener } from './need-event-listener';
import type { NeedEventHub } from './need-event.hub';
import type { NeedEventStore } from './need-event.store';

export interface NeedBackgroundDeps {
  db: Database;
  hub: NeedEventHub;
  store: NeedEventStore;
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
  return {
    listener,
    async stop() {
      await listener.stop();
    },
  };
}
