import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { GeoPoint, geoPoint, PageArgs } from '../../graphql/relay.types';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { ContactPoint } from '../contact-points/contact-point.entity';
import { ContactPointType } from '../contact-points/contact-point.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { canSeeVisibility } from '../shared/visibility';
import { CreateEventInput, EventFilterInput, UpdateEventInput } from './dto/event.input';
import { mayReadRegistrations } from './event-access';
import { EventRegistration } from './event-registration.entity';
import { HubEvent } from './event.entity';
import type { EventFilterData } from './event.service';
import { EventConnection, EventRegistrationType, EventType, TopicProposalType } from './event.type';
import { TopicProposal } from './topic-proposal.entity';

@ArgsType()
export class EventListArgs extends PageArgs {
  @Field(() => EventFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: EventFilterInput | null;
}

export function toEventFilterData(f: EventFilterInput | null | undefined): EventFilterData {
  return {
    regionId: parseOptionalGlobalId(f?.regionId, 'Region', 'filter.regionId'),
    kinds: f?.kinds ?? undefined,
    topics: f?.topics ?? undefined,
    organizerId: parseOptionalGlobalId(f?.organizerId, 'Actor', 'filter.organizerId'),
    from: f?.from ?? undefined,
    until: f?.until ?? undefined,
    text: f?.text ?? undefined,
    includeCancelled: f?.includeCancelled ?? false,
  };
}

/** Events are readable by anyone (NETWORK ones by partners); changes by the organizer's editors. */
@Resolver(() => EventType)
export class EventResolver {
  @Query(() => EventConnection, {
    description:
      'Events (Veranstaltungen) in start order, visibility-filtered; upcoming by default.',
  })
  events(@Ctx() ctx: HubContext, @Args() args: EventListArgs): Promise<Connection<HubEvent>> {
    return ctx.services.events.list(ctx.viewer, toEventFilterData(args.filter), args);
  }

  @Authorized()
  @Mutation(() => EventType, {
    description: 'With recurrence, the first occurrence; the others share its seriesId.',
  })
  async createEvent(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new event.' }) input: CreateEventInput,
  ): Promise<HubEvent> {
    const [first] = await ctx.services.events.create(ctx.viewer, {
      ...input,
      organizerId: parseGlobalId(input.organizerId, 'Actor', 'organizerId'),
      regionId: parseOptionalGlobalId(input.regionId, 'Region', 'regionId'),
      contactPointId: parseOptionalGlobalId(input.contactPointId, 'ContactPoint', 'contactPointId'),
    });
    return first;
  }

  @Authorized()
  @Mutation(() => EventType, { description: 'Changes the given fields of an event.' })
  updateEvent(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the event.' }) id: string,
    @Arg('input', { description: 'Only the fields to change.' }) input: UpdateEventInput,
  ): Promise<HubEvent> {
    return ctx.services.events.update(ctx.viewer, parseGlobalId(id, 'Event'), {
      ...input,
      contactPointId:
        input.contactPointId === undefined
          ? undefined
          : (parseOptionalGlobalId(input.contactPointId, 'ContactPoint', 'contactPointId') ?? null),
    });
  }

  @Authorized()
  @Mutation(() => EventType, { description: 'Cancels an event; everyone registered is told.' })
  cancelEvent(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the event.' }) id: string,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'Why, in German; shown to registrants.',
    })
    reason?: string | null,
  ): Promise<HubEvent> {
    return ctx.services.events.cancel(ctx.viewer, parseGlobalId(id, 'Event'), reason);
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this event.' })
  id(@Root() e: HubEvent): string {
    return toGlobalId('Event', e.id);
  }

  @FieldResolver(() => ActorInterface, { description: 'The organizing actor.' })
  organizer(@Root() e: HubEvent, @Ctx() ctx: HubContext): Promise<Actor | null> {
    return ctx.loaders.actors.byId.load(e.organizerId);
  }

  @FieldResolver(() => RegionType, { description: 'Where it takes place.' })
  region(@Root() e: HubEvent, @Ctx() ctx: HubContext): Promise<Region | null> {
    return ctx.loaders.regions.byId.load(e.regionId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where on the map, where known.' })
  location(@Root() e: HubEvent): GeoPoint | null {
    return geoPoint(e.latitude, e.longitude);
  }

  @FieldResolver(() => ContactPointType, {
    nullable: true,
    description: 'The contact point it takes place at, where visible.',
  })
  async contactPoint(@Root() e: HubEvent, @Ctx() ctx: HubContext): Promise<ContactPoint | null> {
    if (e.contactPointId == null) return null;
    const cp = await ctx.loaders.contactPoints.byId.load(e.contactPointId);
    return cp && canSeeVisibility(ctx.viewer, cp.visibility) ? cp : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'null when there is no limit.' })
  remainingSeats(@Root() e: HubEvent): number | null {
    return e.capacity == null ? null : Math.max(0, e.capacity - e.registeredSeats);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'Occurrences of one recurring series (e.g. the monthly Stammtisch) share this id.',
  })
  seriesId(@Root() e: HubEvent): string | null {
    return e.seriesId == null ? null : toGlobalId('Event', e.seriesId);
  }

  @FieldResolver(() => [EventRegistrationType], {
    description: "For the organizer's editors and coordinators of the region; others get [].",
  })
  async registrations(@Root() e: HubEvent, @Ctx() ctx: HubContext): Promise<EventRegistration[]> {
    if (!(await mayReadRegistrations(ctx, e))) return [];
    return ctx.loaders.events.registrationsByEvent.load(e.id);
  }

  @FieldResolver(() => [TopicProposalType], {
    description:
      'Topics proposed for this event, most votes first (the changing questions of a Stammtisch).',
  })
  topicProposals(@Root() e: HubEvent, @Ctx() ctx: HubContext): Promise<TopicProposal[]> {
    return ctx.loaders.events.topicsByEvent.load(e.id);
  }

  @FieldResolver(() => String, {
    description: 'Absolute URL of an iCalendar (RFC 5545) feed of the event.',
  })
  icalUrl(@Root() e: HubEvent, @Ctx() ctx: HubContext): string {
    return ctx.services.links.absoluteUrl(`/ical/events/${toGlobalId('Event', e.id)}.ics`);
  }
}
