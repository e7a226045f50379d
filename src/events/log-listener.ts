// One dedicated PostgreSQL connection per instance LISTENs on the channel of every log the hub
// keeps (need events, activities). A notification only says "something was committed in this
// log": the listener then reads that log after the last position it has seen and hands the
// rows, in order, to the log's in-process hub. After any (re)connect it catches up every log
// the same way, so a dropped connection loses nothing; it reconnects with backoff.
import { Client, ClientConfig } from 'pg';
import type { Logger } from 'pino';

export const LISTENER_APPLICATION_NAME = 'engagement-hub-listener';
const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5000;
export const LOG_BATCH_SIZE = 1000;

/** One ordered log: where it is announced, how it is read, and who gets its rows. */
export interface LogFeed<E extends { position: number } = { position: number }> {
  /** The NOTIFY channel (an SQL identifier); the payload is the transaction's last position. */
  readonly channel: string;
  /** For log lines ("need event", "activity"). */
  readonly name: string;
  head(): Promise<number>;
  after(position: number, limit: number): Promise<E[]>;
  /** Hands a batch to the in-process subscribers, after every earlier batch. */
  publish(batch: E[]): Promise<void>;
  /** The log may have grown (a notification, or a reconnect after missing some). */
  changed(): void;
  /** Subscribers in this instance: with none, a notification needs no read. */
  readonly size: number;
}

class FeedState {
  lastPosition = 0;
  running: Promise<void> | null = null;
  again = false;
  retryTimer: NodeJS.Timeout | null = null;
  constructor(readonly feed: LogFeed) {}
}

export class LogListener {
  private client: Client | null = null;
  private readonly dropped = new WeakSet<Client>();
  private readonly feeds = new Map<string, FeedState>();
  private stopped = false;
  private started = false;
  private backoffMs = MIN_BACKOFF_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** How many times the LISTEN connection was (re)established; for metrics and tests. */
  connects = 0;

  private log!: Logger;

  /** The log it was started with (for the hubs' dispatch warnings); null before start. */
  get logger(): Logger | null {
    return this.log ?? null;
  }

  constructor(private readonly connection: ClientConfig) {}

  /** Registers a log; every feed is added while the services are built, before start(). */
  addFeed<E extends { position: number }>(feed: LogFeed<E>): void {
    if (this.started) throw new Error(`log ${feed.name} was added after the listener started`);
    if (!/^[a-z_][a-z0-9_]*$/.test(feed.channel) || this.feeds.has(feed.channel))
      throw new Error(`bad or duplicate log channel ${feed.channel}`);
    this.feeds.set(feed.channel, new FeedState(feed as unknown as LogFeed));
  }

  /** The last position of a log handed to its hub. */
  position(channel: string): number {
    return this.feeds.get(channel)?.lastPosition ?? 0;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  async start(log: Logger): Promise<void> {
    this.log = log;
    this.started = true;
    for (const s of this.feeds.values()) s.lastPosition = await s.feed.head();
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const s of this.feeds.values()) if (s.retryTimer) clearTimeout(s.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      this.dropped.add(client);
      await client.end().catch(() => undefined);
    }
    for (const s of this.feeds.values()) await s.running?.catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.stopped) return;
    const client = new Client({
      ...this.connection,
      application_name: LISTENER_APPLICATION_NAME,
    });
    client.on('error', (err) => this.drop(client, err));
    client.on('end', () => this.drop(client));
    client.on('notification', (msg) => {
      const s = this.feeds.get(msg.channel);
      if (!s) return;
      s.feed.changed();
      // With nobody subscribed here, there is nothing to read: note how far the log got (the
      // payload is the transaction's last position) and skip the read. A subscriber that arrives
      // later replays the log itself from where it starts, so nothing is lost.
      const position = Number(msg.payload);
      if (s.feed.size === 0 && !s.running && Number.isSafeInteger(position)) {
        s.lastPosition = Math.max(s.lastPosition, position);
        return;
      }
      void this.catchUp(s);
    });
    try {
      await client.connect();
      for (const channel of this.feeds.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      this.drop(client, err);
      return;
    }
    if (this.stopped || this.dropped.has(client)) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.connects++;
    this.backoffMs = MIN_BACKOFF_MS;
    if (this.connects > 1) this.log.info('log listener reconnected; catching up');
    for (const s of this.feeds.values()) {
      // Changes made while no connection listened were not announced.
      s.feed.changed();
      // Whatever was committed while we were not listening is in the log.
      await this.catchUp(s);
    }
  }

  private drop(client: Client, err?: unknown): void {
    if (this.dropped.has(client)) return;
    this.dropped.add(client);
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.log.warn(
      { err: err instanceof Error ? err.message : undefined, retryInMs: this.backoffMs },
      'log listener lost its connection',
    );
    if (!this.reconnectTimer) {
      this.reconnectTimer = setTimeout(() => void this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  /** Reads and publishes everything of one log after its last position; concurrent calls coalesce. */
  catchUp(s: FeedState): Promise<void> {
    if (s.running) {
      s.again = true;
      return s.running;
    }
    s.running = (async () => {
      do {
        s.again = false;
        for (;;) {
          const batch = await s.feed.after(s.lastPosition, LOG_BATCH_SIZE);
          if (batch.length === 0) break;
          await s.feed.publish(batch);
          s.lastPosition = batch[batch.length - 1].position;
          if (batch.length < LOG_BATCH_SIZE) break;
        }
      } while (s.again && !this.stopped);
    })()
      .catch((err) => {
        if (this.stopped) return;
        this.log.warn(
          { err: err instanceof Error ? err.message : String(err), log: s.feed.name },
          'log catch-up failed; retrying',
        );
        if (!s.retryTimer) {
          s.retryTimer = setTimeout(() => {
            s.retryTimer = null;
            void this.catchUp(s);
          }, 1000);
        }
      })
      .finally(() => {
        s.running = null;
      });
    return s.running;
  }
}

/** Connection settings of the primary pool, for the listener's own client. */
export function primaryConnection(pool: { options?: unknown }): ClientConfig {
  const o = (pool as unknown as { options: ClientConfig }).options;
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
