// Which sessions are still valid, without a database round trip per request: each instance keeps
// the current session generation of the accounts it has seen. A session token carries the
// generation it was issued under; signOut (or disabling) increments it in the database and sends
// a NOTIFY in the same transaction, so every instance learns it when it commits. The first
// request of an account in a process reads its generation once (concurrent ones share the read);
// after a dropped LISTEN connection every known generation is read again, so nothing announced
// while nobody listened is missed.
import { Client, ClientConfig } from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import { SESSIONS_APPLICATION_NAME } from '../../db/statement-counter';
import type { SessionGuard } from '../../graphql/auth';
import { DomainError, UnauthenticatedError } from '../../graphql/errors';
import type { Viewer } from '../../graphql/viewer';

export const ACCOUNT_SESSIONS_CHANNEL = 'account_sessions';
const MAX_CACHED = 100_000;
const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5000;

type Listener = (ended: (viewer: Viewer) => boolean) => void;

export class SessionGenerations implements SessionGuard {
  private readonly generations = new Map<number, number>();
  private readonly lookups = new Map<number, Promise<number | undefined>>();
  private readonly listeners = new Set<Listener>();
  private client: Client | null = null;
  private stopped = false;
  private backoffMs = MIN_BACKOFF_MS;
  private timer: NodeJS.Timeout | null = null;
  /** How often the LISTEN connection was (re)established; for tests. */
  connects = 0;

  constructor(
    private readonly db: Database,
    private readonly connection: ClientConfig,
  ) {}

  async check(viewer: Viewer): Promise<void> {
    if (viewer.accountId === undefined) return;
    const current = this.generations.get(viewer.accountId) ?? (await this.lookUp(viewer.accountId));
    if (current === undefined || current !== viewer.sessionGeneration) {
      throw new UnauthenticatedError('This session has ended: sign in again');
    }
  }

  onRevoked(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A generation learnt from this instance's commit or from a NOTIFY; never goes back. */
  learn(accountId: number, generation: number): void {
    const known = this.generations.get(accountId);
    if (known !== undefined && known >= generation) return;
    this.remember(accountId, generation);
    const ended = (v: Viewer) =>
      v.accountId === accountId && (v.sessionGeneration ?? 0) < generation;
    for (const l of this.listeners) l(ended);
  }

  private remember(accountId: number, generation: number): void {
    if (!this.generations.has(accountId) && this.generations.size >= MAX_CACHED) {
      this.generations.delete(this.generations.keys().next().value as number);
    }
    this.generations.set(accountId, generation);
  }

  private lookUp(accountId: number): Promise<number | undefined> {
    let lookup = this.lookups.get(accountId);
    if (!lookup) {
      lookup = this.read([accountId])
        .then((found) => {
          const g = found.get(accountId);
          // A NOTIFY that arrived meanwhile may know a newer one.
          if (g !== undefined && !this.generations.has(accountId)) this.remember(accountId, g);
          return this.generations.get(accountId);
        })
        .finally(() => this.lookups.delete(accountId));
      this.lookups.set(accountId, lookup);
    }
    return lookup;
  }

  private async read(ids: number[]): Promise<Map<number, number>> {
    try {
      const rows = await this.db.query<{ id: number; session_generation: number }>(
        'SELECT id, session_generation FROM account WHERE id = ANY($1)',
        [ids],
      );
      return new Map(rows.map((r) => [r.id, r.session_generation]));
    } catch {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        'The database is not reachable right now; try again shortly',
      );
    }
  }

  async start(log: Logger): Promise<void> {
    this.stopped = false;
    await this.connect(this.connection, log);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async connect(connection: ClientConfig, log: Logger): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ ...connection, application_name: SESSIONS_APPLICATION_NAME });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      log.warn({ retryInMs: this.backoffMs }, 'session listener lost its connection');
      this.timer = setTimeout(() => void this.connect(connection, log), this.backoffMs);
      this.timer.unref();
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (msg) => {
      const m = /^(\d+):(\d+)$/.exec(msg.payload ?? '');
      if (m) this.learn(Number(m[1]), Number(m[2]));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCOUNT_SESSIONS_CHANNEL}`);
    } catch {
      drop();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.connects++;
    this.backoffMs = MIN_BACKOFF_MS;
    // What was announced while nobody listened: read every known generation again.
    const known = [...this.generations.keys()];
    if (known.length > 0) {
      const found = await this.read(known).catch(() => new Map<number, number>());
      for (const [id, g] of found) this.learn(id, g);
    }
  }
}
