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
import { Region } from '../regions/region.entity';
import { Visibility } from '../shared/visibility';

export enum NeedKind {
  HELPERS = 'HELPERS',
  EQUIPMENT = 'EQUIPMENT',
  ROOM = 'ROOM',
  EXPERTISE = 'EXPERTISE',
  TRANSPORT = 'TRANSPORT',
  FUNDING = 'FUNDING',
  BOARD_POSITION = 'BOARD_POSITION',
  OTHER = 'OTHER',
}
export enum NeedStatus {
  OPEN = 'OPEN',
  FILLED = 'FILLED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
  /** Made from a survey answer; hidden from everyone but the region's coordinators until published. */
  DRAFT = 'DRAFT',
}
export enum Urgency {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
}

/**
 * `pledged_quantity` is a counter kept in SQL by conditional updates; the CHECK constraint is the
 * last line against overbooking, whatever the application does.
 */
@Entity()
@Check('CHK_need_quantity', '"quantity" >= 1')
@Check('CHK_need_pledged', '"pledged_quantity" >= 0 AND "pledged_quantity" <= "quantity"')
@Index('IDX_need_region_status', ['regionId', 'status'])
@Index('IDX_need_search', { synchronize: false })
@Index('IDX_need_search_name', { synchronize: false })
@Index('IDX_need_tags', { synchronize: false })
@Index('IDX_need_lat_lon', ['latitude', 'longitude'])
@Index('IDX_need_status_ends_at', ['status', 'endsAt'])
export class Need {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  actorId: number;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor;

  @Column({ type: 'enum', enum: NeedKind, enumName: 'need_kind' })
  kind: NeedKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  unit: string | null;

  @Column({ type: 'int', default: 0 })
  pledgedQuantity: number;

  @Column({ type: 'enum', enum: NeedStatus, enumName: 'need_status', default: NeedStatus.OPEN })
  status: NeedStatus;

  @Column({ type: 'enum', enum: Urgency, enumName: 'urgency', default: Urgency.NORMAL })
  urgency: Urgency;

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.PUBLIC })
  visibility: Visibility;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  /** When the need was closed or expired; drives the volunteer-data retention sweep. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;

  /** The folded name or title for trigram search (shared/text-search), kept by the same trigger. */
  @Column({ type: 'text', nullable: true, select: false, insert: false, update: false })
  searchName?: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** GraphQL type name, for Node and union resolution. */
  get __typename(): 'Need' {
    return 'Need';
  }
}
