import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Connection } from '../../graphql/pagination';
import { PageArgs } from '../../graphql/relay.types';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { Actor } from './actor.entity';
import { toFilterData } from './actor.resolver';
import { ActorConnection } from './actor.type';
import { ActorFilter } from './dto/actor-filter.input';

/** `Region.actors`: a connection over the actors of the region and every region below it. */
@Resolver(() => RegionType)
export class RegionActorsResolver {
  @FieldResolver(() => ActorConnection, {
    description: 'Actors in this region and every region below it.',
  })
  actors(
    @Root() region: Region,
    @Ctx() ctx: HubContext,
    @Args() page: PageArgs,
    @Arg('filter', () => ActorFilter, { nullable: true, description: 'Narrows the list further.' })
    filter?: ActorFilter,
  ): Promise<Connection<Actor>> {
    return ctx.services.actors.list(ctx.viewer, toFilterData(filter), page, region.id);
  }
}
