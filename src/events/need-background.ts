// The need-event log as the hub's one LISTEN connection reads it (src/events/log-listener.ts,
// owned by the activity module). The sweep is a scheduled job: needs.sweep.
import type { LogFeed } from './log-listener';
import type { NeedEventHub } from './need-event.hub';
import { NeedEventRecord, NeedEventStore } from './need-event.store';
import { NEED_EVENT_CHANNEL } from './need-event.writer';

export function needEventFeed(store: NeedEventStore, hub: NeedEventHub): LogFeed<NeedEventRecord> {
  return {
    channel: NEED_EVENT_CHANNEL,
    name: 'need event',
    head: () => store.head(),
    after: (position, limit) => store.after(position, limit),
    publish: (batch) => hub.publish(batch),
    changed: () => hub.changed(),
    get size() {
      return hub.size;
    },
  };
}
