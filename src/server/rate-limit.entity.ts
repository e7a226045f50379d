import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Shared fixed-window counters for rate limits across instances (when no REDIS_URL is given). */
@Entity()
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Index()
  @PrimaryColumn({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  hits: number;
}
