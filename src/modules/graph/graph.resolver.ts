import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId } from '../../graphql/global-id';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { CooperationKind, CooperationStatus } from '../cooperations/cooperation.entity';
import { NetworkData } from './graph.service';
import { ActorOverlapType, CooperationSuggestionType, NetworkType } from './graph.type';
import { OverlapData, SuggestionData } from './suggestion.service';

// Deliberately public: network figures and ACTIVE/ENDED cooperations are public; PROPOSED ones
// are filtered out for PUBLIC callers by the graph service (visibleStatuses).
@Resolver()
export class GraphResolver {
  @Query(() => NetworkType, {
    description: 'The cooperation graph of a region and every region below it.',
  })
  network(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('status', () => CooperationStatus, {
      nullable: true,
      defaultValue: CooperationStatus.ACTIVE,
    })
    status: CooperationStatus,
    @Arg('kinds', () => [CooperationKind], { nullable: true }) kinds?: CooperationKind[] | null,
  ): Promise<NetworkData> {
    return ctx.services.graph.network(
      ctx.viewer,
      parseGlobalId(regionId, 'Region', 'regionId'),
      status ?? CooperationStatus.ACTIVE,
      kinds ?? undefined,
    );
  }

  @Query(() => NetworkType)
  neighborhood(
    @Ctx() ctx: HubContext,
    @Arg('actorId', () => ID) actorId: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 2 }) depth: number,
    @Arg('status', () => CooperationStatus, {
      nullable: true,
      defaultValue: CooperationStatus.ACTIVE,
    })
    status: CooperationStatus,
  ): Promise<NetworkData> {
    return ctx.services.graph.neighborhood(
      ctx.viewer,
      parseGlobalId(actorId, 'Actor', 'actorId'),
      depth ?? 2,
      status ?? CooperationStatus.ACTIVE,
    );
  }

  @Query(() => [ActorInterface], {
    nullable: true,
    description:
      'Shortest chain of cooperating actors from one actor to another, both ends included; null when none within maxDepth.',
  })
  async cooperationPath(
    @Ctx() ctx: HubContext,
    @Arg('fromActorId', () => ID) fromActorId: string,
    @Arg('toActorId', () => ID) toActorId: string,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: 6 }) maxDepth: number,
  ): Promise<Actor[] | null> {
    const ids = await ctx.services.graph.cooperationPath(
      ctx.viewer,
      parseGlobalId(fromActorId, 'Actor', 'fromActorId'),
      parseGlobalId(toActorId, 'Actor', 'toActorId'),
      maxDepth ?? 6,
    );
    if (!ids) return null;
    return (await ctx.loaders.actors.byId.loadMany(ids)) as Actor[];
  }

  @Query(() => [CooperationSuggestionType])
  cooperationSuggestions(
    @Ctx() ctx: HubContext,
    @Arg('actorId', () => ID) actorId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number,
  ): Promise<SuggestionData[]> {
    return ctx.services.suggestions.suggestions(
      ctx.viewer,
      parseGlobalId(actorId, 'Actor', 'actorId'),
      first ?? 10,
    );
  }

  @Query(() => [ActorOverlapType])
  overlaps(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
  ): Promise<OverlapData[]> {
    return ctx.services.suggestions.overlaps(
      ctx.viewer,
      parseGlobalId(regionId, 'Region', 'regionId'),
      first ?? 20,
    );
  }
}
