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
import { Region } from '../regions/region.entity';
import { Visibility } from '../shared/visibility';
import type { OpeningExceptionData, OpeningRuleData } from './opening-rules';

export enum ContactPointKind {
  CENTRAL_OFFICE = 'CENTRAL_OFFICE',
  BRANCH_OFFICE = 'BRANCH_OFFICE',
  REMOTE = 'REMOTE',
}

/**
 * A place and the times someone of the coordination can be reached there. The hours and
 * exceptions are small lists read and written with the row (jsonb), checked by opening-rules.ts.
 */
@Entity()
@Index('IDX_contact_point_lat_lon', ['latitude', 'longitude'])
export class ContactPoint {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: ContactPointKind, enumName: 'contact_point_kind' })
  kind: ContactPointKind;

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

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'int', nullable: true })
  hostedById: number | null;

  @ManyToOne(() => Actor, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hosted_by_id' })
  hostedBy?: Actor;

  /** Actors (usually network roles) who staff it; kept in order as given. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  staffedByIds: number[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  accessibility: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  hours: OpeningRuleData[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  exceptions: OpeningExceptionData[];

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.PUBLIC })
  visibility: Visibility;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'ContactPoint' {
    return 'ContactPoint';
  }
}
