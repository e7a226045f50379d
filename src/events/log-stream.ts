// One subscriber's view of an ordered log (need events, activities): replay from a cursor, then live, with no gap and no
// duplicate at the seam. It subscribes to live events FIRST (buffering them), then replays the
// stored events after the cursor, then drains the buffer skipping everything the replay covered.
// The replay reads a batch only when the reader has taken most of the previous one, so a long
// replay costs memory for about one batch, not for the whole history.
import { SubscriberTooSlowError } from '../graphql/errors';
import { LOG_BATCH_SIZE as EVENT_BATCH_SIZE } from './log-listener';

/** What a stream reads: the log itself, its live rows, and the subscriber's filter over a batch. */
export interface LogSource<E extends { position: number }> {
  /** Registers for live rows; returns the function that removes the registration. */
  subscribe(deliver: (e: E) => void): () => void;
  after(position: number, limit: number): Promise<E[]>;
  /** The rows of a batch (read from the log) this subscriber receives, in their order. */
  select(batch: E[]): Promise<E[]>;
}

/** A subscriber this far behind is cut off rather than holding unbounded memory. */
const MAX_QUEUED = 10_000;

export class LogStream<E extends { position: number }> implements AsyncIterableIterator<E> {
  private readonly queue: E[] = [];
  private readonly waiters: Array<{
    resolve: (r: IteratorResult<E>) => void;
    reject: (e: unknown) => void;
  }> = [];
  private readonly seam: E[] = [];
  private replaying: boolean;
  private lastPosition: number;
  private closed = false;
  private failure: unknown = null;
  private endAfterReplay = false;
  private room: (() => void) | null = null;
  private readonly unsubscribe: () => void;
  private markCaughtUp!: () => void;
  /**
   * Settles once the replay has handed out everything it read (or the stream ended first):
   * from then on the stream only follows live events.
   */
  readonly caughtUp = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(
    private readonly source: LogSource<E>,
    after: number,
  ) {
    this.unsubscribe = source.subscribe((e) => (this.replaying ? this.seam.push(e) : this.live(e)));
    this.replaying = true;
    this.lastPosition = after;
    this.replay(after).catch((err) => this.fail(err));
  }

  /**
   * Ends the stream where its replay ends: what it read from the log is still handed out, then
   * it is done. For a subscriber that joins a shared execution for everything after that.
   */
  endAtCaughtUp(): void {
    this.endAfterReplay = true;
    if (!this.replaying) this.close();
  }

  private async replay(after: number): Promise<void> {
    let last = after;
    while (!this.closed) {
      await this.roomForBatch();
      if (this.closed) break;
      const batch = await this.source.after(last, EVENT_BATCH_SIZE);
      if (batch.length === 0) break;
      for (const e of await this.source.select(batch)) this.push(e);
      last = batch[batch.length - 1].position;
      // Everything up to here is decided by the replay, matching or not.
      this.lastPosition = Math.max(this.lastPosition, last);
      if (batch.length < EVENT_BATCH_SIZE) break;
    }
    this.replaying = false;
    if (this.endAfterReplay) {
      // What arrived live meanwhile is the shared execution's to deliver.
      this.seam.length = 0;
      this.close();
    } else {
      for (const e of this.seam.splice(0)) this.live(e);
    }
    this.markCaughtUp();
  }

  /** Waits until the reader has taken most of what the replay handed out so far. */
  private roomForBatch(): Promise<void> {
    if (this.queue.length < EVENT_BATCH_SIZE / 2) return Promise.resolve();
    return new Promise((resolve) => (this.room = resolve));
  }

  /** A live event: anything at or below the last position already decided is a duplicate. */
  private live(e: E): void {
    if (e.position <= this.lastPosition) return;
    this.lastPosition = e.position;
    this.push(e);
  }

  private push(e: E): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve({ value: e, done: false });
    else if (this.queue.push(e) > MAX_QUEUED) {
      this.queue.length = 0;
      this.fail(new SubscriberTooSlowError(MAX_QUEUED));
    }
  }

  /** The reader gets what is queued, then the error (once). */
  private fail(err: unknown): void {
    if (this.closed) return;
    const waiting = this.waiters.splice(0);
    for (const w of waiting) w.reject(err);
    this.failure = waiting.length > 0 ? null : err;
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.room?.();
    this.markCaughtUp();
    // Readers waiting on an empty queue are done (a failure was handed to them already).
    if (this.queue.length === 0) {
      for (const w of this.waiters.splice(0)) w.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<E>> {
    const value = this.queue.shift();
    if (this.room && this.queue.length < EVENT_BATCH_SIZE / 2) {
      this.room();
      this.room = null;
    }
    if (value) return Promise.resolve({ value, done: false });
    if (this.failure) {
      const err = this.failure;
      this.failure = null;
      return Promise.reject(err);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<E>> {
    this.failure = null;
    this.queue.length = 0;
    this.close();
    for (const w of this.waiters.splice(0)) w.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<E>> {
    void err;
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<E> {
    return this;
  }
}
