import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { GeoPoint, geoPoint, PageArgs } from '../../graphql/relay.types';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { NeedFilterInput, toNeedFilterData } from './dto/need-filter.input';
import { OpenNeedInput } from './dto/open-need.input';
import { UpdateNeedInput } from './dto/update-need.input';
import { mayReadVolunteerData, visibleNeed } from './need-access';
import { Need } from './need.entity';
import { needListOptions } from './need-list-options';
import { NeedConnection, NeedType, PledgeType } from './need.type';
import { Pledge } from './pledge.entity';

@ArgsType()
export class NeedListArgs extends PageArgs {
  @Field(() => NeedFilterInput, {
    nullable: true,
    description: 'Narrows the list; all visible needs when left out.',
  })
  filter?: NeedFilterInput | null;
}

/** Needs are readable by anyone (NETWORK ones by partners only); changes need a sign-in. */
@Resolver(() => NeedType)
export class NeedResolver {
  @Query(() => NeedConnection, {
    description:
      'Needs (Bedarfe), newest first: PUBLIC ones for anyone, NETWORK ones for signed-in partners.',
  })
  needs(
    @Ctx() ctx: HubContext,
    @Args() args: NeedListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Need>> {
    return ctx.services.needs.list(
      ctx.viewer,
      toNeedFilterData(args.filter),
      args,
      {},
      needListOptions(ctx, info),
    );
  }

  @Query(() => NeedType, {
    nullable: true,
    description: 'One need by its id; null when it does not exist or is not visible to the caller.',
  })
  need(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the need.' }) id: string,
  ): Promise<Need | null> {
    return visibleNeed(ctx, parseGlobalId(id, 'Need'));
  }

  @Authorized()
  @Mutation(() => NeedType, {
    description: 'Publishes a need of an actor (whoever may edit the actor).',
  })
  openNeed(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new need.' }) input: OpenNeedInput,
  ): Promise<Need> {
    return ctx.services.needs.open(ctx.viewer, {
      ...input,
      actorId: parseGlobalId(input.actorId, 'Actor', 'actorId'),
      regionId: parseOptionalGlobalId(input.regionId, 'Region', 'regionId'),
    });
  }

  @Authorized()
  @Mutation(() => NeedType, {
    description:
      "Changes the given fields of a need (its actor's editors or the region's coordinators).",
  })
  updateNeed(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the need.' }) id: string,
    @Arg('input', { description: 'Only the fields to change.' }) input: UpdateNeedInput,
  ): Promise<Need> {
    return ctx.services.needs.update(ctx.viewer, parseGlobalId(id, 'Need'), input);
  }

  @Authorized()
  @Mutation(() => NeedType, {
    description:
      'Closes a need that is no longer wanted (same rights as updateNeed); closed and expired ones stay as they are.',
  })
  closeNeed(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the need.' }) id: string,
  ): Promise<Need> {
    return ctx.services.needs.close(ctx.viewer, parseGlobalId(id, 'Need'));
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this need.' })
  id(@Root() need: Need): string {
    return toGlobalId('Need', need.id);
  }

  @FieldResolver(() => ActorInterface, { description: 'The actor that needs it.' })
  actor(@Root() need: Need, @Ctx() ctx: HubContext): Promise<Actor | null> {
    return ctx.loaders.actors.byId.load(need.actorId);
  }

  @FieldResolver(() => RegionType, {
    description: "Where the help is needed; the actor's region unless given.",
  })
  region(@Root() need: Need, @Ctx() ctx: HubContext): Promise<Region | null> {
    return ctx.loaders.regions.byId.load(need.regionId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where exactly, where known.' })
  location(@Root() need: Need): GeoPoint | null {
    return geoPoint(need.latitude, need.longitude);
  }

  @FieldResolver(() => Int, {
    description: 'What is still missing: quantity minus pledgedQuantity.',
  })
  remainingQuantity(@Root() need: Need): number {
    return need.quantity - need.pledgedQuantity;
  }

  @FieldResolver(() => [PledgeType], {
    description: "Visible to the need's editors and coordinators; others see none.",
  })
  async pledges(@Root() need: Need, @Ctx() ctx: HubContext): Promise<Pledge[]> {
    if (!(await mayReadVolunteerData(ctx, need))) return [];
    return ctx.loaders.needs.pledgesByNeed.load(need.id);
  }
}
