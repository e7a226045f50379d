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
import { ContactPoint } from '../contact-points/contact-point.entity';
import { Region } from '../regions/region.entity';
import { Visibility } from '../shared/visibility';

export enum EventKind {
  STAMMTISCH = 'STAMMTISCH',
  WORKSHOP = 'WORKSHOP',
  INFO_EVENT = 'INFO_EVENT',
  TRAINING = 'TRAINING',
  NETWORK_MEETING = 'NETWORK_MEETING',
  OTHER = 'OTHER',
}

export enum EventStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}

/**
 * An event (Veranstaltung). `registered_seats` and `waitlisted_seats` are counters kept in the
 * same transactions as the registrations, under the event's row lock; the CHECK constraint is
 * the last line against overbooking, whatever the application does.
 */
@Entity({ name: 'event' })
@Check('CHK_event_seats', '"registered_seats" >= 0 AND "waitlisted_seats" >= 0')
@Check(
  'CHK_event_capacity',
  '"capacity" IS NULL OR ("capacity" >= 1 AND "registered_seats" <= "capacity")',
)
@Check('CHK_event_times', '"ends_at" >= "starts_at"')
@Index('IDX_event_region_starts', ['regionId', 'startsAt'])
@Index('IDX_event_starts_at', ['startsAt', 'id'])
export class HubEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Index()
  @Column({ type: 'int' })
  organizerId: number;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizer_id' })
  organizer?: Actor;

  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'int', nullable: true })
  contactPointId: number | null;

  @ManyToOne(() => ContactPoint, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_point_id' })
  contactPoint?: ContactPoint;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'int', default: 0 })
  registeredSeats: number;

  @Column({ type: 'int', default: 0 })
  waitlistedSeats: number;

  @Column({ type: 'timestamptz', nullable: true })
  registrationDeadline: Date | null;

  @Column({
    type: 'enum',
    enum: EventStatus,
    enumName: 'event_status',
    default: EventStatus.SCHEDULED,
  })
  status: EventStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.PUBLIC })
  visibility: Visibility;

  /** The first occurrence's id, for every occurrence of a recurring series. */
  @Index()
  @Column({ type: 'int', nullable: true })
  seriesId: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'Event' {
    return 'Event';
  }
}
