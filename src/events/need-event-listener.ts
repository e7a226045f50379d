// One dedicated PostgreSQL connection per instance LISTENs on `need_events`. A notification only
// says "something was committed": the listener then reads the log after the last position it
// has seen and hands the events, in order, to the in-process hub. After any (re)connect it
// catches up the same way, so a dropped connection loses nothing; it reconnects with backoff.
import { Client, ClientConfig } from 'pg';
import type { Logger } from 'pino';
import type { NeedEventHub } from './need-event.hub';
import { EVENT_BATCH_SIZE, NeedEventStore } from './need-event.store';
import { NEED_EVENT_CHANNEL } from './need-event.writer';

export const LISTENER_APPLICATION_NAME = 'engagement-hub-listener';
const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5000;

export interface NeedEventListenerOptions {
  connection: ClientConfig;
  store: NeedEventStore;
  hub: NeedEventHub;
  log: Logger;
}

export class NeedEventListener {
  private client: Client | null = null;
  private readonly dropped = new WeakSet<Client>();
  private lastPosition = 0;
  private stopped = false;
  private backoffMs = MIN_BACKOFF_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** How many times the LISTEN connection was (re)established; for metrics and tests. */
  connects = 0;

  constructor(private readonly opts: NeedEventListenerOptions) {}

  /** The last log position handed to the hub. */
  get position(): number {
    return this.lastPosition;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  async start(): Promise<void> {
    this.lastPosition = await this.opts.store.head();
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      this.dropped.add(client);
      await client.end().catch(() => undefined);
    }
    await this.running?.catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.stopped) return;
    const client = new Client({
      ...this.opts.connection,
      application_name: LISTENER_APPLICATION_NAME,
    });
    client.on('error', (err) => this.drop(client, err));
    client.on('end', () => this.drop(client));
    client.on('notification', (msg) => {
      this.opts.hub.changed();
      // With nobody subscribed here, there is nothing to read: note how far the log got (the
      // payload is the transaction's last position) and skip the read. A subscriber that arrives
      // later replays the log itself from where it starts, so nothing is lost.
      const position = Number(msg.payload);
      if (this.opts.hub.size === 0 && !this.running && Number.isSafeInteger(position)) {
        this.lastPosition = Math.max(this.lastPosition, position);
        return;
      }
      void this.catchUp();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NEED_EVENT_CHANNEL}`);
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
    // Changes made while no connection listened were not announced.
    this.opts.hub.changed();
    this.backoffMs = MIN_BACKOFF_MS;
    if (this.connects > 1)
      this.opts.log.info(
        { position: this.lastPosition },
        'need event listener reconnected; catching up',
      );
    // Whatever was committed while we were not listening is in the log.
    await this.catchUp();
  }

  private drop(client: Client, err?: unknown): void {
    if (this.dropped.has(client)) return;
    this.dropped.add(client);
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.opts.log.warn(
      { err: err instanceof Error ? err.message : undefined, retryInMs: this.backoffMs },
      'need event listener lost its connection',
    );
    if (!this.reconnectTimer) {
      this.reconnectTimer = setTimeout(() => void this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  /** Reads and publishes everything after the last position; concurrent calls coalesce. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (;;) {
          const batch = await this.opts.store.after(this.lastPosition, EVENT_BATCH_SIZE);
          if (batch.length === 0) break;
          await this.opts.hub.publish(batch);
          this.lastPosition = batch[batch.length - 1].position;
          if (batch.length < EVENT_BATCH_SIZE) break;
        }
      } while (this.again && !this.stopped);
    })()
      .catch((err) => {
        if (this.stopped) return;
        this.opts.log.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'need event catch-up failed; retrying',
        );
        if (!this.retryTimer) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            void this.catchUp();
          }, 1000);
        }
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
