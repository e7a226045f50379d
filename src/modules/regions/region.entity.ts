import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

export enum RegionLevel {
  STATE = 'STATE',
  DISTRICT = 'DISTRICT',
  AMT = 'AMT',
  MUNICIPALITY = 'MUNICIPALITY',
  VILLAGE = 'VILLAGE',
}

/** Top-down rank of each level: a parent's rank is always lower than its child's. */
export const REGION_LEVEL_RANK: Record<RegionLevel, number> = {
  STATE: 0,
  DISTRICT: 1,
  AMT: 2,
  MUNICIPALITY: 3,
  VILLAGE: 4,
};

/**
 * Regions form a tree. `path` is a materialized path of ids ("/1/4/17/"), collated "C" so a
 * plain btree index answers `path LIKE '/1/4/%'`: every filter by region (with all regions
 * below it) is one indexed query, however deep the tree is.
 */
@Entity()
export class Region {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: RegionLevel, enumName: 'region_level' })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 20, nullable: true })
  officialKey: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Region | null;

  @Index()
  @Column({ type: 'varchar', length: 400, collation: 'C' })
  path: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** GraphQL type name, for Node and union resolution. */
  get __typename(): 'Region' {
    return 'Region';
  }
}
