// The activity log: one ordered log of what happens in the network, written by every feature
// in the transaction of its change (services.activity.record), read as a feed
// (Query.activity), live (Subscription.activity) and pushed to partner systems (webhooks).
// It also owns the hub's one LISTEN connection (logListener), which other logs feed into.
import { defineModule, ServicesOf } from '../define-module';
import { createActivityServices } from './activity-services';
import { Activity } from './activity.entity';
import { ActivityResolver } from './activity.resolver';

export const activityModule = defineModule({
  name: 'activity',
  entities: [Activity],
  resolvers: [ActivityResolver],
  services: createActivityServices,
  jobs: ({ activityBackground }) => [activityBackground],
  tasks: ({ sweepActivities }) => ({
    'activity.sweep': async (_payload, { log }) => {
      const deleted = await sweepActivities();
      if (deleted) log.info({ deleted }, 'activity sweep');
    },
  }),
  // Retention, every ten minutes across all instances.
  schedules: [{ task: 'activity.sweep', pattern: '*/10 * * * *' }],
});

/** What the activity module adds to ctx.services, for the factories of modules after it. */
export type ActivityServices = ServicesOf<typeof activityModule>;
export { ActivityType } from './activity-type';
export type { ActivityInput } from './activity.writer';
