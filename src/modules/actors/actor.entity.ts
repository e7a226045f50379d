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
import { Region } from '../regions/region.entity';

export enum ActorKind {
  SCHOOL = 'SCHOOL',
  CLUB = 'CLUB',
  INITIATIVE = 'INITIATIVE',
  NETWORK_ROLE = 'NETWORK_ROLE',
  MUNICIPALITY = 'MUNICIPALITY',
  VOLUNTEER_AGENCY = 'VOLUNTEER_AGENCY',
  COMPANY = 'COMPANY',
  FOUNDATION = 'FOUNDATION',
  ADVISORY_BOARD = 'ADVISORY_BOARD',
  FIRE_BRIGADE = 'FIRE_BRIGADE',
  RELIGIOUS_COMMUNITY = 'RELIGIOUS_COMMUNITY',
  OTHER = 'OTHER',
}

/** All actor kinds in one table; kind-specific columns stay null for other kinds. */
@Entity()
@Index('IDX_actor_search', { synchronize: false })
@Index('IDX_actor_search_name', { synchronize: false })
@Index('IDX_actor_topics', { synchronize: false })
@Index('IDX_actor_lat_lon', ['latitude', 'longitude'])
export class Actor {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'enum', enum: ActorKind, enumName: 'actor_kind' })
  kind: ActorKind;

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

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  contactAddress: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  schoolType: string | null;

  @Column({ type: 'int', nullable: true })
  pupilCount: number | null;

  @Column({ type: 'int', nullable: true })
  memberCount: number | null;

  @Column({ type: 'boolean', nullable: true })
  registeredAssociation: boolean | null;

  @Column({ type: 'text', array: true, nullable: true })
  openBoardPositions: string[] | null;

  @Column({ type: 'date', nullable: true })
  foundedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  roleTitle: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  hostedById: number | null;

  @ManyToOne(() => Actor, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hosted_by_id' })
  hostedBy?: Actor | null;

  /** Stable key of an imported row (CSV import updates instead of duplicating). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  importKey: string | null;

  /** Maintained by a trigger (German stemming, umlauts folded); never written by the app. */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;

  /** The folded name or title for trigram search (shared/text-search), kept by the same trigger. */
  @Column({ type: 'text', nullable: true, select: false, insert: false, update: false })
  searchName?: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** GraphQL object type for this actor's kind (Node, Actor and SearchResult resolution). */
  get __typename(): ActorTypeName {
    return actorTypeName(this.kind);
  }
}

export type ActorTypeName = 'School' | 'Club' | 'Initiative' | 'NetworkRole' | 'Organization';

export function actorTypeName(kind: ActorKind): ActorTypeName {
  switch (kind) {
    case ActorKind.SCHOOL:
      return 'School';
    case ActorKind.CLUB:
      return 'Club';
    case ActorKind.INITIATIVE:
      return 'Initiative';
    case ActorKind.NETWORK_ROLE:
      return 'NetworkRole';
    default:
      return 'Organization';
  }
}
