// The consultations module's mails. Each carries the area and a link to the consultation in the
// dashboard, never its subject, question or messages: a mail may be forwarded or read by
// someone else at the club, and the thread is shown only to those signed in as a party.
import { renderMail } from '../mail/render';
import { AREA_NAMES, ExpertiseArea } from '../pilots/expertise-area';

export function assignedMail(c: { area: ExpertiseArea; url: string; dueAt: Date | null }) {
  const due = c.dueAt
    ? ` Eine Antwort wäre bis zum ${c.dueAt.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })} schön.`
    : '';
  return renderMail({
    subject: `Neue Anfrage an Sie: ${AREA_NAMES[c.area]}`,
    heading: 'Eine neue Anfrage wartet auf Sie',
    paragraphs: [
      `Die Koordination hat Ihnen eine Frage aus dem Bereich ${AREA_NAMES[c.area]} zugeteilt.${due}`,
      'Die Frage lesen und beantworten Sie nach der Anmeldung im Engagement-Hub.',
    ],
    actions: [{ label: 'Anfrage im Engagement-Hub öffnen', url: c.url }],
  });
}

export function newMessageMail(c: { area: ExpertiseArea; url: string }) {
  return renderMail({
    subject: `Neue Nachricht zu einer Anfrage: ${AREA_NAMES[c.area]}`,
    heading: 'Es gibt eine neue Nachricht',
    paragraphs: [
      `Zu der Anfrage aus dem Bereich ${AREA_NAMES[c.area]} ist eine neue Nachricht da.`,
      'Sie lesen sie nach der Anmeldung im Engagement-Hub.',
    ],
    actions: [{ label: 'Nachricht im Engagement-Hub lesen', url: c.url }],
  });
}

export function overdueMail(c: { area: ExpertiseArea; url: string }) {
  return renderMail({
    subject: `Erinnerung: Anfrage wartet auf Antwort (${AREA_NAMES[c.area]})`,
    heading: 'Eine Anfrage wartet noch auf Ihre Antwort',
    paragraphs: [
      `Die Anfrage aus dem Bereich ${AREA_NAMES[c.area]} ist seit ihrem Antworttermin offen.`,
      'Wenn Sie nicht antworten können, sagen Sie bitte der Koordination Bescheid, damit sie die Anfrage weitergibt.',
    ],
    actions: [{ label: 'Anfrage im Engagement-Hub öffnen', url: c.url }],
  });
}
