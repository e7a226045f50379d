// Double opt-in for private volunteers. A sign-up holds its quantity at once (the need is never
// overbooked) and mails a confirm link (48 h) and a withdraw link (until the need ends); an
// unconfirmed pledge is withdrawn after 48 h by the job needs.withdrawUnconfirmed, with a
// PLEDGE_WITHDRAWN event and its personal data erased. A repeated sign-up with an address that
// already has a live pledge answers the caller exactly like a new one and mails the address's
// owner instead (nobody learns from the answer whether an address volunteered).
import type { Config } from '../../config/env';
import type { Database, Transaction } from '../../db/database';
import { NeedEventType } from '../../events/need-event.entity';
import { NeedEventInput, recordNeedEvents } from '../../events/need-event.writer';
import { toGlobalId } from '../../graphql/global-id';
import { SYSTEM_VIEWER, type Viewer } from '../../graphql/viewer';
import type { JobQueue } from '../../queue/job-queue';
import type { AuditService } from '../audit/audit.service';
import type { LinkOutcome, LinkService, UsableLink } from '../links/link.service';
import type { MailService } from '../mail/mail.service';
import { formatBerlin, renderMail } from '../mail/render';
import type { Need } from './need.entity';

export const CONFIRM_HOURS = 48;
export const LINK_KIND = 'pledge';
export const WITHDRAW_UNCONFIRMED_TASK = 'needs.withdrawUnconfirmed';
export const unconfirmedJobKey = (pledgeId: number | string) => `pledge-unconfirmed:${pledgeId}`;
export const reminderJobKey = (pledgeId: number | string) => `pledge-remind:${pledgeId}`;

const ERASE = `volunteer_name = NULL, volunteer_email = NULL, note = NULL, anonymized_at = now()`;

/** Berlin wall time, as every mail of the hub writes it. */
export const formatWhen = formatBerlin;

export class VolunteerOptIn {
  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly queue: JobQueue,
    private readonly mail: MailService,
    private readonly links: LinkService,
    private readonly audit: AuditService,
  ) {}

  /** Until when a volunteer may withdraw by link: the need's end, else the retention window. */
  private withdrawUntil(need: Need): Date {
    const end = need.endsAt ?? need.deadline ?? need.startsAt;
    return end ?? new Date(Date.now() + this.config.volunteerRetentionDays * 86_400_000);
  }

  private async actorName(q: Transaction, need: Pick<Need, 'actorId'>): Promise<string> {
    const [a] = await q.rows<{ name: string }>('SELECT name FROM actor WHERE id = $1', [
      need.actorId,
    ]);
    return a?.name ?? 'der Anbieter';
  }

  /**
   * In the sign-up's transaction, before the need is locked: the links, the confirmation mail
   * and the 48-hour job of the pledge about to be inserted with this id.
   */
  async signedUp(
    tx: Transaction,
    pledge: { id: number },
    email: string,
    need: Need,
  ): Promise<void> {
    const confirmUntil = new Date(Date.now() + CONFIRM_HOURS * 3_600_000);
    const subject = { kind: LINK_KIND, subjectType: 'Pledge', subjectId: String(pledge.id) };
    const confirm = await this.links.create(tx, {
      action: 'CONFIRM',
      ...subject,
      expiresAt: confirmUntil,
    });
    const withdraw = await this.links.create(tx, {
      action: 'WITHDRAW',
      ...subject,
      expiresAt: this.withdrawUntil(need),
    });
    const actor = await this.actorName(tx, need);
    const when = need.startsAt ? ` am ${formatWhen(need.startsAt)}` : '';
    const mail = renderMail({
      subject: `Bitte bestätigen Sie Ihre Meldung: ${need.title}`,
      heading: 'Bitte bestätigen Sie Ihre Meldung',
      paragraphs: [
        'Guten Tag,',
        `mit dieser E-Mail-Adresse hat sich jemand gemeldet, um bei „${need.title}“ (${actor})${when} zu helfen.`,
        `Wenn Sie das waren: Bitte bestätigen Sie Ihre Meldung innerhalb von ${CONFIRM_HOURS} Stunden. Ohne Bestätigung wird sie danach gelöscht.`,
        'Wenn Sie das nicht waren, müssen Sie nichts tun.',
      ],
      actions: [
        { label: 'Meldung bestätigen', url: confirm.url },
        { label: 'Meldung zurückziehen', url: withdraw.url },
      ],
    });
    await this.mail.enqueue(tx, { to: email, kind: 'pledge-confirm', ...mail });
    await this.queue.add(
      tx,
      WITHDRAW_UNCONFIRMED_TASK,
      { pledgeId: pledge.id },
      { runAt: confirmUntil, jobKey: unconfirmedJobKey(pledge.id) },
    );
  }

  /** A sign-up with an address that already has a live pledge on this need: tell its owner. */
  async signedUpAgain(email: string, need: Need): Promise<void> {
    await this.db.transaction(async (tx) => {
      const actor = await this.actorName(tx, need);
      const mail = renderMail({
        subject: `Sie sind schon gemeldet: ${need.title}`,
        heading: 'Sie sind schon gemeldet',
        paragraphs: [
          'Guten Tag,',
          `mit dieser E-Mail-Adresse hat sich noch einmal jemand gemeldet, um bei „${need.title}“ (${actor}) zu helfen. Diese Adresse ist dort schon gemeldet; die erste Meldung gilt weiter.`,
          'Sie müssen nichts tun. Zurückziehen können Sie Ihre Meldung mit dem Link aus der ersten E-Mail.',
        ],
      });
      await this.mail.enqueue(tx, { to: email, kind: 'pledge-repeat', ...mail });
    });
  }

  /** The links of a pledge: confirm (the address is the volunteer's) or withdraw. */
  async useLink(tx: Transaction, link: UsableLink, viewer: Viewer): Promise<LinkOutcome> {
    const pledgeId = Number(link.subjectId);
    const subject = { type: 'Pledge', id: link.subjectId };
    if (link.action === 'CONFIRM') {
      const [row] = await tx.rows<{ need_id: number }>(
        `UPDATE pledge SET email_confirmed_at = now(), updated_at = now()
          WHERE id = $1 AND volunteer_email IS NOT NULL AND email_confirmed_at IS NULL
            AND status IN ('PENDING', 'CONFIRMED') RETURNING need_id`,
        [pledgeId],
      );
      if (!row) return { ok: false, message: 'Diese Meldung gibt es nicht mehr.' };
      await this.queue.removeJob(tx, unconfirmedJobKey(pledgeId));
      await this.audit.record(tx, viewer, {
        operation: 'confirmVolunteerEmail',
        targetIds: [toGlobalId('Pledge', pledgeId), toGlobalId('Need', row.need_id)],
      });
      await recordNeedEvents(tx, [{ needId: row.need_id, type: NeedEventType.UPDATED }]);
      await this.afterConfirm?.(tx, pledgeId);
      return { ok: true, message: 'Danke! Ihre Meldung ist bestätigt.', subject };
    }
    if (link.action === 'WITHDRAW') {
      const done = await this.withdraw(tx, pledgeId, viewer, 'withdrawPledgeByLink', false);
      return done
        ? {
            ok: true,
            message: 'Ihre Meldung ist zurückgezogen. Danke, dass Sie Bescheid gegeben haben.',
          }
        : { ok: false, message: 'Diese Meldung gibt es nicht mehr.' };
    }
    return { ok: false, message: 'Dieser Link ist ungültig.' };
  }

  /** Set by the reminders: runs in the confirming transaction. */
  afterConfirm?: (tx: Transaction, pledgeId: number) => Promise<void>;

  /** The 48-hour job: withdraws the pledge if its address was still not confirmed. */
  async withdrawUnconfirmed(pledgeId: number): Promise<boolean> {
    return this.db.transaction((tx) =>
      this.withdraw(tx, pledgeId, SYSTEM_VIEWER, 'withdrawUnconfirmedPledge', true),
    );
  }

  /**
   * Withdraws a volunteer's live pledge, gives its quantity back (FILLED -> OPEN), erases the
   * volunteer's data, makes its other links unusable and drops its pending jobs.
   */
  private async withdraw(
    tx: Transaction,
    pledgeId: number,
    viewer: Viewer,
    operation: string,
    onlyUnconfirmed: boolean,
  ): Promise<boolean> {
    // Lock the need first, then the pledge: the same order as pledging.
    const [need] = await tx.rows<{ id: number; status: string; region_id: number }>(
      `SELECT id, status, region_id FROM need
        WHERE id = (SELECT need_id FROM pledge WHERE id = $1) FOR UPDATE`,
      [pledgeId],
    );
    if (!need) return false;
    const [pledge] = await tx.rows<{ quantity: number }>(
      `UPDATE pledge SET status = 'WITHDRAWN', ${ERASE}, updated_at = now()
        WHERE id = $1 AND volunteer_email IS NOT NULL AND status IN ('PENDING', 'CONFIRMED')
          ${onlyUnconfirmed ? 'AND email_confirmed_at IS NULL' : ''}
        RETURNING quantity`,
      [pledgeId],
    );
    if (!pledge) return false;
    const [after] = await tx.rows<{ status: string }>(
      `UPDATE need SET pledged_quantity = pledged_quantity - $2,
              status = CASE WHEN status = 'FILLED' THEN 'OPEN'::need_status ELSE status END,
              updated_at = now()
        WHERE id = $1 RETURNING status`,
      [need.id, pledge.quantity],
    );
    const events: NeedEventInput[] = [{ needId: need.id, type: NeedEventType.PLEDGE_WITHDRAWN }];
    if (need.status === 'FILLED' && after.status === 'OPEN') {
      events.push({ needId: need.id, type: NeedEventType.REOPENED });
    }
    await this.links.revoke(tx, LINK_KIND, String(pledgeId));
    await this.queue.removeJob(tx, unconfirmedJobKey(pledgeId));
    await this.queue.removeJob(tx, reminderJobKey(pledgeId));
    await this.audit.record(tx, viewer, {
      operation,
      targetIds: [toGlobalId('Pledge', pledgeId), toGlobalId('Need', need.id)],
      regionId: need.region_id,
    });
    await recordNeedEvents(tx, events);
    return true;
  }
}
