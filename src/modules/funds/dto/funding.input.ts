import { ArrayMaxSize, IsOptional } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../graphql/scalars';
import { PageArgs } from '../../../graphql/relay.types';
import { ActorKind } from '../../actors/actor.entity';
import { ApplicationStatus, ReviewVote } from '../funding.entity';

@InputType('CreateFundingProgrammeInput', { description: 'A new funding programme of a region.' })
export class CreateFundingProgrammeInput {
  @Field({ description: 'Name, 1 to 200 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What it funds and how to apply.' })
  description?: string | null;

  @Field(() => ID, { description: 'The region whose coordinators run it.' })
  regionId: string;

  @Field(() => DateScalar, { description: 'First day of the funding period.' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'Last day of the funding period.' })
  periodEnd: string;

  @Field(() => Int, { description: 'The whole budget in cents, above 0.' })
  budgetCents: number;

  @Field(() => Int, { nullable: true, description: 'The largest grant, in cents.' })
  maxGrantCents?: number | null;

  @Field(() => [ActorKind], {
    nullable: true,
    description: 'Actor kinds that may apply; empty or absent means all.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  eligibleKinds?: ActorKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An actor of kind ADVISORY_BOARD whose members review the applications.',
  })
  boardId?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 2,
    description: 'Reviews needed before a recommendation stands (1 to 50).',
  })
  reviewQuorum?: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Applications are submitted before this (default: the end of the period).',
  })
  applicationDeadline?: Date | null;
}

@InputType('ApplyForFundingInput', { description: 'A new application, saved as a DRAFT.' })
export class ApplyForFundingInput {
  @Field(() => ID, { description: 'The funding programme.' })
  programmeId: string;

  @Field(() => ID, { description: 'The actor that applies (the caller acts for it).' })
  applicantId: string;

  @Field({ description: 'A short title of the project, 1 to 200 characters.' })
  title: string;

  @Field({ description: 'What the money is for, 1 to 10000 characters.' })
  purpose: string;

  @Field(() => Int, { description: 'The amount asked for, in cents (at most the maximum grant).' })
  requestedCents: number;

  @Field(() => ID, { nullable: true, description: 'A FUNDING need of the applicant it covers.' })
  needId?: string | null;
}

@InputType('ReviewApplicationInput', { description: "A board member's review." })
export class ReviewApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId: string;

  @Field(() => ReviewVote, { description: 'The vote.' })
  vote: ReviewVote;

  @Field(() => Int, { nullable: true, description: 'The amount recommended, in cents.' })
  recommendedCents?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'A reason or remark, up to 5000 characters.',
  })
  comment?: string | null;
}

@InputType('DecideApplicationInput', { description: "The coordinators' decision." })
export class DecideApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId: string;

  @Field({ description: 'true approves it, false rejects it.' })
  approve: boolean;

  @Field(() => Int, { nullable: true, description: 'Defaults to the requested amount.' })
  approvedCents?: number | null;
}

@InputType('ReportUseInput', { description: 'The use report (Verwendungsnachweis).' })
export class ReportUseInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId: string;

  @Field({ description: 'What was done with the money, 1 to 10000 characters.' })
  report: string;

  @Field(() => Int, { description: 'What was spent, in cents (at most what was paid).' })
  spentCents: number;
}

@ArgsType()
export class ApplicationListArgs extends PageArgs {
  @Field(() => [ApplicationStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(9)
  status?: ApplicationStatus[] | null;
}
