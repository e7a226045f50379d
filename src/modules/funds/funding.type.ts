// GraphQL shapes of engagement funds. Relations and computed figures (region, board,
// applications, ledger, applicant, reviews, need) are field resolvers.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { ApplicationStatus, ProgrammeStatus, ReviewVote } from './funding.entity';

registerEnumType(ProgrammeStatus, {
  name: 'ProgrammeStatus',
  description: 'Whether a funding programme takes applications.',
  valuesConfig: {
    OPEN: { description: 'Takes applications until its deadline.' },
    CLOSED: { description: 'Takes no more applications; running ones go on.' },
  },
});

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where a funding application (Förderantrag) stands.',
  valuesConfig: {
    DRAFT: { description: "Being written; only the applicant's members see it." },
    SUBMITTED: { description: 'Handed in; the board reviews it.' },
    RECOMMENDED: { description: 'The quorum of board reviews is in and most say approve.' },
    NOT_RECOMMENDED: { description: 'The quorum of board reviews is in and most do not approve.' },
    APPROVED: { description: 'Granted; the amount is committed against the budget.' },
    REJECTED: { description: 'Not granted.' },
    WITHDRAWN: { description: 'Taken back by the applicant before a decision.' },
    PAID: { description: 'The approved amount is paid out in full.' },
    REPORTED: { description: 'The use report is in; unspent money went back to the programme.' },
  },
});

registerEnumType(ReviewVote, {
  name: 'ReviewVote',
  description: "A board member's vote on an application.",
  valuesConfig: {
    APPROVE: { description: 'Recommends approving it.' },
    REJECT: { description: 'Recommends rejecting it.' },
    ABSTAIN: { description: 'Counts toward the quorum, for neither side.' },
  },
});

@ObjectType('FundingProgramme', {
  implements: Node,
  description:
    'An engagement fund, e.g. a municipal volunteer budget (Kommunales Ehrenamtsbudget): money that an advisory board (Engagementbeirat) helps allocate to clubs and informal groups.',
})
export class FundingProgrammeType extends Node {
  @Field({ description: 'Name of the programme.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What it funds and how to apply.' })
  description: string | null;

  @Field(() => DateScalar, { description: 'First day of the funding period.' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'Last day of the funding period.' })
  periodEnd: string;

  @Field(() => Int, { description: 'The whole budget in cents.' })
  budgetCents: number;

  @Field(() => Int, { description: 'Approved and not refunded.' })
  committedCents: number;

  @Field(() => Int, { description: 'Paid out and not returned, in cents.' })
  paidCents: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The largest grant one application may ask for.',
  })
  maxGrantCents: number | null;

  @Field(() => Int, { description: 'Reviews needed before a recommendation stands.' })
  reviewQuorum: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Applications are submitted before this (default: the end of the period).',
  })
  applicationDeadline: Date | null;

  @Field(() => ProgrammeStatus, { description: 'Whether it takes applications.' })
  status: ProgrammeStatus;

  @Field({ description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType('BoardReview', { description: "A board member's review of an application." })
export class BoardReviewType {
  @Field({ description: 'Display name of the reviewing board member.' })
  reviewer: string;

  @Field(() => ReviewVote, { description: 'The vote.' })
  vote: ReviewVote;

  @Field(() => Int, { nullable: true, description: 'The amount the member recommends, in cents.' })
  recommendedCents: number | null;

  @Field(() => String, { nullable: true, description: 'A reason or remark.' })
  comment: string | null;

  @Field({ description: 'When it was given.' })
  createdAt: Date;
}

@ObjectType('FundingApplication', {
  implements: Node,
  description:
    "An application to a fund. Visible to the applicant's members, the board's members and coordinators of the programme's region; the public sees it only in the ledger once approved.",
})
export class FundingApplicationType extends Node {
  @Field({ description: 'A short title of the project.' })
  title: string;

  @Field({ description: 'What the money is for.' })
  purpose: string;

  @Field(() => Int, { description: 'The amount asked for, in cents.' })
  requestedCents: number;

  @Field(() => Int, { nullable: true, description: 'The amount granted, in cents.' })
  approvedCents: number | null;

  @Field(() => Int, { description: 'Paid out so far, in cents.' })
  paidCents: number;

  @Field(() => ApplicationStatus, { description: 'Where it stands.' })
  status: ApplicationStatus;

  @Field(() => Int, { nullable: true, description: 'Spent according to the use report, in cents.' })
  spentCents: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted.' })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the coordinators decided.' })
  decidedAt: Date | null;

  @Field({ description: 'When it was started.' })
  createdAt: Date;
}

@ObjectType('LedgerEntry', { description: 'One approved grant in the public ledger.' })
export class LedgerEntryType {
  @Field({ description: 'Name of the funded actor.' })
  applicantName: string;

  @Field({ description: 'What the money is for.' })
  purpose: string;

  @Field(() => Int, {
    description:
      'What the fund bears, in cents: the approved amount, after the use report the spent one.',
  })
  amountCents: number;

  @Field(() => ApplicationStatus, { description: 'APPROVED, PAID or REPORTED.' })
  status: ApplicationStatus;

  @Field({ description: 'When it was approved.' })
  decidedAt: Date;
}

export const { EdgeType: FundingApplicationEdge, ConnectionType: FundingApplicationConnection } =
  connectionTypes(
    'FundingApplication',
    () => FundingApplicationType,
    'funding applications (Förderanträge)',
  );
