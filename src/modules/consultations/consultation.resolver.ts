import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Pilot } from '../pilots/pilot.entity';
import { PilotType } from '../pilots/pilot.type';
import type { PilotSuggestion } from './consultation-assignment';
import { consultationTarget } from './consultation-access';
import { Consultation, ConsultationMessage } from './consultation.entity';
import { canCoordinateConsultation } from './consultation.permissions';
import {
  ConsultationConnection,
  ConsultationMessageType,
  ConsultationType,
  PilotSuggestionType,
} from './consultation.type';
import { AskPilotsInput, ConsultationListArgs } from './dto/consultation.input';

/** Confidential throughout: only the three parties reach a consultation (the services decide). */
@Authorized()
@Resolver(() => ConsultationType)
export class ConsultationResolver {
  @Query(() => ConsultationConnection, {
    description:
      "Consultations the caller is a party to (the asking actor's members, the assigned pilot, the region's coordinators), newest first.",
  })
  consultations(
    @Ctx() ctx: HubContext,
    @Args() args: ConsultationListArgs,
  ): Promise<Connection<Consultation>> {
    const f = args.filter ?? {};
    return ctx.services.consultations.list(
      ctx.viewer,
      {
        regionId: parseOptionalGlobalId(f.regionId, 'Region', 'filter.regionId'),
        status: f.status ?? undefined,
        areas: f.areas ?? undefined,
        pilotId: parseOptionalGlobalId(f.pilotId, 'Pilot', 'filter.pilotId'),
        overdue: f.overdue ?? undefined,
      },
      args,
    );
  }

  @Mutation(() => ConsultationType, {
    description: "Asks the pilots a question for one of the caller's actors (its members).",
  })
  askPilots(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The question.' }) input: AskPilotsInput,
  ): Promise<Consultation> {
    return ctx.services.consultations.ask(ctx.viewer, {
      ...input,
      actorId: parseGlobalId(input.actorId, 'Actor', 'actorId'),
    });
  }

  @Mutation(() => ConsultationType, {
    description:
      "Assigns a pilot (the region's coordinators) and mails them a link; CONFLICT past the pilot's monthly capacity unless overCapacity.",
  })
  assignConsultation(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the consultation.' }) id: string,
    @Arg('pilotId', () => ID, { description: 'Global id of the pilot.' }) pilotId: string,
    @Arg('overCapacity', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: "true: assign even when the pilot's capacity this month is used up.",
    })
    overCapacity?: boolean | null,
    @Arg('dueAt', () => Date, {
      nullable: true,
      description: 'Another date the answer is due (default: 14 days after asking).',
    })
    dueAt?: Date | null,
  ): Promise<Consultation> {
    return ctx.services.consultationAssignment.assign(
      ctx.viewer,
      parseGlobalId(id, 'Consultation'),
      parseGlobalId(pilotId, 'Pilot', 'pilotId'),
      overCapacity === true,
      new Date(),
      dueAt ?? undefined,
    );
  }

  @Mutation(() => ConsultationType, {
    description:
      "Adds a message (the asking actor's members, the pilot, the coordinators); the pilot's first reply answers it.",
  })
  replyToConsultation(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the consultation.' }) id: string,
    @Arg('body', { description: 'The message, 1 to 10000 characters.' }) body: string,
  ): Promise<Consultation> {
    return ctx.services.consultations.reply(ctx.viewer, parseGlobalId(id, 'Consultation'), body);
  }

  @Mutation(() => ConsultationType, {
    description: "Closes it (the asking actor's members, the coordinators); no more replies.",
  })
  closeConsultation(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the consultation.' }) id: string,
  ): Promise<Consultation> {
    return ctx.services.consultations.close(ctx.viewer, parseGlobalId(id, 'Consultation'));
  }

  @Mutation(() => ConsultationType, {
    description: "Takes the question back before it is answered (the asking actor's members).",
  })
  withdrawConsultation(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the consultation.' }) id: string,
  ): Promise<Consultation> {
    return ctx.services.consultations.withdraw(ctx.viewer, parseGlobalId(id, 'Consultation'));
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this consultation.' })
  id(@Root() c: Consultation): string {
    return toGlobalId('Consultation', c.id);
  }

  @FieldResolver(() => ActorInterface, { description: 'The actor that asked.' })
  async actor(@Root() c: Consultation, @Ctx() ctx: HubContext): Promise<Actor> {
    const a = await ctx.loaders.actors.byId.load(c.actorId);
    if (!a) throw new Error(`actor ${c.actorId} of a consultation is missing`);
    return a;
  }

  @FieldResolver(() => PilotType, { nullable: true, description: 'The assigned pilot.' })
  pilot(@Root() c: Consultation, @Ctx() ctx: HubContext): Promise<Pilot | null> | null {
    return c.pilotId == null ? null : ctx.loaders.pilots.byId.load(c.pilotId);
  }

  @FieldResolver(() => [PilotSuggestionType], {
    description: 'Pilots who fit, best first; for coordinators.',
  })
  async suggestedPilots(
    @Root() c: Consultation,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 3, description: 'At most 20.' })
    first?: number,
  ): Promise<PilotSuggestion[]> {
    const n = first ?? 3;
    if (!Number.isInteger(n) || n < 1 || n > 20) {
      throw new BadUserInputError('first must be between 1 and 20', 'first');
    }
    if (!canCoordinateConsultation(ctx.viewer, await consultationTarget(ctx, c))) return [];
    return ctx.services.consultationAssignment.suggest(c, n);
  }

  @FieldResolver(() => [ConsultationMessageType], { description: 'The thread, oldest first.' })
  async messages(
    @Root() c: Consultation,
    @Ctx() ctx: HubContext,
  ): Promise<Array<Omit<ConsultationMessage, 'id'> & { id: string }>> {
    const messages = await ctx.loaders.consultations.messages.load(c.id);
    return messages.map((m) => ({ ...m, id: String(m.id) }));
  }
}
