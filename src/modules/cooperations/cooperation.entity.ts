import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum CooperationKind {
  PARTNERSHIP = 'PARTNERSHIP',
  SCHOOL_COOPERATION = 'SCHOOL_COOPERATION',
  SHARED_PROJECT = 'SHARED_PROJECT',
  SPONSORSHIP = 'SPONSORSHIP',
  UMBRELLA_MEMBERSHIP = 'UMBRELLA_MEMBERSHIP',
  RESOURCE_SHARING = 'RESOURCE_SHARING',
}

export enum CooperationStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

@Entity()
export class Cooperation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: CooperationKind, enumName: 'cooperation_kind' })
  kind: CooperationKind;

  @Column({ type: 'enum', enum: CooperationStatus, enumName: 'cooperation_status' })
  status: CooperationStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** GraphQL type name, for Node resolution. */
  get __typename(): 'Cooperation' {
    return 'Cooperation';
  }
}
