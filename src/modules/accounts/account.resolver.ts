import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { BadUserInputError } from '../../graphql/errors';
import { parseGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { PageArgs } from '../../graphql/relay.types';
import { Role } from '../../graphql/viewer';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { InviteAccountInput } from './dto/invite-account.input';
import { Account, AccountRole } from './account.entity';
import { canSeeAccount } from './account.permissions';
import { AccountConnection, AccountType } from './account.type';
import { ownAccounts } from './own-accounts';

/**
 * The operations need a sign-in; the fields of Account do not, because an account reaches an
 * anonymous caller only as their own session's (useLink): node() and lists filter the rest.
 */
@Resolver(() => AccountType)
export class AccountResolver {
  @Authorized()
  @Query(() => AccountConnection, {
    description: 'Accounts, newest first: ADMIN all, COORDINATOR those of their regions.',
  })
  accounts(@Ctx() ctx: HubContext, @Args() page: PageArgs): Promise<Connection<Account>> {
    return ctx.services.accounts.list(ctx.viewer, page);
  }

  @Authorized()
  @Mutation(() => AccountType, {
    description:
      'Invites a person by e-mail; they sign in through the link. Admins any role; coordinators MEMBER and PILOT within their regions.',
  })
  async inviteAccount(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'Who to invite, with their role, actors and regions.' })
    input: InviteAccountInput,
  ): Promise<Account> {
    if (input.role === Role.PUBLIC) {
      throw new BadUserInputError('An account has a role other than PUBLIC', 'input.role');
    }
    const { account } = await ctx.services.accounts.invite(ctx.viewer, {
      email: input.email,
      displayName: input.displayName,
      role: input.role as unknown as AccountRole,
      actorIds: (input.actorIds ?? []).map((id) => parseGlobalId(id, 'Actor', 'input.actorIds')),
      regionIds: (input.regionIds ?? []).map((id) =>
        parseGlobalId(id, 'Region', 'input.regionIds'),
      ),
    });
    return account;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "Ends every session of the caller's account; false for a token that belongs to no account.",
  })
  signOut(@Ctx() ctx: HubContext): Promise<boolean> {
    return ctx.services.accounts.signOut(ctx.viewer);
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this account.' })
  id(@Root() account: Account): string {
    return toGlobalId('Account', account.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Shown to the account itself, and to coordinators and admins.',
  })
  async email(@Root() account: Account, @Ctx() ctx: HubContext): Promise<string | null> {
    if (ownAccounts.has(account)) return account.email;
    const found = await ctx.loaders.accounts.byId.load(account.id);
    return found && canSeeAccount(ctx.viewer, account.id, found.scope) ? account.email : null;
  }

  @FieldResolver(() => [ActorInterface], { description: 'Actors this account acts for.' })
  async actors(@Root() account: Account, @Ctx() ctx: HubContext): Promise<Actor[]> {
    const actors = await ctx.loaders.actors.byId.loadMany(account.actorIds);
    return actors.filter((a): a is Actor => a instanceof Actor);
  }

  @FieldResolver(() => [RegionType], { description: 'Regions this account coordinates.' })
  async regions(@Root() account: Account, @Ctx() ctx: HubContext): Promise<Region[]> {
    const regions = await ctx.loaders.regions.byId.loadMany(account.regionIds);
    return regions.filter((r): r is Region => r instanceof Region);
  }
}
