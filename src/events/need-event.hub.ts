// The in-process pub/sub behind needEvents. The listener hands it batches of events in log
// order; it evaluates each distinct (filter, role) ONCE per batch and delivers to every
// subscriber of the group. Filters without text or distance are decided in memory on one read of
// the batch's needs (needFilterPredicate: the meaning of needFilterSql); the others run the same
// SQL as Query.needs, restricted to the batch's need ids.
import type { Viewer } from '../graphql/viewer';
import {
  isMemoryFilter,
  NeedFilterData,
  needFilterKey,
  needFilterPredicate,
} from '../modules/needs/need-filter';
import type { NeedService } from '../modules/needs/need.service';
import type { NeedEventRecord } from './need-event.store';

interface Subscriber {
  key: string;
  viewer: Viewer;
  filter: NeedFilterData;
  deliver: (event: NeedEventRecord) => void;
}

export class NeedEventHub {
  private readonly subscribers = new Set<Subscriber>();
  private chain: Promise<void> = Promise.resolve();
  /** Filter statements run so far (observability, and tests that check the grouping). */
  filterQueries = 0;
  /** Regions never move: their paths are cached for in-memory region filters. */
  private readonly regionPaths = new Map<number, string | null>();

  constructor(
    private readonly needs: NeedService,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  private readonly changeListeners = new Set<() => void>();

  /**
   * Calls fn whenever the log may have grown (a notification arrived, or the listener
   * reconnected after missing some): for caches that only need to know "something changed",
   * without reading the events.
   */
  onChange(fn: () => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  /** Called by the listener; see onChange. */
  changed(): void {
    for (const fn of this.changeListeners) fn();
  }

  /** Registers a live subscriber; returns the function that removes it. */
  subscribe(
    viewer: Viewer,
    filter: NeedFilterData,
    deliver: (event: NeedEventRecord) => void,
  ): () => void {
    const sub: Subscriber = { key: needFilterKey(viewer, filter), viewer, filter, deliver };
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  /** Delivers a batch after every earlier batch; resolves when it has been handed out. */
  publish(batch: NeedEventRecord[]): Promise<void> {
    const run = this.chain.then(() => this.dispatch(batch));
    this.chain = run.catch((err) => this.onError(err));
    return run;
  }

  /** Runs the filter of one group over some need ids (also used for a subscriber's replay). */
  async matching(viewer: Viewer, filter: NeedFilterData, needIds: number[]): Promise<Set<number>> {
    this.filterQueries++;
    return this.needs.matchingIds(viewer, filter, needIds);
  }

  private async dispatch(batch: NeedEventRecord[]): Promise<void> {
    // Snapshot after the batch was read: whoever subscribes later replays it from the log instead.
    if (batch.length === 0 || this.subscribers.size === 0) return;
    const groups = new Map<string, Subscriber[]>();
    for (const s of this.subscribers) {
      const list = groups.get(s.key);
      if (list) list.push(s);
      else groups.set(s.key, [s]);
    }
    const needIds = [...new Set(batch.map((e) => e.needId))];
    const inMemory = [...groups.values()].filter((subs) => isMemoryFilter(subs[0].filter));
    const facts = inMemory.length > 0 ? await this.needs.filterFacts(needIds) : [];
    await this.learnRegionPaths(inMemory.map((subs) => subs[0].filter.regionId));
    const matches = await Promise.all(
      [...groups.values()].map(async (subs) => {
        const { viewer, filter } = subs[0];
        if (!isMemoryFilter(filter))
          return { subs, ids: await this.matching(viewer, filter, needIds) };
        const regionPath =
          filter.regionId == null ? undefined : this.regionPaths.get(filter.regionId);
        const keep = needFilterPredicate(viewer, filter, regionPath);
        return { subs, ids: new Set(facts.filter(keep).map((f) => f.id)) };
      }),
    );
    for (const { subs, ids } of matches) {
      for (const event of batch) {
        if (!ids.has(event.needId)) continue;
        for (const s of subs) if (this.subscribers.has(s)) s.deliver(event);
      }
    }
  }

  private async learnRegionPaths(regionIds: Array<number | undefined>): Promise<void> {
    const missing = [
      ...new Set(regionIds.filter((id): id is number => id != null && !this.regionPaths.has(id))),
    ];
    if (missing.length === 0) return;
    const paths = await this.needs.regionPaths(missing);
    // A region that does not exist (yet) is not cached, so it is looked up again next time.
    for (const id of missing) if (paths.has(id)) this.regionPaths.set(id, paths.get(id) as string);
  }
}
