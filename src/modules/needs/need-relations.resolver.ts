// Region.needs and Actor.needs: the same list as Query.needs, narrowed to the region (with
// everything below it) or the actor.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Connection, connectionFromPage, idWindow } from '../../graphql/pagination';
import { PageArgs } from '../../graphql/relay.types';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { visibilityScope } from '../shared/visibility';
import { NeedFilterInput, toNeedFilterData } from './dto/need-filter.input';
import { Need, NeedStatus } from './need.entity';
import { needListOptions } from './need-list-options';
import { NeedConnection } from './need.type';

@ArgsType()
class RegionNeedsArgs extends PageArgs {
  @Field(() => NeedFilterInput, { nullable: true, description: 'Narrows the list further.' })
  filter?: NeedFilterInput | null;
}

@Resolver(() => RegionType)
export class RegionNeedsResolver {
  @FieldResolver(() => NeedConnection, {
    description: 'Needs in this region and every region below it.',
  })
  needs(
    @Root() region: Region,
    @Ctx() ctx: HubContext,
    @Args() args: RegionNeedsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Need>> {
    return ctx.services.needs.list(
      ctx.viewer,
      toNeedFilterData(args.filter),
      args,
      { regionId: region.id },
      needListOptions(ctx, info),
    );
  }
}

@Resolver(() => ActorInterface)
export class ActorNeedsResolver {
  /** Batched across the actors of a response: one statement for all their pages. */
  @FieldResolver(() => NeedConnection, {
    description: 'Needs (Bedarfe) of this actor visible to the caller, newest first.',
  })
  async needs(
    @Root() actor: Actor,
    @Ctx() ctx: HubContext,
    @Args() pageArgs: PageArgs,
    @Arg('status', () => [NeedStatus], {
      nullable: true,
      description: 'Only needs with one of these statuses; all when left out.',
    })
    status?: NeedStatus[] | null,
  ): Promise<Connection<Need>> {
    const shape = {
      ownerId: actor.id,
      ...visibilityScope(ctx.viewer),
      statuses: status?.length ? [...status].sort() : null,
    };
    const page = await ctx.loaders.needs.ofActor.load({ ...shape, ...idWindow(pageArgs) });
    return connectionFromPage(page, () => ctx.loaders.needs.countOfActor.load(shape));
  }
}
