import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Connection } from '../../graphql/pagination';
import { Actor, ActorKind } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';
import { ApplicationListArgs, CreateFundingProgrammeInput } from './dto/funding.input';
import { FundingApplication, FundingProgramme, ProgrammeStatus } from './funding.entity';
import {
  FundingApplicationConnection,
  FundingApplicationType,
  FundingProgrammeType,
  LedgerEntryType,
} from './funding.type';
import { ledgerPath } from './ledger.routes';
import type { LedgerRow } from './programme.service';

/** Programmes are public (a fund is announced, its ledger is the transparency); changes by coordinators. */
@Resolver(() => FundingProgrammeType)
export class FundingProgrammeResolver {
  @Query(() => [FundingProgrammeType], {
    description:
      'Funding programmes (Förderprogramme), newest period first; with a region, those of it and below it.',
  })
  fundingProgrammes(
    @Ctx() ctx: HubContext,
    @Arg('regionId', () => ID, { nullable: true, description: 'A region, with everything below.' })
    regionId?: string | null,
    @Arg('status', () => [ProgrammeStatus], { nullable: true, description: 'Only these.' })
    status?: ProgrammeStatus[] | null,
  ): Promise<FundingProgramme[]> {
    return ctx.services.programmes.list(
      parseOptionalGlobalId(regionId, 'Region', 'regionId'),
      status ?? undefined,
    );
  }

  @Authorized()
  @Mutation(() => FundingProgrammeType, {
    description: "Creates a funding programme (coordinators of the programme's region).",
  })
  createFundingProgramme(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The new programme.' }) input: CreateFundingProgrammeInput,
  ): Promise<FundingProgramme> {
    return ctx.services.programmes.create(ctx.viewer, {
      ...input,
      regionId: parseGlobalId(input.regionId, 'Region', 'regionId'),
      boardId: parseOptionalGlobalId(input.boardId, 'Actor', 'boardId'),
    });
  }

  @Authorized()
  @Mutation(() => FundingProgrammeType, {
    description: 'Takes no more applications (coordinators of its region); running ones go on.',
  })
  closeFundingProgramme(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the programme.' }) id: string,
  ): Promise<FundingProgramme> {
    return ctx.services.programmes.close(ctx.viewer, parseGlobalId(id, 'FundingProgramme'));
  }

  @FieldResolver(() => ID, { description: 'Global id (Relay) of this programme.' })
  id(@Root() p: FundingProgramme): string {
    return toGlobalId('FundingProgramme', p.id);
  }

  @FieldResolver(() => RegionType, { description: 'The region whose coordinators run it.' })
  async region(@Root() p: FundingProgramme, @Ctx() ctx: HubContext): Promise<Region> {
    const r = await ctx.loaders.regions.byId.load(p.regionId);
    if (!r) throw new Error(`region ${p.regionId} of a programme is missing`);
    return r;
  }

  @FieldResolver(() => Int, { description: 'The budget minus what is committed, in cents.' })
  remainingCents(@Root() p: FundingProgramme): number {
    return p.budgetCents - p.committedCents;
  }

  @FieldResolver(() => [ActorKind], { description: 'Actor kinds that may apply; empty means all.' })
  eligibleKinds(@Root() p: FundingProgramme): ActorKind[] {
    return p.eligibleKinds;
  }

  @FieldResolver(() => ActorInterface, {
    nullable: true,
    description: 'The advisory board whose members review applications.',
  })
  board(@Root() p: FundingProgramme, @Ctx() ctx: HubContext): Promise<Actor | null> | null {
    return p.boardId == null ? null : ctx.loaders.actors.byId.load(p.boardId);
  }

  @FieldResolver(() => FundingApplicationConnection, {
    description:
      "Its applications the caller may see (the applicant's members, the board, the region's coordinators), newest first.",
  })
  applications(
    @Root() p: FundingProgramme,
    @Ctx() ctx: HubContext,
    @Args() args: ApplicationListArgs,
  ): Promise<Connection<FundingApplication>> {
    return ctx.services.applications.list(ctx.viewer, p.id, args.status ?? undefined, args);
  }

  @FieldResolver(() => String, {
    description:
      'Public address of the ledger as a CSV file (UTF-8 with BOM, semicolons) for spreadsheets.',
  })
  ledgerCsvUrl(@Root() p: FundingProgramme, @Ctx() ctx: HubContext): string {
    return ctx.services.links.absoluteUrl(ledgerPath(toGlobalId('FundingProgramme', p.id)));
  }

  @FieldResolver(() => [LedgerEntryType], {
    description: 'Approved grants, public: the transparency ledger.',
  })
  ledger(@Root() p: FundingProgramme, @Ctx() ctx: HubContext): Promise<LedgerRow[]> {
    return ctx.loaders.funds.ledger.load(p.id);
  }
}

/** The ledger is public; its application is the approved one the entry is about. */
@Resolver(() => LedgerEntryType)
export class LedgerEntryResolver {
  @FieldResolver(() => FundingApplicationType, {
    description:
      'The approved application; its reviews, report and need stay with the three parties.',
  })
  application(@Root() e: LedgerRow): FundingApplication {
    return e.application;
  }
}
