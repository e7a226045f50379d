// Subscription.eventChanges: the EVENT_* activities of events that match an EventFilter, live
// and in log order (with `after`, first every missed one), each carrying the event's seats and
// waitlist in its subject. Built on the activity log's stream; the filter is checked per batch
// against the events as they are after the commit.
import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { createContext, HubContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { createLoaders } from '../../graphql/loaders';
import { visiblePositions } from '../activity/activity-access';
import type { ActivityFilterData } from '../activity/activity-filter';
import { ActivityType } from '../activity/activity-type';
import { ActivityRecord, decodeActivityCursor } from '../activity/activity.store';
import { ActivityStream } from '../activity/activity.stream';
import { ActivityObject } from '../activity/activity.type';
import { EventFilterInput } from './dto/event.input';
import { toEventFilterData } from './event.resolver';

const EVENT_TYPES = [
  ActivityType.EVENT_SCHEDULED,
  ActivityType.EVENT_REGISTRATION,
  ActivityType.EVENT_FULL,
  ActivityType.EVENT_CANCELLED,
];

let groupSeq = 0;

interface Args {
  filter?: EventFilterInput | null;
  after?: string | null;
}

async function subscribeEventChanges(
  ctx: HubContext,
  args: Args,
): Promise<AsyncIterable<ActivityRecord>> {
  const { activityStore, activityHub, events, regions } = ctx.services;
  // Changes of events that are already over are not news; a cancelled event's change is.
  const filter = { ...toEventFilterData(args.filter), includeCancelled: true };
  let regionPath = '/';
  if (filter.regionId != null) {
    const [region] = await regions.byIds([filter.regionId]);
    if (!region) throw new NotFoundError('Region', 'filter.regionId');
    regionPath = region.path;
  }
  // The activity hub groups subscribers by (rights, regionId, types) and checks a group once;
  // an event filter is more than that, so each subscription gets a group of its own.
  const activityFilter: ActivityFilterData = {
    regionId: -++groupSeq,
    regionPath,
    types: EVENT_TYPES,
  };
  let after: number;
  if (args.after != null) {
    after = decodeActivityCursor(args.after);
    await activityStore.assertResumable(after);
  } else {
    after = await activityStore.head();
  }
  const viewer = ctx.viewer;
  return new ActivityStream(
    activityHub,
    activityStore,
    viewer,
    activityFilter,
    async (records) => {
      const c = createContext(ctx.services, viewer);
      c.loaders = createLoaders(ctx.services, { primary: true });
      const visible = await visiblePositions(c, records);
      const matching = await events.matchingIds(
        viewer,
        { ...filter, from: filter.from ?? new Date(0) },
        records.map((r) => r.subjectId),
      );
      return new Set(
        records
          .filter((r) => visible.has(r.position) && matching.has(r.subjectId))
          .map((r) => r.position),
      );
    },
    after,
  );
}

/** Public: each change is checked against the caller's visibility and the filter. */
@Resolver(() => ActivityObject)
export class EventChangesResolver {
  @Subscription(() => ActivityObject, {
    name: 'eventChanges',
    description: 'Live changes of events that match the filter: seats, waitlist, cancellation.',
    subscribe: ({ context, args }) => subscribeEventChanges(context as HubContext, args as Args),
  })
  eventChanges(
    @Root() record: ActivityRecord,
    @Ctx() ctx: HubContext,
    @Arg('filter', () => EventFilterInput, {
      nullable: true,
      description: 'Which events; all visible ones when absent.',
    })
    _filter?: EventFilterInput | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last change received; replays everything after it first.',
    })
    _after?: string | null,
  ): ActivityRecord {
    ctx.loaders = createLoaders(ctx.services, { primary: true });
    return record;
  }
}
