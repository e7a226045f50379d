// Every request has a time budget (HUB_REQUEST_TIMEOUT_MS). When it runs out, the statements it
// has running in PostgreSQL are cancelled (pg_cancel_backend on their backends), their
// connections are closed instead of going back to the pool, and every later statement of the
// request fails at once; the transport then answers with code TIMEOUT. The budget travels with
// the request's asynchronous work (AsyncLocalStorage), so services and loaders need no extra
// argument: Database asks for the budget of the work it runs in.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client, type Pool, type PoolClient } from 'pg';
import { RequestTimeoutError } from '../graphql/errors';

interface Busy {
  pool: Pool;
  client: PoolClient;
}

export class RequestBudget {
  private timer: NodeJS.Timeout | undefined;
  private readonly busy = new Set<Busy>();
  private state: 'running' | 'expired' | 'finished' = 'running';
  /** Resolves once the statements running at expiry were cancelled (tests, logs). */
  cancelled: Promise<void> = Promise.resolve();

  constructor(
    readonly timeoutMs: number,
    private readonly onExpired?: (cancelledStatements: number) => void,
  ) {
    this.timer = setTimeout(() => this.expire(), timeoutMs);
    this.timer.unref();
  }

  get expired(): boolean {
    return this.state === 'expired';
  }

  /** The work is done (answered): the budget no longer applies. */
  finish(): void {
    clearTimeout(this.timer);
    if (this.state === 'running') this.state = 'finished';
  }

  /** Throws the request's TIMEOUT when the budget ran out. */
  check(): void {
    if (this.state === 'expired') throw new RequestTimeoutError(this.timeoutMs);
  }

  /** Runs out now: cancels what runs in PostgreSQL for this request. */
  expire(): void {
    if (this.state !== 'running') return;
    this.state = 'expired';
    clearTimeout(this.timer);
    const running = [...this.busy];
    this.onExpired?.(running.length);
    this.cancelled = cancelBackends(running).catch(() => undefined);
  }

  /**
   * A pooled connection for `fn`, tracked so that expiry can cancel what it runs. After expiry
   * the connection is closed rather than returned: a cancel that reaches it late must never hit
   * the next request's statement.
   */
  async withClient<T>(
    pool: Pool,
    fn: (client: PoolClient, discard: () => void) => Promise<T>,
  ): Promise<T> {
    this.check();
    const client = await pool.connect();
    const entry: Busy = { pool, client };
    this.busy.add(entry);
    let discarded = false;
    try {
      this.check();
      return await fn(client, () => (discarded = true));
    } catch (e) {
      // As pg's pool.query does: a connection that failed other than with an SQL error is closed.
      if (!isSqlError(e)) discarded = true;
      if (this.expired) throw new RequestTimeoutError(this.timeoutMs);
      throw e;
    } finally {
      this.busy.delete(entry);
      // release(true) closes the connection (pg's release with an error).
      client.release(this.expired || discarded ? true : undefined);
    }
  }
}

/** An error PostgreSQL answered (SQLSTATE): the connection itself is fine. */
function isSqlError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * pg_cancel_backend for each running statement, sent over a connection of its own (the pool may
 * be exhausted by the very statements being cancelled), one per server (primary, replicas).
 */
async function cancelBackends(running: Busy[]): Promise<void> {
  const byPool = new Map<Pool, number[]>();
  for (const { pool, client } of running) {
    const pid = (client as unknown as { processID?: number }).processID;
    if (typeof pid === 'number') byPool.set(pool, [...(byPool.get(pool) ?? []), pid]);
  }
  await Promise.all(
    [...byPool].map(async ([pool, pids]) => {
      const { max: _max, ...options } = pool.options as unknown as Record<string, unknown>;
      const killer = new Client(options);
      killer.on('error', () => undefined);
      try {
        await killer.connect();
        await killer.query('SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
      } finally {
        await killer.end().catch(() => undefined);
      }
    }),
  );
}

/** The budget of the work running now; undefined outside a request (background jobs, start). */
export const requestBudgets = new AsyncLocalStorage<RequestBudget>();

/** Runs fn without any request's budget (long-lived work started from within a request). */
export function outsideRequestBudget<T>(fn: () => T): T {
  return requestBudgets.exit(fn);
}
