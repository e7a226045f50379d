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
import { HubEvent } from './event.entity';

export enum RegistrationStatus {
  UNCONFIRMED = 'UNCONFIRMED',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

/** Statuses whose seats count in event.registered_seats. */
export const SEATED = [
  RegistrationStatus.UNCONFIRMED,
  RegistrationStatus.CONFIRMED,
  RegistrationStatus.ATTENDED,
];

/**
 * A registration for an event: an actor's (made by someone acting for it) or a private person's
 * (name and e-mail, with consent). The waitlist order is the id order: ids are drawn under the
 * event's row lock, so they follow the order in which registrations reached the seats.
 */
@Entity()
@Check('CHK_event_registration_seats', '"seats" >= 1')
@Check('CHK_event_registration_who', '("actor_id" IS NOT NULL) <> ("email" IS NOT NULL)')
@Index('IDX_event_registration_event_status', ['eventId', 'status', 'id'])
@Index('UQ_event_registration_actor', ['eventId', 'actorId'], {
  unique: true,
  where: `"actor_id" IS NOT NULL AND "status" <> 'CANCELLED'`,
})
@Index('UQ_event_registration_email', ['eventId', 'email'], {
  unique: true,
  where: `"email" IS NOT NULL AND "status" <> 'CANCELLED'`,
})
export class EventRegistration {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  eventId: number;

  @ManyToOne(() => HubEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: HubEvent;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor;

  /** Token subject of whoever registered (lets them cancel); null for PUBLIC registrations. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  registeredBy: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'boolean', default: false })
  emailConfirmed: boolean;

  @Column({ type: 'int', default: 1 })
  seats: number;

  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'registration_status' })
  status: RegistrationStatus;

  /** Until when an UNCONFIRMED registration holds its seats (48 hours after it got them). */
  @Column({ type: 'timestamptz', nullable: true })
  holdUntil: Date | null;

  /** The start a reminder was mailed for (once per start time, across restarts and instances). */
  @Column({ type: 'timestamptz', nullable: true })
  reminderSentFor: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'EventRegistration' {
    return 'EventRegistration';
  }
}
