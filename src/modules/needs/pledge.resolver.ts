import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, toGlobalId } from '../../graphql/global-id';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { PledgeInput } from './dto/pledge.input';
import { VolunteerInput } from './dto/volunteer.input';
import { RateLimiter, volunteerRules } from '../../server/rate-limit';
import { mayReadVolunteerData } from './need-access';
import { Need } from './need.entity';
import { NeedType, PledgeType } from './need.type';
import { Pledge } from './pledge.entity';
import { normalizeEmail } from '../shared/email';
import { trimText, trimmed } from '../shared/text';

/**
 * The answer to a `volunteer` call echoes what the caller just typed (and nothing stored
 * earlier): these objects show their volunteer fields to anyone, in this response only.
 */
const echoed = new WeakSet<Pledge>();

/** `volunteer` is deliberately public (the widget); every other pledge operation needs a sign-in. */
@Resolver(() => PledgeType)
export class PledgeResolver {
  @Authorized()
  @Mutation(() => PledgeType, {
    description:
      'Pledges part of a need on behalf of an actor the caller acts for; never more than is missing.',
  })
  pledge(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The pledge.' }) input: PledgeInput,
  ): Promise<Pledge> {
    return ctx.services.pledges.pledge(ctx.viewer, {
      needId: parseGlobalId(input.needId, 'Need', 'needId'),
      actorId: parseGlobalId(input.actorId, 'Actor', 'actorId'),
      quantity: input.quantity ?? 1,
      note: input.note,
    });
  }

  @Mutation(() => PledgeType, {
    description:
      'A private person offers help for a PUBLIC need, without a sign-in; rate-limited per caller. Mails a confirm link (double opt-in); a repeat with the same e-mail answers like a new sign-up and mails the address instead.',
  })
  async volunteer(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: "The volunteer's offer, with their consent." })
    input: VolunteerInput,
  ): Promise<Pledge> {
    const { rateLimiter, config } = ctx.services;
    // Only sign-ups that pass count toward the caller's limit; refused ones have their own cap.
    const { pledge } = await rateLimiter.attempt(
      volunteerRules(config.volunteerRateLimit, config.volunteerRefusedLimit),
      RateLimiter.callerKey(ctx.viewer),
      async () =>
        ctx.services.pledges.volunteer(ctx.viewer, {
          ...input,
          needId: parseGlobalId(input.needId, 'Need', 'needId'),
          quantity: input.quantity ?? 1,
        }),
    );
    const echo = Object.assign(new Pledge(), pledge, {
      volunteerName: trimText(input.name),
      volunteerEmail: normalizeEmail(input.email),
      note: trimmed(input.message),
    });
    echoed.add(echo);
    return echo;
  }

  @Authorized()
  @Mutation(() => PledgeType, { description: "Confirms a pending pledge (the need's editors)." })
  confirmPledge(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the pledge.' }) id: string,
  ): Promise<Pledge> {
    return ctx.services.pledges.confirm(ctx.viewer, parseGlobalId(id, 'Pledge'));
  }

  @Authorized()
  @Mutation(() => PledgeType, {
    description:
      "Declines a pending or confirmed pledge and frees its quantity (the need's editors).",
  })
  declinePledge(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the pledge.' }) id: string,
  ): Promise<Pledge> {
    return ctx.services.pledges.decline(ctx.viewer, parseGlobalId(id, 'Pledge'));
  }

  @Authorized()
  @Mutation(() => PledgeType, {
    description:
      "Takes a pledge back and frees its quantity (the pledging actor's editors or the need's).",
  })
  withdrawPledge(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the pledge.' }) id: string,
  ): Promise<Pledge> {
    return ctx.services.pledges.withdraw(ctx.viewer, parseGlobalId(id, 'Pledge'));
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this pledge.' })
  id(@Root() pledge: Pledge): string {
    return toGlobalId('Pledge', pledge.id);
  }

  @FieldResolver(() => NeedType, { description: 'The need it covers part of.' })
  need(@Root() pledge: Pledge, @Ctx() ctx: HubContext): Promise<Need | null> {
    return ctx.loaders.needs.byId.load(pledge.needId);
  }

  @FieldResolver(() => ActorInterface, {
    nullable: true,
    description: 'The pledging organisation, when an actor pledges.',
  })
  actor(@Root() pledge: Pledge, @Ctx() ctx: HubContext): Promise<Actor | null> | null {
    return pledge.actorId == null ? null : ctx.loaders.actors.byId.load(pledge.actorId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A private volunteer's name and e-mail: shown only to the need's editors and coordinators.",
  })
  volunteerName(@Root() pledge: Pledge, @Ctx() ctx: HubContext): Promise<string | null> {
    return this.personal(pledge, ctx, pledge.volunteerName);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "A private volunteer's e-mail: shown only to the need's editors and coordinators.",
  })
  volunteerEmail(@Root() pledge: Pledge, @Ctx() ctx: HubContext): Promise<string | null> {
    return this.personal(pledge, ctx, pledge.volunteerEmail);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "Whether the volunteer confirmed their e-mail address; null for actors' pledges.",
  })
  emailConfirmed(@Root() pledge: Pledge): boolean | null {
    return pledge.actorId != null ? null : pledge.emailConfirmedAt != null;
  }

  /** A volunteer's message is theirs as well; an actor's note is shown to whoever sees the pledge. */
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A note with the pledge; a private volunteer's message only for the need's editors and coordinators.",
  })
  note(@Root() pledge: Pledge, @Ctx() ctx: HubContext): Promise<string | null> {
    return pledge.actorId != null
      ? Promise.resolve(pledge.note)
      : this.personal(pledge, ctx, pledge.note);
  }

  private async personal(
    pledge: Pledge,
    ctx: HubContext,
    value: string | null,
  ): Promise<string | null> {
    if (value == null) return null;
    if (echoed.has(pledge)) return value;
    const need = await ctx.loaders.needs.byId.load(pledge.needId);
    return need && (await mayReadVolunteerData(ctx, need)) ? value : null;
  }
}
