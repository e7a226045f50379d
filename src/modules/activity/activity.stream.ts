// One Subscription.activity subscriber's stream: the log stream (replay from `after`, then
// live, no gap or duplicate at the seam; src/events/log-stream.ts) over the activity log.
import { LogStream } from '../../events/log-stream';
import type { Viewer } from '../../graphql/viewer';
import type { ActivityFilterData } from './activity-filter';
import type { ActivityHub, VisibilityCheck } from './activity.hub';
import type { ActivityRecord, ActivityStore } from './activity.store';

export class ActivityStream extends LogStream<ActivityRecord> {
  constructor(
    hub: ActivityHub,
    store: ActivityStore,
    viewer: Viewer,
    filter: ActivityFilterData,
    check: VisibilityCheck,
    after: number,
  ) {
    super(
      {
        subscribe: (deliver) => hub.subscribe(viewer, filter, check, deliver),
        after: (position, limit) => store.after(position, limit),
        select: (batch) => hub.select(viewer, filter, check, batch),
      },
      after,
    );
  }
}
