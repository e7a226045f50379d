// One subscriber's view of the log: replay from a cursor, then live, with no gap and no
// duplicate at the seam. It subscribes to live events FIRST (buffering them), then replays the
// stored events after the cursor, then drains the buffer skipping everything the replay covered.
import type { Viewer } from '../graphql/viewer';
import type { NeedFilterData } from '../modules/needs/need-filter';
import type { NeedEventHub } from './need-event.hub';
import { EVENT_BATCH_SIZE, NeedEventRecord, NeedEventStore } from './need-event.store';

/** A subscriber this far behind is cut off rather than holding unbounded memory. */
const MAX_QUEUED = 10_000;

export class NeedEventStream implements AsyncIterableIterator<NeedEventRecord> {
  private readonly queue: NeedEventRecord[] = [];
  private readonly waiters: Array<{
    resolve: (r: IteratorResult<NeedEventRecord>) => void;
    reject: (e: unknown) => void;
  }> = [];
  private readonly seam: NeedEventRecord[] = [];
  private replaying: boolean;
  private lastPosition: number;
  private closed = false;
  private failure: unknown = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly hub: NeedEventHub,
    private readonly store: NeedEventStore,
    private readonly viewer: Viewer,
    private readonly filter: NeedFilterData,
    after: number,
  ) {
    this.unsubscribe = hub.subscribe(viewer, filter, (e) =>
      this.replaying ? this.seam.push(e) : this.live(e),
    );
    this.replaying = true;
    this.lastPosition = after;
    this.replay(after).catch((err) => this.fail(err));
  }

  private async replay(after: number): Promise<void> {
    let last = after;
    while (!this.closed) {
      const batch = await this.store.after(last, EVENT_BATCH_SIZE);
      if (batch.length === 0) break;
      const ids = await this.hub.matching(this.viewer, this.filter, [
        ...new Set(batch.map((e) => e.needId)),
      ]);
      for (const e of batch) if (ids.has(e.needId)) this.push(e);
      last = batch[batch.length - 1].position;
      // Everything up to here is decided by the replay, matching or not.
      this.lastPosition = Math.max(this.lastPosition, last);
      if (batch.length < EVENT_BATCH_SIZE) break;
    }
    this.replaying = false;
    for (const e of this.seam.splice(0)) this.live(e);
  }

  /** A live event: anything at or below the last position already decided is a duplicate. */
  private live(e: NeedEventRecord): void {
    if (e.position <= this.lastPosition) return;
    this.lastPosition = e.position;
    this.push(e);
  }

  private push(e: NeedEventRecord): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve({ value: e, done: false });
    else if (this.queue.push(e) > MAX_QUEUED)
      this.fail(new Error('The subscriber fell too far behind'));
  }

  private fail(err: unknown): void {
    if (this.closed) return;
    this.failure = err;
    for (const w of this.waiters.splice(0)) w.reject(err);
    this.close();
  }

  private close(): void {
    this.closed = true;
    this.unsubscribe();
  }

  next(): Promise<IteratorResult<NeedEventRecord>> {
    const value = this.queue.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.failure) {
      const err = this.failure;
      this.failure = null;
      return Promise.reject(err);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<NeedEventRecord>> {
    this.close();
    this.queue.length = 0;
    for (const w of this.waiters.splice(0)) w.resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<NeedEventRecord>> {
    void err;
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<NeedEventRecord> {
    return this;
  }
}
