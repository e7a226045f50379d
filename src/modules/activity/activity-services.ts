// The process-wide services of the activity log, and the hub's one LISTEN connection: the
// listener reads every log the hub keeps (this one, and the need events, whose module adds its
// feed while the services are built). Its background job starts the listener; the retention
// sweep is the scheduled job activity.sweep.
import { LogFeed, LogListener, primaryConnection } from '../../events/log-listener';
import type { BackgroundJob, HubInfra } from '../define-module';
import { ActivityHub } from './activity.hub';
import { ActivityService } from './activity.service';
import { ActivityRecord, ActivityStore } from './activity.store';
import { ACTIVITY_CHANNEL } from './activity.writer';

/** Lets one instance at a time sweep the log; the others skip. */
export const ACTIVITY_SWEEP_LOCK_KEY = 7_314_103;

export interface ActivityModuleServices {
  activity: ActivityService;
  activityStore: ActivityStore;
  activityHub: ActivityHub;
  /** The hub's one LISTEN connection; modules with a log of their own add a feed to it. */
  logListener: LogListener;
  /** Starts the listener (every log's feed). */
  activityBackground: BackgroundJob;
  /** Deletes activities past the retention window, in one instance at a time; returns how many. */
  sweepActivities(): Promise<number>;
}

export function activityFeed(store: ActivityStore, hub: ActivityHub): LogFeed<ActivityRecord> {
  return {
    channel: ACTIVITY_CHANNEL,
    name: 'activity',
    head: () => store.head(),
    after: (position, limit) => store.after(position, limit),
    publish: (batch) => hub.publish(batch),
    changed: () => hub.changed(),
    get size() {
      return hub.size;
    },
  };
}

export function createActivityServices({ config, db }: HubInfra): ActivityModuleServices {
  const logListener = new LogListener(primaryConnection(db.primary));
  const activityStore = new ActivityStore(db, config.activityRetentionDays);
  const activityHub = new ActivityHub((err) =>
    logListener.logger?.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'activity dispatch failed',
    ),
  );
  logListener.addFeed(activityFeed(activityStore, activityHub));
  const sweepActivities = () =>
    db.transaction(async (tx) => {
      const [{ locked }] = await tx.rows<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [ACTIVITY_SWEEP_LOCK_KEY],
      );
      return locked ? activityStore.sweepRetention(tx) : 0;
    });
  return {
    activity: new ActivityService(db),
    activityStore,
    activityHub,
    logListener,
    sweepActivities,
    activityBackground: {
      name: 'log listener',
      async start(log) {
        await logListener.start(log);
        return { stop: () => logListener.stop() };
      },
    },
  };
}
