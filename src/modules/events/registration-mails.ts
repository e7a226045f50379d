// The mails of event registrations (issue 16): the double opt-in of private persons (confirm
// link, 48 h; withdraw link, until the start), the answer to a repeated registration (mailed to
// the address's owner, the caller's answer looks new), the mail to whoever moves up from the
// waitlist, the mail to everyone registered when the event is cancelled, and the reminder 24 h
// before the start to confirmed registrants (the shared reminder jobs of src/queue/reminders.ts).
// Who gets a mail: a private person at the address they gave; for an actor's registration the
// account that registered it (registered_by "account:<id>", not disabled), else nobody (a
// registration made with a minted or IdP token has no address to write to). Every mail goes to
// one recipient and names the event, its organiser and its time, never a registrant's name.
import type { Database, Transaction } from '../../db/database';
import { SYSTEM_VIEWER } from '../../graphql/viewer';
import type { JobQueue } from '../../queue/job-queue';
import { Reminders } from '../../queue/reminders';
import type { LinkOutcome, LinkService, UsableLink } from '../links/link.service';
import type { MailService } from '../mail/mail.service';
import { formatBerlin, renderMail } from '../mail/render';
import { HubEvent, EventStatus } from './event.entity';
import { EventRegistration, RegistrationStatus } from './event-registration.entity';
import type { EventService } from './event.service';
import { HOLD_MS, RegistrationChange, RegistrationService } from './registration.service';

export const REGISTRATION_LINK_KIND = 'event-registration';
export const REGISTRATION_REMINDER_TASK = 'events.remindRegistration';
export const registrationReminderKey = (id: number) => `registration-remind:${id}`;

const CONFIRM_HOURS = HOLD_MS / 3_600_000;
const GONE = 'Diese Anmeldung gibt es nicht mehr.';
const LIVE = `('UNCONFIRMED', 'CONFIRMED', 'WAITLISTED')`;

type Who = Pick<EventRegistration, 'id' | 'email' | 'registeredBy'>;

export class RegistrationMails {
  private readonly reminders: Reminders;

  constructor(
    private readonly db: Database,
    queue: JobQueue,
    private readonly mail: MailService,
    private readonly links: LinkService,
    private readonly registrations: RegistrationService,
    private readonly events: EventService,
  ) {
    this.reminders = new Reminders(queue, REGISTRATION_REMINDER_TASK, registrationReminderKey);
  }

  /** registerForEvent's transaction: the opt-in mail of a private person, an actor's reminder. */
  async registered(tx: Transaction, { event, registration: r }: RegistrationChange): Promise<void> {
    if (r.status === RegistrationStatus.CONFIRMED) await this.remind(tx, event, [r], 'skip');
    if (!r.email) return;
    const confirm = await this.link(tx, r.id, 'CONFIRM', new Date(Date.now() + HOLD_MS));
    const withdraw = await this.link(tx, r.id, 'WITHDRAW', event.startsAt);
    const waiting = r.status === RegistrationStatus.WAITLISTED;
    const mail = renderMail({
      subject: `Bitte bestätigen Sie Ihre Anmeldung: ${event.title}`,
      heading: 'Bitte bestätigen Sie Ihre Anmeldung',
      paragraphs: [
        'Guten Tag,',
        `mit dieser E-Mail-Adresse hat sich jemand für ${await this.what(tx, event)} angemeldet${seatsText(r.seats)}.`,
        ...where(event),
        waiting
          ? 'Die Veranstaltung ist zurzeit ausgebucht: Die Anmeldung steht auf der Warteliste. Wird ein Platz frei, rückt sie in der Reihenfolge der Anmeldungen nach, und Sie bekommen eine E-Mail.'
          : `Wenn Sie das waren: Bitte bestätigen Sie Ihre Anmeldung innerhalb von ${CONFIRM_HOURS} Stunden. Ohne Bestätigung verfällt der Platz danach.`,
        'Wenn Sie das nicht waren, müssen Sie nichts tun.',
      ],
      actions: [
        { label: 'Anmeldung bestätigen', url: confirm },
        { label: 'Anmeldung zurückziehen', url: withdraw },
      ],
    });
    await this.mail.enqueue(tx, { to: r.email, kind: 'registration-confirm', ...mail });
  }

  /** A repeated registration with an address already registered: tell the address's owner. */
  async registeredAgain(email: string, event: HubEvent): Promise<void> {
    await this.db.transaction(async (tx) => {
      const mail = renderMail({
        subject: `Sie sind schon angemeldet: ${event.title}`,
        heading: 'Sie sind schon angemeldet',
        paragraphs: [
          'Guten Tag,',
          `mit dieser E-Mail-Adresse hat sich noch einmal jemand für ${await this.what(tx, event)} angemeldet. Diese Adresse ist dort schon angemeldet; die erste Anmeldung gilt weiter.`,
          'Sie müssen nichts tun. Zurückziehen können Sie Ihre Anmeldung mit dem Link aus der ersten E-Mail.',
        ],
      });
      await this.mail.enqueue(tx, { to: email, kind: 'registration-repeat', ...mail });
    });
  }

  /** The links of a registration: confirm (the address is the person's) or withdraw. */
  async useLink(tx: Transaction, link: UsableLink): Promise<LinkOutcome> {
    const id = Number(link.subjectId);
    if (link.action === 'CONFIRM') {
      const r = await this.registrations.confirmEmail(tx, id);
      if (!r) return { ok: false, message: GONE };
      const [event] = await tx.rows<{ status: string }>('SELECT status FROM event WHERE id = $1', [
        r.eventId,
      ]);
      if (event?.status !== EventStatus.SCHEDULED) {
        return { ok: false, message: 'Diese Veranstaltung ist abgesagt.' };
      }
      if (r.status === RegistrationStatus.CONFIRMED) {
        await this.remind(tx, await this.eventOf(tx, r.eventId), [r], 'skip');
        return { ok: true, message: 'Danke! Ihre Anmeldung ist bestätigt.' };
      }
      return {
        ok: true,
        message:
          'Danke! Ihre Adresse ist bestätigt. Sie stehen auf der Warteliste; wird ein Platz frei, bekommen Sie eine E-Mail.',
      };
    }
    if (link.action === 'WITHDRAW') {
      const [r] = await tx.rows<{ event_id: number }>(
        `SELECT event_id FROM event_registration WHERE id = $1 AND email IS NOT NULL AND status IN ${LIVE}`,
        [id],
      );
      if (!r) return { ok: false, message: GONE };
      await this.registrations.cancelIn(tx, SYSTEM_VIEWER, r.event_id, id, true);
      return {
        ok: true,
        message: 'Ihre Anmeldung ist zurückgezogen. Danke, dass Sie Bescheid gegeben haben.',
      };
    }
    return { ok: false, message: 'Dieser Link ist ungültig.' };
  }

  /** In the promoting transaction: a mail to each who moved up (and their reminder). */
  async promoted(tx: Transaction, event: HubEvent, promoted: EventRegistration[]): Promise<void> {
    const what = await this.what(tx, event);
    for (const r of promoted) {
      const to = await this.recipient(tx, r);
      const confirmed = r.status === RegistrationStatus.CONFIRMED;
      if (confirmed) await this.remind(tx, event, [r], 'skip');
      if (!to) continue;
      const actions = [];
      if (!confirmed) {
        const url = await this.link(tx, r.id, 'CONFIRM', new Date(Date.now() + HOLD_MS));
        actions.push({ label: 'Anmeldung bestätigen', url });
      }
      if (r.email) {
        const url = await this.link(tx, r.id, 'WITHDRAW', event.startsAt);
        actions.push({ label: 'Anmeldung zurückziehen', url });
      }
      const mail = renderMail({
        subject: `Ein Platz ist frei: ${event.title}`,
        heading: 'Sie sind von der Warteliste nachgerückt',
        paragraphs: [
          'Guten Tag,',
          `für ${what} ist ein Platz frei geworden: Die Anmeldung${seatsText(r.seats)} ist von der Warteliste nachgerückt.`,
          ...where(event),
          confirmed
            ? 'Der Platz ist fest für Sie reserviert. Wenn Sie doch nicht kommen können, ziehen Sie die Anmeldung bitte zurück, damit jemand anderes nachrücken kann.'
            : `Bitte bestätigen Sie Ihre Anmeldung innerhalb von ${CONFIRM_HOURS} Stunden; ohne Bestätigung geht der Platz an die Nächsten auf der Warteliste.`,
        ],
        actions,
      });
      await this.mail.enqueue(tx, { to, kind: 'registration-promoted', ...mail });
    }
  }

  /** A registration was cancelled (by someone, by its link, or lapsed): its reminder goes. */
  async cancelled(tx: Transaction, { registration }: RegistrationChange): Promise<void> {
    await this.reminders.cancel(tx, [registration.id]);
    await this.links.revoke(tx, REGISTRATION_LINK_KIND, String(registration.id));
  }

  /** updateEvent's transaction when the start moved: the confirmed registrants' reminders move. */
  async moved(tx: Transaction, event: HubEvent): Promise<void> {
    const rows = await tx.rows<Who>(
      `SELECT id, email, registered_by AS "registeredBy" FROM event_registration
        WHERE event_id = $1 AND status = 'CONFIRMED' ORDER BY id`,
      [event.id],
    );
    await this.remind(tx, event, rows, 'now');
  }

  /** cancelEvent's transaction (once: a cancelled event is not cancelled again): one mail each. */
  async eventCancelled(tx: Transaction, event: HubEvent): Promise<void> {
    const rows = await tx.rows<Who>(
      `SELECT id, email, registered_by AS "registeredBy" FROM event_registration
        WHERE event_id = $1 AND status IN ${LIVE} ORDER BY id`,
      [event.id],
    );
    await this.reminders.cancel(
      tx,
      rows.map((r) => r.id),
    );
    const what = await this.what(tx, event);
    const mail = renderMail({
      subject: `Abgesagt: ${event.title}`,
      heading: 'Die Veranstaltung ist abgesagt',
      paragraphs: [
        'Guten Tag,',
        `${what} ist abgesagt. Ihre Anmeldung ist damit hinfällig; Sie müssen nichts tun.`,
        ...(event.cancelReason ? [`Begründung der Veranstalter: ${event.cancelReason}`] : []),
      ],
    });
    // One mail per address, even when an account registered several actors.
    const sent = new Set<string>();
    for (const r of rows) {
      await this.links.revoke(tx, REGISTRATION_LINK_KIND, String(r.id));
      const to = await this.recipient(tx, r);
      if (!to || sent.has(to)) continue;
      sent.add(to);
      await this.mail.enqueue(tx, { to, kind: 'registration-cancelled', ...mail });
    }
  }

  /**
   * The reminder job: mails a CONFIRMED registrant of a scheduled event that still starts at
   * `startsAt` (ahead). The conditional UPDATE of reminder_sent_for sends once per start time.
   */
  async sendReminder(id: number, startsAt: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.rows<Who & { eventId: number }>(
        `UPDATE event_registration r SET reminder_sent_for = e.starts_at
           FROM event e
          WHERE r.id = $1 AND e.id = r.event_id AND r.status = 'CONFIRMED'
            AND e.status = 'SCHEDULED' AND date_trunc('milliseconds', e.starts_at) = $2
            AND e.starts_at > now() AND r.reminder_sent_for IS DISTINCT FROM e.starts_at
          RETURNING r.id, r.email, r.registered_by AS "registeredBy", r.event_id AS "eventId"`,
        [id, startsAt],
      );
      if (!row) return false;
      const to = await this.recipient(tx, row);
      if (!to) return false;
      const event = await this.eventOf(tx, row.eventId);
      const actions = row.email
        ? [
            {
              label: 'Anmeldung zurückziehen',
              url: await this.link(tx, id, 'WITHDRAW', event.startsAt),
            },
          ]
        : [];
      const mail = renderMail({
        subject: `Erinnerung: ${event.title}`,
        heading: 'Erinnerung an Ihre Anmeldung',
        paragraphs: [
          'Guten Tag,',
          `bald ist es so weit: ${await this.what(tx, event)}.`,
          ...where(event),
          'Wenn Sie doch nicht kommen können, ziehen Sie die Anmeldung bitte zurück, damit jemand von der Warteliste nachrücken kann.',
        ],
        actions,
      });
      await this.mail.enqueue(tx, { to, kind: 'registration-reminder', ...mail });
      return true;
    });
  }

  /** Reminders only for registrations someone can be written to. */
  private async remind(
    tx: Transaction,
    event: HubEvent,
    regs: Who[],
    late: 'skip' | 'now',
  ): Promise<void> {
    const ids = regs.filter((r) => r.email || accountIdOf(r.registeredBy)).map((r) => r.id);
    await this.reminders.schedule(
      tx,
      ids,
      event.status === EventStatus.SCHEDULED ? event.startsAt : null,
      late,
    );
  }

  private async link(
    tx: Transaction,
    id: number,
    action: 'CONFIRM' | 'WITHDRAW',
    expiresAt: Date,
  ): Promise<string> {
    const { url } = await this.links.create(tx, {
      action,
      kind: REGISTRATION_LINK_KIND,
      subjectType: 'EventRegistration',
      subjectId: String(id),
      expiresAt,
    });
    return url;
  }

  /** The private person's address, else the address of the account that registered. */
  private async recipient(tx: Transaction, r: Who): Promise<string | null> {
    if (r.email) return r.email;
    const accountId = accountIdOf(r.registeredBy);
    if (accountId == null) return null;
    // The accounts module's table: its address is the account's own, kept current there.
    const [a] = await tx.rows<{ email: string }>(
      'SELECT email FROM account WHERE id = $1 AND NOT disabled',
      [accountId],
    );
    return a?.email ?? null;
  }

  private async eventOf(tx: Transaction, id: number): Promise<HubEvent> {
    const [e] = await tx.rows('SELECT * FROM event WHERE id = $1', [id]);
    return this.events.hydrate(e);
  }

  /** „Title“ (Organiser) am <Berlin time>. */
  private async what(tx: Transaction, event: HubEvent): Promise<string> {
    const [a] = await tx.rows<{ name: string }>('SELECT name FROM actor WHERE id = $1', [
      event.organizerId,
    ]);
    const by = a ? ` (${a.name})` : '';
    return `„${event.title}“${by} am ${formatBerlin(event.startsAt)}`;
  }
}

function seatsText(seats: number): string {
  return seats > 1 ? ` (${seats} Plätze)` : '';
}

function where(event: HubEvent): string[] {
  return event.venue ? [`Ort: ${event.venue}`] : [];
}

/** "account:<id>" (a hub session's subject) -> the account's id. */
function accountIdOf(registeredBy: string | null): number | null {
  const m = registeredBy ? /^account:(\d+)$/.exec(registeredBy) : null;
  return m ? Number(m[1]) : null;
}
