import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LinkAction } from './link-action';

/**
 * A link sent by e-mail. Only the sha256 of its random token is stored: whoever reads the
 * database cannot use a link. Single purpose (action + kind + subject), with an expiry; used at
 * most once (used_at set by one conditional UPDATE).
 */
@Entity()
export class Link {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_link_token_hash', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'varchar', length: 20 })
  action: LinkAction;

  /** Which handler acts on it, e.g. 'pledge'. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Index()
  @Column({ type: 'varchar', length: 80 })
  subjectId: string;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
