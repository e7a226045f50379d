import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Visibility } from '../shared/visibility';

/**
 * The hub's ordered activity log (an outbox like need_event): rows are written in the
 * transaction of the change, under the same transaction-scoped advisory lock as need events,
 * so `position` order is commit order. `type` and `subjectType` are text rather than enums so
 * a feature adding a type needs no migration. `summary` never holds a private person's data.
 */
@Entity()
@Index('IDX_activity_region_position', ['regionId', 'position'])
export class Activity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  position: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'int' })
  regionId: number;

  /** Node type of the subject ("Need", "Actor", ...): its global id is (subjectType, subjectId). */
  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Column({ type: 'int' })
  subjectId: number;

  /** Who may see it at most; the subject's own rule (node()) decides on top at read time. */
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' })
  visibility: Visibility;

  /** Actors involved (for their members' views); never persons. */
  @Column({ type: 'int', array: true, default: () => "'{}'" })
  actorIds: number[];

  @Column({ type: 'varchar', length: 300 })
  summary: string;

  /** Non-personal facts for receivers (ids, counts). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
