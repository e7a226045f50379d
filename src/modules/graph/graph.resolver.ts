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
    @Arg('regionId', () => ID, { description: 'The region; every region below it is included.' })
    regionId: string,
    @Arg('status', () => CooperationStatus, {
      nullable: true,
      defaultValue: CooperationStatus.ACTIVE,
      description: 'Only cooperations of this status; PROPOSED ones for signed-in callers only.',
    })
    status: CooperationStatus,
    @Arg('kinds', () => [CooperationKind], {
      nullable: true,
      description: 'Only cooperations of these kinds; all when left out.',
    })
    kinds?: CooperationKind[] | null,
  ): Promise<NetworkData> {
    return ctx.services.graph.network(
      ctx.viewer,
      parseGlobalId(regionId, 'Region', 'regionId'),
      status ?? CooperationStatus.ACTIVE,
      kinds ?? undefined,
    );
  }

  @Query(() => NetworkType, {
    description:
      'An actor, everyone within `depth` cooperation steps, and the cooperations among them.',
  })
  neighborhood(
    @Ctx() ctx: HubContext,
    @Arg('actorId', () => ID, { description: 'The actor at the centre.' }) actorId: string,
    @Arg('depth', () => Int, {
      nullable: true,
      defaultValue: 2,
      description: 'Steps through the cooperation graph, 1 to 4.',
    })
    depth: number,
    @Arg('status', () => CooperationStatus, {
      nullable: true,
      defaultValue: CooperationStatus.ACTIVE,
      description: 'Follow only cooperations of this status.',
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
    @Arg('fromActorId', () => ID, { description: 'Where the chain starts.' }) fromActorId: string,
    @Arg('toActorId', () => ID, { description: 'Where the chain ends.' }) toActorId: string,
    @Arg('maxDepth', () => Int, {
      nullable: true,
      defaultValue: 6,
      description: 'The longest chain to look for, 1 to 6 steps.',
    })
    maxDepth: number,
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

  @Query(() => [CooperationSuggestionType], {
    description:
      'Actors that could become partners of an actor (shared topics, nearby, a common partner), best first; none it already cooperates with.',
  })
  cooperationSuggestions(
    @Ctx() ctx: HubContext,
    @Arg('actorId', () => ID, { description: 'The actor to find partners for.' }) actorId: string,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'How many suggestions, 1 to 50.',
    })
    first: number,
  ): Promise<SuggestionData[]> {
    return ctx.services.suggestions.suggestions(
      ctx.viewer,
      parseGlobalId(actorId, 'Actor', 'actorId'),
      first ?? 10,
    );
  }

  @Query(() => [ActorOverlapType], {
    description:
      "Groups of actors in a region that may duplicate each other's work (Doppelstrukturen), most alike first.",
  })
  overlaps(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID, { description: 'The region; every region below it is included.' })
    regionId: string,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many groups, 1 to 100.',
    })
    first: number,
  ): Promise<OverlapData[]> {
    return ctx.services.suggestions.overlaps(
      ctx.viewer,
      parseGlobalId(regionId, 'Region', 'regionId'),
      first ?? 20,
    );
  }
}
