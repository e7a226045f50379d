import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, toGlobalId } from '../../graphql/global-id';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Cooperation } from './cooperation.entity';
import { CooperationType } from './cooperation.type';
import { CreateCooperationInput } from './dto/create-cooperation.input';
import { UpdateCooperationInput } from './dto/update-cooperation.input';

const actorIds = (ids: string[]) => ids.map((id) => parseGlobalId(id, 'Actor', 'participantIds'));

@Resolver(() => CooperationType)
export class CooperationResolver {
  @Authorized()
  @Mutation(() => CooperationType, {
    description:
      'Records a cooperation between actors (a MEMBER of one of them, a NETWORKER or COORDINATOR of all their regions, or ADMIN).',
  })
  createCooperation(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new cooperation.' }) input: CreateCooperationInput,
  ): Promise<Cooperation> {
    return ctx.services.cooperations.create(ctx.viewer, {
      ...input,
      participantIds: actorIds(input.participantIds),
    });
  }

  @Authorized()
  @Mutation(() => CooperationType, {
    description:
      'Changes the given fields of a cooperation (same rights as creating it, for the old and the new participants).',
  })
  updateCooperation(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the cooperation.' }) id: string,
    @Arg('input', { description: 'Only the fields to change.' }) input: UpdateCooperationInput,
  ): Promise<Cooperation> {
    return ctx.services.cooperations.update(ctx.viewer, parseGlobalId(id, 'Cooperation'), {
      ...input,
      participantIds:
        input.participantIds != null ? actorIds(input.participantIds) : input.participantIds,
    });
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this cooperation.' })
  id(@Root() c: Cooperation): string {
    return toGlobalId('Cooperation', c.id);
  }

  @FieldResolver(() => [ActorInterface], { description: 'The actors that take part, by name.' })
  participants(@Root() c: Cooperation, @Ctx() ctx: HubContext): Promise<Actor[]> {
    return ctx.loaders.cooperations.participants.load(c.id);
  }
}
