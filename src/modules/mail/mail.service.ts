// The outbox and its sender. enqueue writes the row (and, with SMTP, the mail.send job) in the
// caller's transaction: a mail exists exactly when the change that causes it committed, and no
// request ever waits for SMTP. send is the job: it claims its row with one conditional UPDATE
// (QUEUED -> SENDING), so a row is handed to SMTP at most once however many instances run;
// a temporary failure puts it back to QUEUED and the queue retries with backoff.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/env';
import type { Database, Queryable } from '../../db/database';
import type { JobQueue, TaskHelpers } from '../../queue/job-queue';
import { isEmail, normalizeEmail } from '../shared/email';
import { MailStatus } from './mail-outbox.entity';

export interface OutgoingMail {
  to: string;
  /** A non-personal label like 'pledge-confirm' (metrics). */
  kind: string;
  subject: string;
  text: string;
  html: string;
}

export interface KeptMail {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Date;
}

export const MAIL_SEND_TASK = 'mail.send';

/** The SMTP failure as codes only: the server's text may quote the recipient's address. */
function failureCode(e: unknown): { code: string; permanent: boolean } {
  const err = e as { code?: unknown; responseCode?: unknown };
  const code = typeof err.code === 'string' ? err.code.replace(/[^\w]/g, '').slice(0, 40) : 'ERROR';
  const response = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  return {
    code: response ? `${code} ${response}` : code,
    // 5xx: the server refuses this mail for good; trying again would not help.
    permanent: response !== undefined && response >= 500 && response < 600,
  };
}

export class MailService {
  private transport: Transporter | null = null;

  constructor(
    private readonly db: Database,
    private readonly queue: JobQueue,
    private readonly config: Config,
  ) {}

  /** Whether mails go out through SMTP (else they are kept for /mailbox). */
  get sending(): boolean {
    return this.config.smtpUrl !== undefined;
  }

  /** Whether mails are kept for /mailbox (no SMTP_URL and mail not off). */
  get keeping(): boolean {
    return this.config.mailEnabled && !this.sending;
  }

  /** Writes the mail to the outbox in the caller's transaction (and its send job, with SMTP). */
  async enqueue(q: Queryable, m: OutgoingMail): Promise<void> {
    if (!this.config.mailEnabled) return;
    const to = normalizeEmail(m.to);
    if (!isEmail(to)) throw new Error('mail recipient is not a valid address');
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(m.kind)) throw new Error(`bad mail kind ${m.kind}`);
    const status = this.sending ? MailStatus.QUEUED : MailStatus.KEPT;
    const { rows } = await q.query<{ id: number }>(
      `INSERT INTO mail_outbox (kind, recipient, subject, text, html, status)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [m.kind, to, m.subject.slice(0, 300), m.text, m.html, status],
    );
    if (this.sending) {
      await this.queue.add(q, MAIL_SEND_TASK, { id: rows[0].id }, { jobKey: `mail:${rows[0].id}` });
    }
  }

  private smtp(): Transporter {
    this.transport ??= nodemailer.createTransport(this.config.smtpUrl, {
      from: this.config.mailFrom,
    });
    return this.transport;
  }

  /** The mail.send job: one attempt at handing one outbox row to SMTP. */
  async send(id: number, helpers: TaskHelpers): Promise<void> {
    const [mail] = await this.db.query<{
      recipient: string;
      subject: string;
      text: string;
      html: string;
    }>(
      `UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1
        WHERE id = $1 AND status = 'QUEUED' RETURNING recipient, subject, text, html`,
      [id],
    );
    if (!mail) return; // sent, given up, erased, or being sent by another worker
    try {
      await this.smtp().sendMail({
        from: this.config.mailFrom,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    } catch (e) {
      const { code, permanent } = failureCode(e);
      const last = permanent || helpers.job.attempts >= helpers.job.maxAttempts;
      await this.db.query(`UPDATE mail_outbox SET status = $2, last_error = $3 WHERE id = $1`, [
        id,
        last ? MailStatus.FAILED : MailStatus.QUEUED,
        code,
      ]);
      helpers.log.warn({ mailId: id, code, attempt: helpers.job.attempts, last }, 'mail not sent');
      if (!last) throw new Error(`mail ${id} not sent: ${code}`);
      return;
    }
    await this.db.query(
      `UPDATE mail_outbox SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Kept mails, newest first (for /mailbox; only without SMTP). */
  kept(limit = 200): Promise<KeptMail[]> {
    return this.db.query<KeptMail>(
      `SELECT id, kind, recipient, subject, text, html, created_at AS "createdAt"
         FROM mail_outbox WHERE status = 'KEPT' ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
  }

  /** Mails by kind and status, for /metrics (no addresses, no content). */
  counts(): Promise<Array<{ kind: string; status: string; n: number }>> {
    return this.db.query(
      `SELECT kind, status, count(*)::int AS n FROM mail_outbox GROUP BY kind, status`,
    );
  }

  /** Erases sent, failed and kept mails past the retention window (mail.prune). */
  async prune(): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      `DELETE FROM mail_outbox WHERE status IN ('SENT', 'FAILED', 'KEPT')
          AND created_at < now() - make_interval(days => $1) RETURNING id`,
      [this.config.mailRetentionDays],
    );
    return rows.length;
  }

  close(): void {
    this.transport?.close();
  }
}
