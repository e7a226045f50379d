import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Actor, ActorKind } from '../actors/actor.entity';
import { Need, NeedKind } from '../needs/need.entity';
import { Region } from '../regions/region.entity';

export enum SurveyStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum QuestionKind {
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  SCALE = 'SCALE',
  NEED = 'NEED',
}

/** A question as stored in survey.questions (jsonb); `id` is stable within the survey ("q1"). */
export interface StoredQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  required: boolean;
  needKind: NeedKind | null;
}

/**
 * A Bedarfsabfrage of a region. Questions live with the survey as jsonb: they are written once
 * (before opening) and always read together. `last_reminded_at` holds the 3-day reminder limit
 * in SQL (one conditional UPDATE per remindSurvey).
 */
@Entity()
@Index('IDX_survey_region_status', ['regionId', 'status'])
export class Survey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  introduction: string | null;

  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  /** Actor kinds invited; empty means all. */
  @Column({
    type: 'enum',
    enum: ActorKind,
    enumName: 'actor_kind',
    array: true,
    default: () => "'{}'",
  })
  audience: ActorKind[];

  @Column({
    type: 'enum',
    enum: SurveyStatus,
    enumName: 'survey_status',
    default: SurveyStatus.DRAFT,
  })
  status: SurveyStatus;

  @Column({ type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  questions: StoredQuestion[];

  /** The earlier survey whose questions this one copied (a repeated poll). */
  @Column({ type: 'int', nullable: true })
  copiedFromId: number | null;

  @ManyToOne(() => Survey, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'copied_from_id' })
  copiedFrom?: Survey;

  @Column({ type: 'timestamptz', nullable: true })
  lastRemindedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'Survey' {
    return 'Survey';
  }
}

/**
 * One per actor of the audience when the survey opens. `reachable` is false for an actor with
 * neither a public contact address nor an account: the coordinator phones those.
 */
@Entity()
@Unique('UQ_survey_invitation_actor', ['surveyId', 'actorId'])
export class SurveyInvitation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  surveyId: number;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Index()
  @Column({ type: 'int' })
  actorId: number;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor;

  /** The actor's region when invited (response rates per region). */
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'boolean' })
  reachable: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The answers of one actor; answering again while the survey is open replaces them. */
@Entity()
@Unique('UQ_survey_response_actor', ['surveyId', 'actorId'])
@Check('CHK_survey_response_answers', `jsonb_typeof("answers") = 'array'`)
export class SurveyResponse {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  surveyId: number;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Index()
  @Column({ type: 'int' })
  actorId: number;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor;

  @Column({ type: 'jsonb' })
  answers: StoredAnswer[];

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  get __typename(): 'SurveyResponse' {
    return 'SurveyResponse';
  }
}

export interface StoredAnswer {
  questionId: string;
  choices: string[];
  text: string | null;
  number: number | null;
}

/**
 * Which need a NEED answer became. Published needs keep the row (SurveyResponse.needs);
 * discarding a draft deletes the need and, by the cascade, the row.
 */
@Entity()
export class SurveyNeed {
  @PrimaryColumn({ type: 'int' })
  needId: number;

  @ManyToOne(() => Need, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need?: Need;

  @Index()
  @Column({ type: 'int' })
  responseId: number;

  @ManyToOne(() => SurveyResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: SurveyResponse;

  @Column({ type: 'varchar', length: 20 })
  questionId: string;
}
