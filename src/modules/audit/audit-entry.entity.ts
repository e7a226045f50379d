import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of every mutation: who, what, which ids, when. Never personal values.
 * A trigger in the migration refuses UPDATE and DELETE.
 */
@Entity()
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 20 })
  role: string;

  @Column({ type: 'varchar', length: 100 })
  operation: string;

  /** Global ids of the records the mutation touched. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targetIds: string[];

  /** Region the touched record belongs to, for coordinators' view of the log. */
  @Index()
  @Column({ type: 'int', nullable: true })
  regionId: number | null;
}
