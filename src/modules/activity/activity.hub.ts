// The in-process pub/sub behind Subscription.activity. The listener hands it batches of the
// log in order; each distinct (rights, filter) group is decided ONCE per batch (the in-memory
// filter, then one visibility check of the subjects through the loaders) and the result goes
// to every subscriber of the group.
import type { Viewer } from '../../graphql/viewer';
import { ActivityFilterData, activityFilterKey, activityPredicate } from './activity-filter';
import type { ActivityRecord } from './activity.store';

/** Decides which records of a batch the subscriber's viewer may see (activity-access.ts). */
export type VisibilityCheck = (records: ActivityRecord[]) => Promise<Set<number>>;

interface Subscriber {
  key: string;
  viewer: Viewer;
  filter: ActivityFilterData;
  check: VisibilityCheck;
  deliver: (r: ActivityRecord) => void;
}

export class ActivityHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly changeListeners = new Set<() => void>();
  private chain: Promise<void> = Promise.resolve();
  /** Visibility checks run so far (tests check the grouping with it). */
  checks = 0;
  /** Every published batch, for in-process consumers such as webhook wake-ups. */
  private readonly batchListeners = new Set<(batch: ActivityRecord[]) => void>();

  constructor(private readonly onError: (err: unknown) => void = () => undefined) {}

  get size(): number {
    return this.subscribers.size + this.batchListeners.size;
  }

  onChange(fn: () => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  changed(): void {
    for (const fn of this.changeListeners) fn();
  }

  /** Calls fn with every batch the listener publishes (after commit, in log order). */
  onBatch(fn: (batch: ActivityRecord[]) => void): () => void {
    this.batchListeners.add(fn);
    return () => this.batchListeners.delete(fn);
  }

  subscribe(
    viewer: Viewer,
    filter: ActivityFilterData,
    check: VisibilityCheck,
    deliver: (r: ActivityRecord) => void,
  ): () => void {
    const sub: Subscriber = {
      key: activityFilterKey(viewer, filter),
      viewer,
      filter,
      check,
      deliver,
    };
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  /** The records of a batch one subscriber receives (also a replay's selection). */
  async select(
    viewer: Viewer,
    filter: ActivityFilterData,
    check: VisibilityCheck,
    batch: ActivityRecord[],
  ): Promise<ActivityRecord[]> {
    const candidates = batch.filter(activityPredicate(viewer, filter));
    if (candidates.length === 0) return [];
    this.checks++;
    const visible = await check(candidates);
    return candidates.filter((r) => visible.has(r.position));
  }

  publish(batch: ActivityRecord[]): Promise<void> {
    const run = this.chain.then(() => this.dispatch(batch));
    this.chain = run.catch((err) => this.onError(err));
    return run;
  }

  private async dispatch(batch: ActivityRecord[]): Promise<void> {
    if (batch.length === 0) return;
    for (const fn of this.batchListeners) fn(batch);
    if (this.subscribers.size === 0) return;
    const groups = new Map<string, Subscriber[]>();
    for (const s of this.subscribers) {
      const list = groups.get(s.key);
      if (list) list.push(s);
      else groups.set(s.key, [s]);
    }
    const results = await Promise.all(
      [...groups.values()].map(async (subs) => {
        const { viewer, filter, check } = subs[0];
        return { subs, records: await this.select(viewer, filter, check, batch) };
      }),
    );
    for (const { subs, records } of results) {
      for (const r of records) for (const s of subs) if (this.subscribers.has(s)) s.deliver(r);
    }
  }
}
