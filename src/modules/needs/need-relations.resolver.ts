// Region.needs and Actor.needs: the same list as Query.needs, narrowed to the region (with
// everything below it) or the actor.
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Connection } from '../../graphql/pagination';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { NeedFilterInput, toNeedFilterData } from './dto/need-filter.input';
import { Need, NeedStatus } from './need.entity';
import { NeedConnection } from './need.type';

@ArgsType()
class RegionNeedsArgs {
  @Field(() => NeedFilterInput, { nullable: true })
  filter?: NeedFilterInput | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
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
  ): Promise<Connection<Need>> {
    return ctx.services.needs.list(ctx.viewer, toNeedFilterData(args.filter), args, {
      regionId: region.id,
    });
  }
}

@Resolver(() => ActorInterface)
export class ActorNeedsResolver {
  @FieldResolver(() => NeedConnection)
  needs(
    @Root() actor: Actor,
    @Ctx() ctx: HubContext,
    @Arg('status', () => [NeedStatus], { nullable: true }) status?: NeedStatus[] | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Need>> {
    return ctx.services.needs.list(
      ctx.viewer,
      { status: status ?? undefined },
      { first, after },
      { actorId: actor.id },
    );
  }
}
