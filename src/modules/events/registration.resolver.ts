import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { RateLimiter, registrationRules } from '../../server/rate-limit';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { ProposeTopicInput, RegisterForEventInput } from './dto/event.input';
import { eventAccessTarget, visibleEvent } from './event-access';
import { EventRegistration } from './event-registration.entity';
import { HubEvent } from './event.entity';
import { canSeeRegistrations } from './event.permissions';
import { EventRegistrationType, EventType, TopicProposalType } from './event.type';
import { TopicProposal } from './topic-proposal.entity';

/** What the registering caller typed, echoed in the answer to them (nothing stored earlier). */
type Answered = EventRegistration & {
  echo?: { name: string | null; email: string | null };
  /** A repeated registration's answer: the place a new one would have (nothing is stored). */
  answeredWaitlistPosition?: number | null;
};

/** registerForEvent is open to anyone (private persons); the rest needs a sign-in. */
@Resolver(() => EventRegistrationType)
export class EventRegistrationResolver {
  @Mutation(() => EventRegistrationType, {
    description:
      'Registers an actor (signed in) or a private person (name, e-mail, consent) for an event; waitlisted when full. A private person gets a confirm link by mail (double opt-in) and is rate-limited per caller; a repeat with the same e-mail answers like a new registration and mails the address instead.',
  })
  async registerForEvent(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'Who registers, for which event.' }) input: RegisterForEventInput,
  ): Promise<Answered> {
    const register = () =>
      ctx.services.eventRegistrations.register(ctx.viewer, {
        ...input,
        eventId: parseGlobalId(input.eventId, 'Event', 'eventId'),
        actorId: parseOptionalGlobalId(input.actorId, 'Actor', 'actorId'),
      });
    const { rateLimiter, config } = ctx.services;
    // A private person's registration stores an address and mails it: limited per caller like
    // volunteer (only registrations that pass count; refused ones have a cap of their own).
    const { registration } =
      input.actorId == null
        ? await rateLimiter.attempt(
            registrationRules(config.volunteerRateLimit, config.volunteerRefusedLimit),
            RateLimiter.callerKey(ctx.viewer),
            register,
          )
        : await register();
    return Object.assign(registration, {
      echo: { name: registration.name, email: registration.email },
    });
  }

  @Authorized()
  @Mutation(() => EventRegistrationType, {
    description: 'Frees the seats; the waitlist moves up in order.',
  })
  async cancelRegistration(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the registration.' }) id: string,
  ): Promise<EventRegistration> {
    return (
      await ctx.services.eventRegistrations.cancel(
        ctx.viewer,
        parseGlobalId(id, 'EventRegistration'),
      )
    ).registration;
  }

  @Authorized()
  @Mutation(() => EventRegistrationType, {
    description: "After the event: took part or not (the organizer's editors).",
  })
  markAttendance(
    @Ctx() ctx: HubContext,
    @Arg('registrationId', () => ID, { description: 'Global id of the registration.' })
    registrationId: string,
    @Arg('attended', { description: 'true: ATTENDED, false: NO_SHOW.' }) attended: boolean,
  ): Promise<EventRegistration> {
    return ctx.services.eventRegistrations.markAttendance(
      ctx.viewer,
      parseGlobalId(registrationId, 'EventRegistration', 'registrationId'),
      attended,
    );
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this registration.' })
  id(@Root() r: EventRegistration): string {
    return toGlobalId('EventRegistration', r.id);
  }

  @FieldResolver(() => EventType, { description: 'The event.' })
  async event(@Root() r: EventRegistration, @Ctx() ctx: HubContext): Promise<HubEvent | null> {
    return visibleEvent(ctx, r.eventId);
  }

  @FieldResolver(() => ActorInterface, { nullable: true, description: 'The registered actor.' })
  actor(@Root() r: EventRegistration, @Ctx() ctx: HubContext): Promise<Actor | null> | null {
    return r.actorId == null ? null : ctx.loaders.actors.byId.load(r.actorId);
  }

  private async personal(
    r: Answered,
    ctx: HubContext,
    key: 'name' | 'email',
  ): Promise<string | null> {
    if (r.echo) return r.echo[key];
    const e = await ctx.loaders.events.byId.load(r.eventId);
    if (!e || !canSeeRegistrations(ctx.viewer, await eventAccessTarget(ctx, e))) return null;
    return r[key];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A private person's name and e-mail: for the organizer's editors and coordinators only.",
  })
  name(@Root() r: Answered, @Ctx() ctx: HubContext): Promise<string | null> {
    return this.personal(r, ctx, 'name');
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "A private person's e-mail: for the organizer's editors and coordinators only.",
  })
  email(@Root() r: Answered, @Ctx() ctx: HubContext): Promise<string | null> {
    return this.personal(r, ctx, 'email');
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: '1-based place on the waitlist while WAITLISTED.',
  })
  waitlistPosition(
    @Root() r: Answered,
    @Ctx() ctx: HubContext,
  ): Promise<number | null> | number | null {
    if (r.answeredWaitlistPosition !== undefined) return r.answeredWaitlistPosition;
    return r.status === 'WAITLISTED' ? ctx.loaders.events.waitlistPosition.load(r.id) : null;
  }
}

@Resolver(() => TopicProposalType)
export class TopicProposalResolver {
  @Authorized()
  @Mutation(() => TopicProposalType, { description: 'Proposes a topic for an event (signed in).' })
  proposeTopic(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The topic.' }) input: ProposeTopicInput,
  ): Promise<TopicProposal> {
    return ctx.services.eventTopics.propose(ctx.viewer, {
      ...input,
      eventId: parseGlobalId(input.eventId, 'Event', 'eventId'),
      actorId: parseOptionalGlobalId(input.actorId, 'Actor', 'actorId'),
    });
  }

  @Authorized()
  @Mutation(() => TopicProposalType, {
    description: 'One vote per actor (actorId) or per signed-in account.',
  })
  voteTopic(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the topic proposal.' }) id: string,
    @Arg('actorId', () => ID, {
      nullable: true,
      description: 'Vote for this actor; else for the account.',
    })
    actorId?: string | null,
  ): Promise<TopicProposal> {
    return ctx.services.eventTopics.vote(
      ctx.viewer,
      parseGlobalId(id, 'TopicProposal'),
      parseOptionalGlobalId(actorId, 'Actor', 'actorId'),
    );
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this proposal.' })
  id(@Root() t: TopicProposal): string {
    return toGlobalId('TopicProposal', t.id);
  }

  @FieldResolver(() => EventType, { description: 'The event it is proposed for.' })
  event(@Root() t: TopicProposal, @Ctx() ctx: HubContext): Promise<HubEvent | null> {
    return visibleEvent(ctx, t.eventId);
  }

  @FieldResolver(() => ActorInterface, {
    nullable: true,
    description: 'The proposing actor, if any.',
  })
  proposedBy(@Root() t: TopicProposal, @Ctx() ctx: HubContext): Promise<Actor | null> | null {
    return t.proposedById == null ? null : ctx.loaders.actors.byId.load(t.proposedById);
  }
}
