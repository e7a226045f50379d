import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ActorKind } from '../actors/actor.entity';
import { Actor } from '../actors/actor.entity';
import { Need } from '../needs/need.entity';
import { Region } from '../regions/region.entity';

export enum ProgrammeStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RECOMMENDED = 'RECOMMENDED',
  NOT_RECOMMENDED = 'NOT_RECOMMENDED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  PAID = 'PAID',
  REPORTED = 'REPORTED',
}

export enum ReviewVote {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  ABSTAIN = 'ABSTAIN',
}

/**
 * An engagement fund of a region (Kommunales Ehrenamtsbudget). The money figures are held by
 * the database: every approval adds to `committed_cents` with one conditional UPDATE, and the
 * checks make an overspent or overpaid programme impossible even for a bug in the service.
 * committed + remaining = budget; paid <= committed.
 */
@Entity()
@Check('CHK_funding_programme_budget', `"budget_cents" > 0`)
@Check(
  'CHK_funding_programme_committed',
  `"committed_cents" >= 0 AND "committed_cents" <= "budget_cents"`,
)
@Check('CHK_funding_programme_paid', `"paid_cents" >= 0 AND "paid_cents" <= "committed_cents"`)
@Check('CHK_funding_programme_period', `"period_end" >= "period_start"`)
@Check('CHK_funding_programme_quorum', `"review_quorum" >= 1`)
export class FundingProgramme {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'int' })
  budgetCents: number;

  /** Approved and not returned (unspent money of a use report comes back). */
  @Column({ type: 'int', default: 0 })
  committedCents: number;

  /** Paid out and not returned. */
  @Column({ type: 'int', default: 0 })
  paidCents: number;

  @Column({ type: 'int', nullable: true })
  maxGrantCents: number | null;

  /** Empty: every kind may apply. */
  @Column({ type: 'enum', enum: ActorKind, enumName: 'actor_kind', array: true, default: '{}' })
  eligibleKinds: ActorKind[];

  @Column({ type: 'int', nullable: true })
  boardId: number | null;

  @ManyToOne(() => Actor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'board_id' })
  board?: Actor;

  @Column({ type: 'int', default: 2 })
  reviewQuorum: number;

  @Column({ type: 'timestamptz', nullable: true })
  applicationDeadline: Date | null;

  @Column({
    type: 'enum',
    enum: ProgrammeStatus,
    enumName: 'programme_status',
    default: ProgrammeStatus.OPEN,
  })
  status: ProgrammeStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'FundingProgramme' {
    return 'FundingProgramme';
  }
}

/**
 * An actor's application to a programme. Confidential until approved (funding.permissions.ts):
 * the applicant's members, the board's members and the coordinators of `region_id` (the
 * programme's region) see it; a DRAFT only the applicant's members. `region_id` and `board_id`
 * are the programme's, copied so that the visibility is one row's columns.
 */
@Entity()
@Index('IDX_funding_application_programme_status', ['programmeId', 'status'])
@Check('CHK_funding_application_requested', `"requested_cents" > 0`)
@Check(
  'CHK_funding_application_paid',
  `"paid_cents" >= 0 AND "paid_cents" <= coalesce("approved_cents", 0)`,
)
@Check(
  'CHK_funding_application_spent',
  `"spent_cents" IS NULL OR ("spent_cents" >= 0 AND "spent_cents" <= "paid_cents")`,
)
export class FundingApplication {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  programmeId: number;

  @ManyToOne(() => FundingProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: FundingProgramme;

  @Index()
  @Column({ type: 'int' })
  applicantId: number;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_id' })
  applicant?: Actor;

  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'int', nullable: true })
  boardId: number | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'int' })
  requestedCents: number;

  @Column({ type: 'int', nullable: true })
  approvedCents: number | null;

  @Column({ type: 'int', default: 0 })
  paidCents: number;

  @Column({
    type: 'enum',
    enum: ApplicationStatus,
    enumName: 'application_status',
    default: ApplicationStatus.DRAFT,
  })
  status: ApplicationStatus;

  @Column({ type: 'int', nullable: true })
  needId: number | null;

  @ManyToOne(() => Need, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'need_id' })
  need?: Need;

  @Column({ type: 'text', nullable: true })
  report: string | null;

  @Column({ type: 'int', nullable: true })
  spentCents: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'FundingApplication' {
    return 'FundingApplication';
  }
}

/**
 * One board member's review of an application: one per member (the token subject) and
 * application, held by the unique constraint. `reviewer` is the display name at the time.
 */
@Entity()
@Unique('UQ_funding_review_member', ['applicationId', 'reviewerSub'])
@Check('CHK_funding_review_recommended', `"recommended_cents" IS NULL OR "recommended_cents" >= 0`)
export class FundingReview {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicationId: number;

  @ManyToOne(() => FundingApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: FundingApplication;

  @Column({ type: 'varchar', length: 200 })
  reviewerSub: string;

  @Column({ type: 'varchar', length: 200 })
  reviewer: string;

  @Column({ type: 'enum', enum: ReviewVote, enumName: 'review_vote' })
  vote: ReviewVote;

  @Column({ type: 'int', nullable: true })
  recommendedCents: number | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
