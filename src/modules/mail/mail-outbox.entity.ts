import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum MailStatus {
  /** Waiting for the mail.send job (or its next attempt). */
  QUEUED = 'QUEUED',
  /** Handed to SMTP right now; stays so if the process died mid-send (never sent twice). */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Refused by the SMTP server for good, or out of attempts. */
  FAILED = 'FAILED',
  /** No SMTP_URL: kept for /mailbox, never sent. */
  KEPT = 'KEPT',
}

/**
 * The mail outbox: a row per mail, written in the transaction of the change that causes it and
 * sent by the job `mail.send`. Recipient and content are personal data: shown only at /mailbox
 * (no SMTP), never logged, erased by `mail.prune` after the retention window.
 */
@Entity()
@Check('CHK_mail_outbox_status', `"status" IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'KEPT')`)
@Index('IDX_mail_outbox_status_created', ['status', 'createdAt'])
export class MailOutbox {
  @PrimaryGeneratedColumn()
  id: number;

  /** A non-personal label such as 'pledge-confirm' (metrics). */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'varchar', length: 10 })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The SMTP failure as a code, never the server's text (which may quote the address). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
