// The bookkeeping of /graphql/stream (sse-server.ts): single-connection reservations, and the
// flow control between graphql-sse's own queue and the connection.
import type { FastifyRequest } from 'fastify';
import type { ExecutionResult } from 'graphql';
import type { SharedResult } from './shared-subscriptions';

/** Reserved single-connection streams not opened yet, per instance. */
export const MAX_PENDING_RESERVATIONS = 1000;
/** A reservation not opened by then is dropped. */
export const RESERVATION_TTL_MS = 60_000;

/** Single-connection reservations: capped, and dropped when not opened in time. */
export class Reservations {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly drop: (token: string) => void) {}

  get full(): boolean {
    return this.pending.size >= MAX_PENDING_RESERVATIONS;
  }

  add(token: string): void {
    const timer = setTimeout(() => {
      this.pending.delete(token);
      this.drop(token);
    }, RESERVATION_TTL_MS);
    timer.unref();
    this.pending.set(token, timer);
  }

  opened(token: string): void {
    clearTimeout(this.pending.get(token));
    this.pending.delete(token);
  }

  clear(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}

/**
 * Flow control between graphql-sse and the connection. graphql-sse reads an operation's results
 * as they come into a queue of its own, without limit; the writer takes from it at the reader's
 * pace. A subscription may have only MAX_UNWRITTEN results in that queue: then it waits, and its
 * own bounded queue (subscription-member.ts) decides when a reader is too slow.
 */
export const MAX_UNWRITTEN = 16;

export class WriteWindow {
  private unwritten = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;

  async take(): Promise<void> {
    while (this.unwritten >= MAX_UNWRITTEN && !this.closed) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.unwritten++;
  }

  written(): void {
    if (this.unwritten > 0) this.unwritten--;
    if (this.unwritten < MAX_UNWRITTEN) for (const w of this.waiting.splice(0)) w();
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w();
  }
}

/** The write windows: one per distinct-connection request, one per single-connection token. */
export class WriteWindows {
  private readonly byRequest = new WeakMap<FastifyRequest, WriteWindow>();
  private readonly byToken = new Map<string, WriteWindow>();
  private readonly byContext = new WeakMap<object, WriteWindow>();

  of(req: FastifyRequest, token: string | null): WriteWindow {
    if (token) {
      let w = this.byToken.get(token);
      if (!w) this.byToken.set(token, (w = new WriteWindow()));
      return w;
    }
    let w = this.byRequest.get(req);
    if (!w) this.byRequest.set(req, (w = new WriteWindow()));
    return w;
  }

  /** The window an operation's results go through, found again by its context. */
  bind(context: object, window: WriteWindow): void {
    this.byContext.set(context, window);
  }

  forContext(context: unknown): WriteWindow | undefined {
    return typeof context === 'object' && context ? this.byContext.get(context) : undefined;
  }

  releaseToken(token: string): void {
    const window = this.byToken.get(token);
    if (window) this.release(token, window);
  }

  release(token: string | null, window: WriteWindow): void {
    window.close();
    if (token && this.byToken.get(token) === window) this.byToken.delete(token);
  }
}

/** The results of a subscription, pulled only while its window has room. */
export function throttled(result: SharedResult, window: WriteWindow | undefined): SharedResult {
  if (!window || !(Symbol.asyncIterator in result)) return result;
  const source = result;
  const wrapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      await window.take();
      return source.next();
    },
    return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
    throw: (e?: unknown) => source.throw?.(e) ?? Promise.resolve({ value: undefined, done: true }),
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}
