import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Actor } from './actor.entity';
import { ActorInterface, NetworkRoleType } from './actor.type';

@Resolver(() => NetworkRoleType)
export class NetworkRoleResolver {
  @FieldResolver(() => ActorInterface, {
    nullable: true,
    description: 'The organisation that hosts the role, e.g. the Amt.',
  })
  hostedBy(@Root() role: Actor, @Ctx() ctx: HubContext): Promise<Actor | null> | null {
    return role.hostedById == null ? null : ctx.loaders.actors.byId.load(role.hostedById);
  }
}
