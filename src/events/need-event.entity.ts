import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum NeedEventType {
  OPENED = 'OPENED',
  UPDATED = 'UPDATED',
  PLEDGED = 'PLEDGED',
  PLEDGE_WITHDRAWN = 'PLEDGE_WITHDRAWN',
  FILLED = 'FILLED',
  REOPENED = 'REOPENED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}

/**
 * The transactional outbox of need changes. Rows are written in the transaction that changes the
 * need, under a transaction-scoped advisory lock, so `position` order is commit order: a reader
 * that has seen position N never later finds a committed event below N.
 */
@Entity()
export class NeedEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  position: string;

  @Column({ type: 'enum', enum: NeedEventType, enumName: 'need_event_type' })
  type: NeedEventType;

  @Index()
  @Column({ type: 'int' })
  needId: number;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
