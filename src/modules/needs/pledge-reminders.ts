// Reminders for volunteers (issue 14): a volunteer whose pledge is confirmed (the confirm link
// of the double opt-in was used) gets one mail 24 hours before the need's startsAt, with a fresh
// withdraw link. Confirming schedules it; moving startsAt moves the reminders of all confirmed
// pledges of the need (a start moved to less than 24 h ahead reminds at once: that mail tells
// the new time); a pledge that leaves PENDING/CONFIRMED drops its reminder; closing the need
// drops them all and mails each confirmed volunteer that the need is called off (or ended).
// Confirming less than 24 h before the start schedules no reminder: the confirmation mail
// named the time minutes ago. Each mail goes to one volunteer and names only the need and
// its actor, never another volunteer.
import type { Database, Transaction } from '../../db/database';
import { Reminders } from '../../queue/reminders';
import type { JobQueue } from '../../queue/job-queue';
import type { LinkService } from '../links/link.service';
import type { MailService } from '../mail/mail.service';
import { renderMail } from '../mail/render';
import { formatWhen, LINK_KIND, reminderJobKey } from './volunteer-opt-in';
import type { Need } from './need.entity';

export const PLEDGE_REMINDER_TASK = 'needs.remindPledge';

/** Live volunteer pledges whose address is confirmed: the ones that get reminders. */
const REMINDED = `p.volunteer_email IS NOT NULL AND p.email_confirmed_at IS NOT NULL
  AND p.status IN ('PENDING', 'CONFIRMED')`;

export class PledgeReminders {
  private readonly reminders: Reminders;

  constructor(
    private readonly db: Database,
    queue: JobQueue,
    private readonly mail: MailService,
    private readonly links: LinkService,
  ) {
    this.reminders = new Reminders(queue, PLEDGE_REMINDER_TASK, reminderJobKey);
  }

  /** In the confirming transaction: the reminder of this pledge, if its need has a start ahead. */
  async confirmed(tx: Transaction, pledgeId: number): Promise<void> {
    const [row] = await tx.rows<{ starts_at: Date | null; status: string }>(
      `SELECT n.starts_at, n.status FROM pledge p JOIN need n ON n.id = p.need_id
        WHERE p.id = $1 AND ${REMINDED}`,
      [pledgeId],
    );
    if (!row || row.status === 'CLOSED') return;
    await this.reminders.schedule(tx, [pledgeId], row.starts_at, 'skip');
  }

  /** In updateNeed's transaction when startsAt changed: moves (or drops) the reminders. */
  async needMoved(tx: Transaction, need: Need): Promise<void> {
    const ids = await this.remindedPledges(tx, need.id);
    await this.reminders.schedule(tx, ids, need.status === 'CLOSED' ? null : need.startsAt, 'now');
  }

  /** A pledge left PENDING/CONFIRMED (declined or withdrawn by an editor). */
  async pledgeEnded(tx: Transaction, pledgeId: number): Promise<void> {
    await this.reminders.cancel(tx, [pledgeId]);
  }

  /** In closeNeed's transaction: drops the reminders and tells each confirmed volunteer. */
  async needClosed(tx: Transaction, need: Need): Promise<void> {
    const rows = await tx.rows<{ id: number; volunteer_email: string }>(
      `SELECT p.id, p.volunteer_email FROM pledge p WHERE p.need_id = $1 AND ${REMINDED} ORDER BY p.id`,
      [need.id],
    );
    await this.reminders.cancel(
      tx,
      rows.map((r) => r.id),
    );
    if (rows.length === 0) return;
    const actor = await this.actorName(tx, need.actorId);
    const ahead = need.startsAt != null && need.startsAt.getTime() > Date.now();
    const when = need.startsAt ? ` am ${formatWhen(need.startsAt)}` : '';
    const mail = ahead
      ? renderMail({
          subject: `Abgesagt: ${need.title}`,
          heading: 'Ihr Einsatz ist abgesagt',
          paragraphs: [
            'Guten Tag,',
            `${actor} hat „${need.title}“${when} abgesagt. Ihre Hilfe wird dafür nicht mehr gebraucht; Sie müssen nichts tun.`,
            'Danke, dass Sie helfen wollten!',
          ],
        })
      : renderMail({
          subject: `Beendet: ${need.title}`,
          heading: 'Die Suche ist beendet',
          paragraphs: [
            'Guten Tag,',
            `${actor} hat die Suche „${need.title}“ beendet. Sie müssen nichts tun.`,
            'Danke, dass Sie helfen wollten!',
          ],
        });
    for (const r of rows) {
      await this.mail.enqueue(tx, { to: r.volunteer_email, kind: 'pledge-cancelled', ...mail });
    }
  }

  /**
   * The job: mails the reminder if the pledge is still confirmed and live, the need not closed
   * and still starting at `startsAt` (ahead). The conditional UPDATE of reminder_sent_for makes
   * a second run for the same start (another instance, a retry, a duplicate job) send nothing.
   */
  async send(pledgeId: number, startsAt: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.rows<{
        volunteer_email: string;
        need_id: number;
        title: string;
        actor_id: number;
        ends_at: Date | null;
        deadline: Date | null;
      }>(
        `UPDATE pledge p SET reminder_sent_for = n.starts_at
           FROM need n
          WHERE p.id = $1 AND n.id = p.need_id AND ${REMINDED}
            AND n.status <> 'CLOSED' AND date_trunc('milliseconds', n.starts_at) = $2
            AND n.starts_at > now()
            AND p.reminder_sent_for IS DISTINCT FROM n.starts_at
          RETURNING p.volunteer_email, n.id AS need_id, n.title, n.actor_id, n.ends_at, n.deadline`,
        [pledgeId, startsAt],
      );
      if (!row) return false;
      const withdraw = await this.links.create(tx, {
        action: 'WITHDRAW',
        kind: LINK_KIND,
        subjectType: 'Pledge',
        subjectId: String(pledgeId),
        expiresAt: row.ends_at ?? row.deadline ?? startsAt,
      });
      const actor = await this.actorName(tx, row.actor_id);
      const mail = renderMail({
        subject: `Erinnerung: ${row.title}`,
        heading: 'Erinnerung an Ihren Einsatz',
        paragraphs: [
          'Guten Tag,',
          `Sie haben sich gemeldet, um bei „${row.title}“ (${actor}) zu helfen. Los geht es am ${formatWhen(startsAt)}.`,
          'Danke, dass Sie dabei sind!',
          'Falls Sie doch nicht können: Bitte ziehen Sie Ihre Meldung zurück, damit jemand anderes einspringen kann.',
        ],
        actions: [{ label: 'Meldung zurückziehen', url: withdraw.url }],
      });
      await this.mail.enqueue(tx, { to: row.volunteer_email, kind: 'pledge-reminder', ...mail });
      return true;
    });
  }

  private async remindedPledges(tx: Transaction, needId: number): Promise<number[]> {
    const rows = await tx.rows<{ id: number }>(
      `SELECT p.id FROM pledge p WHERE p.need_id = $1 AND ${REMINDED} ORDER BY p.id`,
      [needId],
    );
    return rows.map((r) => r.id);
  }

  private async actorName(tx: Transaction, actorId: number): Promise<string> {
    const [a] = await tx.rows<{ name: string }>('SELECT name FROM actor WHERE id = $1', [actorId]);
    return a?.name ?? 'Der Anbieter';
  }
}
