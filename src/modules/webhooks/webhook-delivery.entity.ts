import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One attempt to deliver one activity to one webhook. Response bodies are never stored. */
@Entity()
@Index('IDX_webhook_delivery_webhook', ['webhookId', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  webhookId: number;

  @Column({ type: 'bigint' })
  activityPosition: string;

  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
