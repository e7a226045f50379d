// One needEvents subscriber's stream: the log stream (replay, then live, no gap or duplicate at
// the seam; see log-stream.ts) over the need-event log, filtered like Query.needs.
import type { Viewer } from '../graphql/viewer';
import type { NeedFilterData } from '../modules/needs/need-filter';
import { LogStream } from './log-stream';
import type { NeedEventHub } from './need-event.hub';
import type { NeedEventRecord, NeedEventStore } from './need-event.store';

export class NeedEventStream extends LogStream<NeedEventRecord> {
  constructor(
    hub: NeedEventHub,
    store: NeedEventStore,
    viewer: Viewer,
    filter: NeedFilterData,
    after: number,
  ) {
    super(
      {
        subscribe: (deliver) => hub.subscribe(viewer, filter, deliver),
        after: (position, limit) => store.after(position, limit),
        select: async (batch) => {
          const ids = await hub.matching(viewer, filter, [...new Set(batch.map((e) => e.needId))]);
          return batch.filter((e) => ids.has(e.needId));
        },
      },
      after,
    );
  }
}
