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
  UpdateDateColumn,
} from 'typeorm';
import { Actor } from '../actors/actor.entity';
import { Pilot } from '../pilots/pilot.entity';
import { ExpertiseArea } from '../pilots/expertise-area';
import { Region } from '../regions/region.entity';

export enum ConsultationStatus {
  OPEN = 'OPEN',
  ASSIGNED = 'ASSIGNED',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Who wrote a message: the pilot, a member of the asking actor, or the coordination. */
export enum MessageAuthorKind {
  PILOT = 'PILOT',
  ACTOR = 'ACTOR',
  COORDINATION = 'COORDINATION',
}

/**
 * A question an actor asks the pilots. Confidential (consultation.permissions.ts): only the
 * asking actor's members, the assigned pilot and the coordinators of `region_id` see it. The
 * region is the actor's when it asked, so moving the actor later does not hand the question to
 * other coordinators.
 */
@Entity()
@Index('IDX_consultation_region_status', ['regionId', 'status'])
@Index('IDX_consultation_pilot_status', ['pilotId', 'status'])
export class Consultation {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  actorId: number;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor;

  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'enum', enum: ExpertiseArea, enumName: 'expertise_area' })
  area: ExpertiseArea;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  question: string;

  @Column({
    type: 'enum',
    enum: ConsultationStatus,
    enumName: 'consultation_status',
    default: ConsultationStatus.OPEN,
  })
  status: ConsultationStatus;

  @Column({ type: 'int', nullable: true })
  pilotId: number | null;

  @ManyToOne(() => Pilot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  /** The Berlin calendar month whose capacity the assignment took (pilot_month_load). */
  @Column({ type: 'date', nullable: true })
  assignedMonth: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** When the pilot got the one reminder of an overdue consultation. */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'Consultation' {
    return 'Consultation';
  }
}

/** One message of a consultation's thread; `author` is the display name at the time of writing. */
@Entity()
export class ConsultationMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  consultationId: number;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id' })
  consultation?: Consultation;

  @Column({ type: 'varchar', length: 20 })
  authorKind: MessageAuthorKind;

  @Column({ type: 'varchar', length: 200 })
  author: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * How many consultations a pilot was assigned in a Berlin calendar month. The capacity is held
 * here by one conditional upsert (`assigned < monthly_capacity`), so however many assignments
 * race, a pilot never gets more than the capacity without a coordinator saying so.
 */
@Entity()
@Check('CHK_pilot_month_load_assigned', `"assigned" >= 0`)
export class PilotMonthLoad {
  @PrimaryColumn({ type: 'int' })
  pilotId: number;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  /** The first day of the month (Europe/Berlin). */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'int', default: 0 })
  assigned: number;
}
