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
  @Mutation(() => CooperationType)
  createCooperation(
    @Ctx() ctx: HubContext,
    @Arg('input') input: CreateCooperationInput,
  ): Promise<Cooperation> {
    return ctx.services.cooperations.create(ctx.viewer, {
      ...input,
      participantIds: actorIds(input.participantIds),
    });
  }

  @Authorized()
  @Mutation(() => CooperationType)
  updateCooperation(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateCooperationInput,
  ): Promise<Cooperation> {
    return ctx.services.cooperations.update(ctx.viewer, parseGlobalId(id, 'Cooperation'), {
      ...input,
      participantIds:
        input.participantIds != null ? actorIds(input.participantIds) : input.participantIds,
    });
  }

  @FieldResolver(() => ID)
  id(@Root() c: Cooperation): string {
    return toGlobalId('Cooperation', c.id);
  }

  @FieldResolver(() => [ActorInterface])
  participants(@Root() c: Cooperation, @Ctx() ctx: HubContext): Promise<Actor[]> {
    return ctx.loaders.cooperations.participants.load(c.id);
  }
}
