// The activity log: one ordered log of what happens in the network, written by every feature
// in the transaction of its change (services.activity.record), read as a feed
// (Query.activity), live (Subscription.activity) and pushed to partner systems (webhooks).
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { Activity } from './activity.entity';
import { ActivityService } from './activity.service';

export const activityModule = defineModule({
  name: 'activity',
  entities: [Activity],
  services: ({ db }: HubInfra) => ({
    activity: new ActivityService(db),
  }),
});

/** What the activity module adds to ctx.services, for the factories of modules after it. */
export type ActivityServices = ServicesOf<typeof activityModule>;
export { ActivityType } from './activity-type';
export type { ActivityInput } from './activity.writer';
