// Query.activity (newest first) and Subscription.activity (live, log order). Public: every
// caller sees the activities whose subject they may see (activity-access.ts).
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { HubContext, createContext } from '../../graphql/context';
import { parseGlobalId } from '../../graphql/global-id';
import { createLoaders } from '../../graphql/loaders';
import { Node, PageArgs } from '../../graphql/relay.types';
import type { Viewer } from '../../graphql/viewer';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { visiblePositions, visibleSubject } from './activity-access';
import { ActivityType } from './activity-type';
import type { VisibilityCheck } from './activity.hub';
import type { ActivityPage } from './activity.service';
import { ActivityRecord, decodeActivityCursor, encodeActivityCursor } from './activity.store';
import { ActivityStream } from './activity.stream';
import { ActivityConnection, ActivityObject } from './activity.type';

interface SubscribeArgs {
  regionId: string;
  types?: ActivityType[] | null;
  after?: string | null;
}

/** The visibility check of a viewer, on fresh loaders reading the primary (after the commit). */
function checkFor(ctx: HubContext, viewer: Viewer): VisibilityCheck {
  return (records) => {
    const c = createContext(ctx.services, viewer);
    c.loaders = createLoaders(ctx.services, { primary: true });
    return visiblePositions(c, records);
  };
}

/** Checks the arguments (unknown region, bad or expired cursor) before any activity is sent. */
export async function subscribeActivity(
  ctx: HubContext,
  args: SubscribeArgs,
): Promise<AsyncIterable<ActivityRecord>> {
  const { activityStore, activityHub, activity } = ctx.services;
  const filter = await activity.filter(
    parseGlobalId(args.regionId, 'Region', 'regionId'),
    args.types,
  );
  let after: number;
  if (args.after != null) {
    after = decodeActivityCursor(args.after);
    await activityStore.assertResumable(after);
  } else {
    // Start now: the head read BEFORE the stream registers, as needEvents does.
    after = await activityStore.head();
  }
  return new ActivityStream(
    activityHub,
    activityStore,
    ctx.viewer,
    filter,
    checkFor(ctx, ctx.viewer),
    after,
  );
}

/** Public: what a caller sees is decided per subject by the node() predicates. */
@Resolver(() => ActivityObject)
export class ActivityResolver {
  @Query(() => ActivityConnection, {
    name: 'activity',
    description: 'What happened in a region and below it, newest first, as the caller may see it.',
  })
  async activityFeed(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID, { description: 'The region; everything below it is included.' })
    regionId: string,
    @Arg('types', () => [ActivityType], {
      nullable: true,
      description: 'Only activities of these types (all when absent or empty).',
    })
    types: ActivityType[] | null | undefined,
    @Args() page: PageArgs,
  ): Promise<ActivityPage> {
    const filter = await ctx.services.activity.filter(
      parseGlobalId(regionId, 'Region', 'regionId'),
      types,
    );
    return ctx.services.activity.list(ctx.viewer, filter, page, (records) =>
      visiblePositions(ctx, records),
    );
  }

  @Subscription(() => ActivityObject, {
    name: 'activity',
    description:
      'Live activities of a region and below, in log order; with `after`, first every missed one.',
    subscribe: ({ context, args }) =>
      subscribeActivity(context as HubContext, args as SubscribeArgs),
  })
  activityLive(
    @Root() record: ActivityRecord,
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID, { description: 'The region; everything below it is included.' })
    _regionId: string,
    @Arg('types', () => [ActivityType], {
      nullable: true,
      description: 'Only activities of these types (all when absent or empty).',
    })
    _types?: ActivityType[] | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Cursor of the last activity received; replays everything after it first. Without it, only new ones.',
    })
    _after?: string | null,
  ): ActivityRecord {
    // One context per subscription: each activity resolves with fresh loaders on the primary.
    ctx.loaders = createLoaders(ctx.services, { primary: true });
    return record;
  }

  @FieldResolver(() => String, { description: 'Opaque position; pass it as `after` to resume.' })
  cursor(@Root() r: ActivityRecord): string {
    return encodeActivityCursor(r.position);
  }

  @FieldResolver(() => RegionType, { description: 'The region it happened in.' })
  async region(@Root() r: ActivityRecord, @Ctx() ctx: HubContext): Promise<Region> {
    return (await ctx.loaders.regions.byId.load(r.regionId)) as Region;
  }

  @FieldResolver(() => Node, { description: 'The record it is about, as the caller may see it.' })
  subject(@Root() r: ActivityRecord, @Ctx() ctx: HubContext): Promise<object | null> {
    return visibleSubject(ctx, r);
  }
}
