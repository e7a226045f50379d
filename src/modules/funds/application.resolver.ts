import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { parseGlobalId, parseOptionalGlobalId, toGlobalId } from '../../graphql/global-id';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { visibleNeed } from '../needs/need-access';
import { Need } from '../needs/need.entity';
import { NeedType } from '../needs/need.type';
import {
  ApplyForFundingInput,
  DecideApplicationInput,
  ReportUseInput,
  ReviewApplicationInput,
} from './dto/funding.input';
import { applicationTarget } from './funding-access';
import { FundingApplication, FundingProgramme, FundingReview } from './funding.entity';
import { canSeeApplication, canSeeReviews } from './funding.permissions';
import { BoardReviewType, FundingApplicationType, FundingProgrammeType } from './funding.type';

/** Everything that changes an application needs a sign-in; the services decide who. */
@Authorized()
@Resolver(() => FundingApplicationType)
export class FundingApplicationResolver {
  @Mutation(() => FundingApplicationType, {
    description: 'Starts an application as a DRAFT (members of the applicant).',
  })
  applyForFunding(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The application.' }) input: ApplyForFundingInput,
  ): Promise<FundingApplication> {
    return ctx.services.applications.apply(ctx.viewer, {
      ...input,
      programmeId: parseGlobalId(input.programmeId, 'FundingProgramme', 'programmeId'),
      applicantId: parseGlobalId(input.applicantId, 'Actor', 'applicantId'),
      needId: parseOptionalGlobalId(input.needId, 'Need', 'needId'),
    });
  }

  @Mutation(() => FundingApplicationType, {
    description: 'Hands a DRAFT in before the deadline (members of the applicant).',
  })
  submitApplication(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the application.' }) id: string,
  ): Promise<FundingApplication> {
    return ctx.services.applications.submit(ctx.viewer, parseGlobalId(id, 'FundingApplication'));
  }

  @Mutation(() => FundingApplicationType, {
    description: 'Takes it back before a decision (members of the applicant).',
  })
  withdrawApplication(
    @Ctx() ctx: HubContext,
    @Arg('id', () => ID, { description: 'Global id of the application.' }) id: string,
  ): Promise<FundingApplication> {
    return ctx.services.applications.withdraw(ctx.viewer, parseGlobalId(id, 'FundingApplication'));
  }

  @Mutation(() => FundingApplicationType, {
    description: 'Board members only; never for an application of an actor the reviewer acts for.',
  })
  reviewApplication(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The review.' }) input: ReviewApplicationInput,
  ): Promise<FundingApplication> {
    return ctx.services.applications.review(ctx.viewer, {
      ...input,
      applicationId: parseGlobalId(input.applicationId, 'FundingApplication', 'applicationId'),
    });
  }

  @Mutation(() => FundingApplicationType, {
    description:
      "Coordinators of the programme's region; never commits more than the remaining budget.",
  })
  decideApplication(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The decision.' }) input: DecideApplicationInput,
  ): Promise<FundingApplication> {
    return ctx.services.applications.decide(ctx.viewer, {
      ...input,
      applicationId: parseGlobalId(input.applicationId, 'FundingApplication', 'applicationId'),
    });
  }

  @Mutation(() => FundingApplicationType, {
    description:
      "Records a payment of an approved grant (coordinators of the programme's region); never above the approved amount.",
  })
  recordPayment(
    @Ctx() ctx: HubContext,
    @Arg('applicationId', () => ID, { description: 'Global id of the application.' })
    applicationId: string,
    @Arg('amountCents', () => Int, { description: 'The amount paid, in cents.' })
    amountCents: number,
  ): Promise<FundingApplication> {
    return ctx.services.applications.recordPayment(
      ctx.viewer,
      parseGlobalId(applicationId, 'FundingApplication', 'applicationId'),
      amountCents,
    );
  }

  @Mutation(() => FundingApplicationType, {
    description:
      'The use report (members of the applicant, after payment); unspent money returns to the programme.',
  })
  reportUse(
    @Ctx() ctx: HubContext,
    @Arg('input', { description: 'The report.' }) input: ReportUseInput,
  ): Promise<FundingApplication> {
    return ctx.services.applications.reportUse(ctx.viewer, {
      ...input,
      applicationId: parseGlobalId(input.applicationId, 'FundingApplication', 'applicationId'),
    });
  }
}

/**
 * Fields of an application. Public as a class because the ledger hands approved applications
 * to anyone; what stays with the three parties (reviews, report, need) is checked per field.
 */
@Resolver(() => FundingApplicationType)
export class FundingApplicationFieldsResolver {
  @FieldResolver(() => ID, { description: 'Global id (Relay) of this application.' })
  id(@Root() a: FundingApplication): string {
    return toGlobalId('FundingApplication', a.id);
  }

  @FieldResolver(() => FundingProgrammeType, { description: 'The programme applied to.' })
  async programme(
    @Root() a: FundingApplication,
    @Ctx() ctx: HubContext,
  ): Promise<FundingProgramme> {
    const p = await ctx.loaders.funds.programmeById.load(a.programmeId);
    if (!p) throw new Error(`programme ${a.programmeId} of an application is missing`);
    return p;
  }

  @FieldResolver(() => ActorInterface, { description: 'The actor that applies.' })
  async applicant(@Root() a: FundingApplication, @Ctx() ctx: HubContext): Promise<Actor> {
    const actor = await ctx.loaders.actors.byId.load(a.applicantId);
    if (!actor) throw new Error(`applicant ${a.applicantId} of an application is missing`);
    return actor;
  }

  @FieldResolver(() => [BoardReviewType], {
    description: "The board's reviews, oldest first; for the board and the coordinators.",
  })
  async reviews(@Root() a: FundingApplication, @Ctx() ctx: HubContext): Promise<FundingReview[]> {
    if (!canSeeReviews(ctx.viewer, await applicationTarget(ctx, a))) return [];
    return ctx.loaders.funds.reviews.load(a.id);
  }

  @FieldResolver(() => NeedType, {
    nullable: true,
    description: 'A need of kind FUNDING that this application covers.',
  })
  async need(@Root() a: FundingApplication, @Ctx() ctx: HubContext): Promise<Need | null> {
    if (a.needId == null) return null;
    if (!canSeeApplication(ctx.viewer, await applicationTarget(ctx, a))) return null;
    return visibleNeed(ctx, a.needId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The use report (Verwendungsnachweis); for the three parties.',
  })
  async report(@Root() a: FundingApplication, @Ctx() ctx: HubContext): Promise<string | null> {
    if (a.report == null) return null;
    return canSeeApplication(ctx.viewer, await applicationTarget(ctx, a)) ? a.report : null;
  }
}
