import {
  Arg,
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
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Account } from '../accounts/account.entity';
import { AccountType } from '../accounts/account.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { CreatePilotInput, UpdatePilotInput } from './dto/pilot.input';
import { ExpertiseArea } from './expertise-area';
import { Pilot } from './pilot.entity';
import { PilotType } from './pilot.type';

/** Pilot profiles are public (name, areas, regions, bio); changes by coordinators and ADMINs. */
@Resolver(() => PilotType)
export class PilotResolver {
  @Query(() => [PilotType], {
    description:
      'Active pilots (Ehrenamtslotsen) by name: with areas, those with one of them; with a region, those serving it or a part of it.',
  })
  pilots(
    @Ctx() ctx: HubContext,
    @Arg('areas', () => [ExpertiseArea], { nullable: true, description: 'Any of these areas.' })
    areas?: ExpertiseArea[] | null,
    @Arg('regionId', () => ID, { nullable: true, description: 'A region, with everything below.' })
    regionId?: string | null,
  ): Promise<Pilot[]> {
    return ctx.services.pilots.list(
      areas ?? undefined,
      parseOptionalGlobalId(regionId, 'Region', 'regionId'),
    );
  }

  @Authorized()
  @Mutation(() => PilotType, {
    description:
      'Creates a pilot profile (ADMINs; coordinators of every region it serves), optionally linked to a PILOT account.',
  })
  createPilot(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new pilot.' }) input: CreatePilotInput,
  ): Promise<Pilot> {
    return ctx.services.pilots.create(ctx.viewer, {
      ...input,
      regionIds: input.regionIds.map((id) => parseGlobalId(id, 'Region', 'regionIds')),
      accountId: parseOptionalGlobalId(input.accountId, 'Account', 'accountId'),
    });
  }

  @Authorized()
  @Mutation(() => PilotType, { description: 'Changes the given fields of a pilot profile.' })
  updatePilot(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the pilot.' }) id: string,
    @Arg('input', { description: 'Only the fields to change.' }) input: UpdatePilotInput,
  ): Promise<Pilot> {
    return ctx.services.pilots.update(ctx.viewer, parseGlobalId(id, 'Pilot'), {
      ...input,
      regionIds: input.regionIds?.map((r) => parseGlobalId(r, 'Region', 'regionIds')),
    });
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this pilot.' })
  id(@Root() p: Pilot): string {
    return toGlobalId('Pilot', p.id);
  }

  @FieldResolver(() => [RegionType], {
    description: 'Regions served, each with everything below it.',
  })
  async regions(@Root() p: Pilot, @Ctx() ctx: HubContext): Promise<Region[]> {
    const regions = await ctx.loaders.regions.byId.loadMany(p.regionIds);
    return regions.filter((r): r is Region => r != null && !(r instanceof Error));
  }
}

/** Account.pilot: the public profile of the pilot an account signs in as. */
@Resolver(() => AccountType)
export class AccountPilotResolver {
  @FieldResolver(() => PilotType, {
    nullable: true,
    description: 'The pilot (Ehrenamtslotse) this account signs in as, if any.',
  })
  pilot(@Root() a: Account, @Ctx() ctx: HubContext): Promise<Pilot | null> | null {
    return a.pilotId == null ? null : ctx.loaders.pilots.byId.load(a.pilotId);
  }
}
