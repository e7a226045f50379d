import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A partner system's endpoint. `position` is the last activity of the log it has dealt with
 * (delivered, or skipped as not for it): delivery goes on from there, in log order.
 */
@Entity()
export class Webhook {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Index()
  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'text', array: true })
  types: string[];

  /** The signing secret (whsec_...): needed in clear to sign, shown to the creator once. */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'bigint', default: 0 })
  position: string;

  /** Token subject of the creator (no personal data; for the audit trail). */
  @Column({ type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** node() resolves the Node interface by __typename. */
  get __typename(): 'Webhook' {
    return 'Webhook';
  }
}
