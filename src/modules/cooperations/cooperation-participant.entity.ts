import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Actor } from '../actors/actor.entity';
import { Cooperation, CooperationStatus } from './cooperation.entity';

/**
 * The cooperation graph's adjacency. `status` repeats the cooperation's status so a traversal
 * step is one index range scan on (actor_id, status) without touching the cooperation table;
 * the cooperation service updates both in one transaction.
 */
@Entity()
@Index('IDX_participant_actor_status', ['actorId', 'status', 'cooperationId'])
export class CooperationParticipant {
  @PrimaryColumn({ type: 'int' })
  cooperationId: number;

  @PrimaryColumn({ type: 'int' })
  actorId: number;

  @Column({ type: 'enum', enum: CooperationStatus, enumName: 'cooperation_status' })
  status: CooperationStatus;

  @ManyToOne(() => Cooperation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperation_id' })
  cooperation?: Cooperation;

  @ManyToOne(() => Actor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Actor;
}
