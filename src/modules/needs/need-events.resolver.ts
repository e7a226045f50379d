// needEvents: every stored event after `after` that matches the filter, then live events, in
// log order. Served over graphql-ws and graphql-sse; each event resolves with fresh loaders.
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { NeedEventType } from '../../events/need-event.entity';
import {
  decodeEventCursor,
  encodeEventCursor,
  NeedEventRecord,
} from '../../events/need-event.store';
import { NeedEventStream } from '../../events/need-event.stream';
import { HubContext } from '../../graphql/context';
import { SkipEventError } from '../../graphql/errors';
import { createLoaders } from '../../graphql/loaders';
import { NeedFilterInput, toNeedFilterData } from './dto/need-filter.input';
import { needFilterSql } from './need-filter';
import { visibleNeed } from './need-access';
import { Need } from './need.entity';
import { NeedType } from './need.type';

registerEnumType(NeedEventType, {
  name: 'NeedEventType',
  description: 'What happened to a need.',
  valuesConfig: {
    OPENED: { description: 'The need was published.' },
    UPDATED: { description: 'Its fields were changed, or a pledge was confirmed.' },
    PLEDGED: { description: 'Someone pledged part of it.' },
    PLEDGE_WITHDRAWN: { description: 'A pledge was withdrawn or declined.' },
    FILLED: { description: 'It became fully pledged.' },
    REOPENED: { description: 'It is missing something again after it was filled.' },
    CLOSED: { description: 'Its editors closed it.' },
    EXPIRED: { description: 'Its deadline or end passed while it was open.' },
  },
});

@ObjectType('NeedEvent', { description: 'A change of a need, as the live feed delivers it.' })
export class NeedEventObject {
  @Field(() => NeedEventType, { description: 'What happened to the need.' })
  type: NeedEventType;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt: Date;
}

interface NeedEventsArgs {
  filter?: NeedFilterInput | null;
  after?: string | null;
}

/** Checks the arguments (a bad filter or an expired cursor fails here, before any event). */
export async function subscribeNeedEvents(
  ctx: HubContext,
  args: NeedEventsArgs,
): Promise<AsyncIterable<NeedEventRecord>> {
  const filter = toNeedFilterData(args.filter);
  needFilterSql(ctx.viewer, filter, []);
  let after: number;
  if (args.after != null) {
    after = decodeEventCursor(args.after);
    await ctx.services.needEvents.assertResumable(after);
  } else {
    // Without a cursor the subscription starts now: at the log's head, read BEFORE the stream
    // registers, so a change committed in between is replayed rather than lost, and one the
    // listener had not dispatched yet is not delivered as if it were new.
    after = await ctx.services.needEvents.head();
  }
  return new NeedEventStream(
    ctx.services.needEventHub,
    ctx.services.needEvents,
    ctx.viewer,
    filter,
    after,
  );
}

/** Public: PUBLIC viewers get PUBLIC needs only (the filter carries the viewer's visibility). */
@Resolver(() => NeedEventObject)
export class NeedEventsResolver {
  @Subscription(() => NeedEventObject, {
    description:
      'Live changes of needs that match the filter, in log order; with `after`, first every missed event since that cursor.',
    subscribe: ({ context, args }) =>
      subscribeNeedEvents(context as HubContext, args as NeedEventsArgs),
  })
  needEvents(
    @Root() event: NeedEventRecord,
    @Ctx() ctx: HubContext,
    @Arg('filter', () => NeedFilterInput, {
      nullable: true,
      description: 'Only events of needs that match, with the same meaning as in Query.needs.',
    })
    _filter?: NeedFilterInput | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Cursor of the last event received; replays everything after it first. Without it, only new events.',
    })
    _after?: string | null,
  ): Promise<NeedEventRecord> {
    // graphql-ws keeps one context per subscription: each event sees the state after its change,
    // read from the primary (a replica may not have the change yet).
    ctx.loaders = createLoaders(ctx.services, { primary: true });
    return this.visibleEvent(event, ctx);
  }

  /**
   * The filter matched the need as it was when the event was dispatched; by now it may have
   * become invisible to this subscriber (turned NETWORK in between). Then the event is skipped
   * for it, never answered with an error. The check loads the need through the event's loaders,
   * so `need { ... }` below reads the same row without another statement.
   */
  private async visibleEvent(event: NeedEventRecord, ctx: HubContext): Promise<NeedEventRecord> {
    if (!(await visibleNeed(ctx, event.needId))) throw new SkipEventError();
    return event;
  }

  @FieldResolver(() => String, {
    description: "Opaque position in the hub's ordered event log; pass it as `after` to resume.",
  })
  cursor(@Root() event: NeedEventRecord): string {
    return encodeEventCursor(event.position);
  }

  @FieldResolver(() => NeedType, { description: 'The need as it is now, after the change.' })
  need(@Root() event: NeedEventRecord, @Ctx() ctx: HubContext): Promise<Need | null> {
    return visibleNeed(ctx, event.needId);
  }
}
