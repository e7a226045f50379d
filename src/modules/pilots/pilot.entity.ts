import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ExpertiseArea } from './expertise-area';

/**
 * An Ehrenamtslotse: a volunteer expert. The account that signs in as the pilot points here
 * (account.pilot_id); the profile itself holds nothing but what the pilot shows the network.
 */
@Entity()
@Check('CHK_pilot_capacity', `"monthly_capacity" >= 0 AND "monthly_capacity" <= 100`)
export class Pilot {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({
    type: 'enum',
    enum: ExpertiseArea,
    enumName: 'expertise_area',
    array: true,
    default: () => "'{}'",
  })
  areas: ExpertiseArea[];

  /** Regions served (database ids), each with everything below it. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  regionIds: number[];

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  /** Consultations the pilot takes on per calendar month (Europe/Berlin). */
  @Column({ type: 'int', default: 2 })
  monthlyCapacity: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get __typename(): 'Pilot' {
    return 'Pilot';
  }
}
