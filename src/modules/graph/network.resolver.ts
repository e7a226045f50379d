import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Connection } from '../../graphql/pagination';
import { PageArgs } from '../../graphql/relay.types';
import { Actor } from '../actors/actor.entity';
import { ActorConnection } from '../actors/actor.type';
import { NetworkData } from './graph.service';
import { NetworkType } from './graph.type';

/** Fields of a Network beyond its lists; public like network() itself. */
@Resolver(() => NetworkType)
export class NetworkFieldsResolver {
  @FieldResolver(() => ActorConnection, {
    description:
      'The actors of this network without any of its cooperations (stats.isolatedActorCount of them), by name.',
  })
  isolatedActors(
    @Root() network: NetworkData,
    @Ctx() ctx: HubContext,
    @Args() page: PageArgs,
  ): Promise<Connection<Actor>> {
    return ctx.services.graph.isolatedActors(network.scope, page);
  }
}
