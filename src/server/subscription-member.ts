// One subscriber of a shared execution: its own bounded queue of results, read at its own pace.
// A member that does not keep up is dropped (its queue is replaced by one last result that says
// why) instead of holding memory for the whole group. A member that resumes from a cursor first
// catches up on its own replay while the group's results wait in a bounded hold, then follows
// the group; positions (the events' log positions) keep the seam free of gaps and duplicates.
import { ExecutionResult, GraphQLError } from 'graphql';
import { SubscriberTooSlowError } from '../graphql/errors';

type Result = ExecutionResult;

const ENDING = Symbol('ends the subscription');

/** A last result that ends a subscription for a reason the client should know. */
export type EndingResult = Result & { [ENDING]: Error };

/** The result that ends a subscription because of `error` (mapped to its code by the transport). */
export function endingResult(error: Error): EndingResult {
  return { errors: [new GraphQLError(error.message, { originalError: error })], [ENDING]: error };
}

/** The error an ending result carries; undefined for an ordinary result. */
export function endingErrorOf(result: Result): Error | undefined {
  return (result as Partial<EndingResult>)[ENDING];
}

export interface MemberLimits {
  /** Results a member may have waiting (or held while it catches up) before it is dropped. */
  maxQueued: number;
  /** How long a catching-up member may take nothing before it is dropped. */
  replayStallMs: number;
}

export class Member implements AsyncIterableIterator<Result> {
  private readonly queue: Result[] = [];
  private readonly waiters: Array<(r: IteratorResult<Result>) => void> = [];
  private room: (() => void) | null = null;
  /** Group results that arrive while the member catches up on its replay. */
  private held: Array<{ position: number | null; result: Result }> | null = null;
  private lastPosition = Number.NEGATIVE_INFINITY;
  private done = false;
  private left = false;
  private readonly leaveHooks: Array<() => void> = [];

  constructor(
    private readonly limits: MemberLimits,
    leave: (m: Member) => void,
  ) {
    this.leaveHooks.push(() => leave(this));
  }

  /** Whether the member still takes results. */
  get active(): boolean {
    return !this.done;
  }

  /** Runs fn when the member leaves its group (read to the end, returned, or dropped). */
  onLeave(fn: () => void): void {
    if (this.left) fn();
    else this.leaveHooks.push(fn);
  }

  private leave(): void {
    if (this.left) return;
    this.left = true;
    for (const fn of this.leaveHooks.splice(0)) fn();
  }

  /** A result of the group's execution for the event at `position`. */
  offer(position: number | null, result: Result): void {
    if (this.done) return;
    if (this.held) {
      if (this.held.length >= this.limits.maxQueued) return this.drop(this.tooSlow());
      this.held.push({ position, result });
      return;
    }
    if (position !== null) {
      if (position <= this.lastPosition) return; // the replay delivered it already
      this.lastPosition = position;
    }
    this.enqueue(result);
  }

  private enqueue(result: Result): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter({ value: result, done: false });
    else if (this.queue.length >= this.limits.maxQueued) this.drop(this.tooSlow());
    else this.queue.push(result);
  }

  private tooSlow(): EndingResult {
    return endingResult(new SubscriberTooSlowError(this.limits.maxQueued));
  }

  /** From now on the group's results are held until caughtUp(). */
  startCatchUp(): void {
    this.held ??= [];
  }

  /**
   * A result of the member's own replay. Waits while the queue is full; a reader that takes
   * nothing for replayStallMs is dropped. Resolves false when the member no longer takes any.
   */
  async replayed(position: number | null, result: Result): Promise<boolean> {
    while (!this.done && this.queue.length >= this.limits.maxQueued) {
      if (!(await this.roomWithin(this.limits.replayStallMs))) this.drop(this.tooSlow());
    }
    if (this.done) return false;
    if (position !== null) this.lastPosition = Math.max(this.lastPosition, position);
    this.enqueue(result);
    return !this.done;
  }

  private roomWithin(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.room = null;
        resolve(false);
      }, ms);
      this.room = () => {
        clearTimeout(timer);
        this.room = null;
        resolve(true);
      };
    });
  }

  /** The replay is done: the held results it did not cover follow, then the group's. */
  caughtUp(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const { position, result } of held) this.offer(position, result);
  }

  /** Ends the subscription with a last result saying why; what was queued is dropped. */
  drop(ending: EndingResult): void {
    if (this.done) return;
    this.queue.length = 0;
    this.finish(ending);
  }

  /** The group failed: what is queued is still read, then the ending result. */
  fail(ending: EndingResult): void {
    if (!this.done) this.finish(ending);
  }

  /** The group ended: what is queued is still read, then the member is done. */
  end(): void {
    if (!this.done) this.finish(null);
  }

  private finish(ending: EndingResult | null): void {
    this.done = true;
    this.held = null;
    if (ending) {
      const waiter = this.waiters.shift();
      if (waiter) waiter({ value: ending, done: false });
      else this.queue.push(ending);
    }
    this.wakeAll();
    this.leave();
  }

  private wakeAll(): void {
    this.room?.();
    if (this.queue.length === 0) {
      for (const w of this.waiters.splice(0)) w({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<Result>> {
    const value = this.queue.shift();
    this.room?.();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<Result>> {
    this.done = true;
    this.held = null;
    this.queue.length = 0;
    this.wakeAll();
    for (const w of this.waiters.splice(0)) w({ value: undefined, done: true });
    this.leave();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<Result>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Result> {
    return this;
  }
}

/** Node's timers reach 24.8 days at most: a later moment is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls fn at the wall-clock moment `at` (epoch ms); returns the function that cancels it. */
export function scheduleAt(at: number, fn: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const wait = at - Date.now();
    if (wait <= 0) return fn();
    timer = setTimeout(wait > MAX_TIMER_MS ? arm : fn, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
