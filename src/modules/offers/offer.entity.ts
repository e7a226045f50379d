import {
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
import { Visibility } from '../shared/visibility';
import { Region } from '../regions/region.entity';

export enum OfferKind {
  HELPERS = 'HELPERS',
  EQUIPMENT = 'EQUIPMENT',
  ROOM = 'ROOM',
  EXPERTISE = 'EXPERTISE',
  TRANSPORT = 'TRANSPORT',
  OTHER = 'OTHER',
}

@Entity()
@Index('IDX_offer_search', { synchronize: false })
@Index('IDX_offer_search_name', { synchronize: false })
@Index('IDX_offer_tags', { synchronize: false })
@Index('IDX_offer_lat_lon', ['latitude', 'longitude'])
export class Offer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  actorId: number;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor;

  @Column({ type: 'enum', enum: OfferKind, enumName: 'offer_kind' })
  kind: OfferKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'int', nullable: true })
  quantity: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  unit: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.PUBLIC })
  visibility: Visibility;

  @Column({ type: 'timestamptz', nullable: true })
  availableFrom: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  availableUntil: Date | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

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
  get __typename(): 'Offer' {
    return 'Offer';
  }
}
