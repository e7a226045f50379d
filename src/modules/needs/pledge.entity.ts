import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Actor } from '../actors/actor.entity';
import { Need } from './need.entity';

export enum PledgeStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/**
 * A pledge by an actor or by a private volunteer. Volunteer e-mails are stored trimmed and
 * lower-cased, so the partial unique index keeps one live pledge per e-mail and need.
 */
@Entity()
@Check('CHK_pledge_quantity', '"quantity" >= 1')
@Index('UQ_pledge_need_volunteer', ['needId', 'volunteerEmail'], {
  unique: true,
  where: `"volunteer_email" IS NOT NULL AND "status" IN ('PENDING', 'CONFIRMED')`,
})
export class Pledge {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  needId: number;

  @ManyToOne(() => Need, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need?: Need;

  @Index()
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @ManyToOne(() => Actor, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  volunteerName: string | null;

  @Index()
  @Column({ type: 'varchar', length: 320, nullable: true })
  volunteerEmail: string | null;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'enum', enum: PledgeStatus, enumName: 'pledge_status' })
  status: PledgeStatus;

  @Column({ type: 'timestamptz', nullable: true })
  anonymizedAt: Date | null;

  /** When the volunteer used the confirm link of their mail (double opt-in); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  emailConfirmedAt: Date | null;

  /** The startsAt a reminder was mailed for (once per start time, across restarts). */
  @Column({ type: 'timestamptz', nullable: true })
  reminderSentFor: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** GraphQL type name, for Node and union resolution. */
  get __typename(): 'Pledge' {
    return 'Pledge';
  }
}
