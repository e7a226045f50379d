// The invitations of a survey: written when it opens (one per actor of the audience in the
// region and below, held by the unique (survey, actor)), each with a personal answer link
// (links module, kind `survey`) mailed in the same transaction to the actor's public contact
// address and to the accounts that act for it. An actor without any address is kept as
// unreachable, for the coordinator to phone. The link's token is what submitSurveyResponse
// takes; it works while the survey is open, however often it is used.
import type { Transaction } from '../../db/database';
import type { LinkService } from '../links/link.service';
import type { MailService } from '../mail/mail.service';
import { renderMail } from '../mail/render';
import { isEmail, normalizeEmail } from '../shared/email';
import type { Survey } from './survey.entity';

export const SURVEY_LINK_KIND = 'survey';
const YEAR = 365 * 86_400_000;

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'long',
  timeZone: 'Europe/Berlin',
});

interface Invitee {
  invitationId: number;
  actorName: string;
  addresses: string[];
}

export class SurveyInvitations {
  constructor(
    private readonly mail: MailService,
    private readonly links: LinkService,
  ) {}

  /** Invites every actor of the audience not invited yet; returns how many were invited. */
  async inviteAll(tx: Transaction, survey: Survey): Promise<number> {
    const rows = await tx.rows<{ id: number }>(
      `INSERT INTO survey_invitation (survey_id, actor_id, region_id, reachable)
       SELECT $1, a.id, a.region_id,
              (a.contact_email IS NOT NULL AND a.contact_email <> '') OR EXISTS (
                SELECT 1 FROM account ac WHERE a.id = ANY(ac.actor_ids) AND NOT ac.disabled)
         FROM actor a
        WHERE a.region_id IN (SELECT sub.id FROM region sub
                WHERE sub.path LIKE (SELECT r.path FROM region r WHERE r.id = $2) || '%')
          AND (cardinality($3::actor_kind[]) = 0 OR a.kind = ANY($3::actor_kind[]))
       ON CONFLICT ON CONSTRAINT "UQ_survey_invitation_actor" DO NOTHING
       RETURNING id`,
      [survey.id, survey.regionId, survey.audience],
    );
    await this.mailInvitees(
      tx,
      survey,
      rows.map((r) => Number(r.id)),
      false,
    );
    return rows.length;
  }

  /** Mails a fresh answer link to each given invitation; returns how many got a mail. */
  async mailInvitees(
    tx: Transaction,
    survey: Survey,
    invitationIds: number[],
    reminder: boolean,
  ): Promise<number> {
    if (invitationIds.length === 0) return 0;
    const invitees = await tx.rows<{ id: number; name: string; addresses: string[] | null }>(
      `SELECT i.id, a.name,
              array_remove(array_cat(ARRAY[a.contact_email]::text[],
                ARRAY(SELECT ac.email::text FROM account ac
                       WHERE a.id = ANY(ac.actor_ids) AND NOT ac.disabled ORDER BY ac.id)), NULL)
                AS addresses
         FROM survey_invitation i JOIN actor a ON a.id = i.actor_id
        WHERE i.id = ANY($1::int[]) ORDER BY i.id`,
      [invitationIds],
    );
    let mailed = 0;
    for (const row of invitees) {
      const invitee: Invitee = {
        invitationId: Number(row.id),
        actorName: row.name,
        addresses: [...new Set((row.addresses ?? []).map(normalizeEmail))].filter(isEmail),
      };
      if (invitee.addresses.length === 0) continue;
      const link = await this.links.create(tx, {
        action: 'ANSWER_SURVEY',
        kind: SURVEY_LINK_KIND,
        subjectType: 'SurveyInvitation',
        subjectId: String(invitee.invitationId),
        expiresAt: survey.closesAt ?? new Date(Date.now() + YEAR),
      });
      // The answer page itself (a form that works in any browser), not the generic link page.
      const url = this.links.absoluteUrl(`/umfrage/${link.token}`);
      const content = renderMail(this.content(survey, invitee.actorName, url, reminder));
      for (const to of invitee.addresses) {
        await this.mail.enqueue(tx, {
          to,
          kind: reminder ? 'survey-reminder' : 'survey-invitation',
          ...content,
        });
      }
      mailed++;
    }
    return mailed;
  }

  private content(survey: Survey, actorName: string, url: string, reminder: boolean) {
    const until = survey.closesAt ? ` bis zum ${dateFormat.format(survey.closesAt)}` : '';
    return {
      subject: `${reminder ? 'Erinnerung: ' : ''}Bedarfsabfrage „${survey.title}“`,
      heading: reminder ? 'Erinnerung an die Bedarfsabfrage' : 'Einladung zur Bedarfsabfrage',
      paragraphs: [
        'Guten Tag,',
        reminder
          ? `für ${actorName} fehlt noch die Antwort auf die Bedarfsabfrage „${survey.title}“.`
          : `Ihre Ehrenamtskoordination fragt, was ${actorName} braucht: „${survey.title}“.`,
        ...(survey.introduction ? [survey.introduction] : []),
        `Bitte antworten Sie${until}. Mit dem Link unten geht das ohne Anmeldung. Sie können Ihre Antworten ändern, solange die Abfrage läuft.`,
        'Geben Sie den Link bitte nicht weiter: Er gilt nur für Ihre Einrichtung.',
      ],
      actions: [{ label: 'Bedarfsabfrage beantworten', url }],
    };
  }
}
