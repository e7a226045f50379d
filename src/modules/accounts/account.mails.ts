// The accounts module's mails, in German, rendered from typed data (the mail module escapes).
import { renderMail } from '../mail/render';
import { AccountRole } from './account.entity';

const ROLE_NAMES: Record<AccountRole, string> = {
  MEMBER: 'Mitglied (für Ihre Organisation)',
  NETWORKER: 'Netzwerkpartner',
  COORDINATOR: 'Koordination',
  ADMIN: 'Verwaltung des Hubs',
  PILOT: 'Ehrenamtslotse',
};

export function signInMail(c: { url: string; minutes: number }) {
  return renderMail({
    subject: 'Ihr Anmeldelink',
    heading: 'Anmelden beim Engagement-Hub',
    paragraphs: [
      'Sie haben einen Anmeldelink angefordert. Mit dem Link unten melden Sie sich an.',
      `Der Link gilt ${c.minutes} Minuten und nur einmal.`,
      'Wenn Sie keinen Link angefordert haben, können Sie diese E-Mail einfach löschen.',
    ],
    actions: [{ label: 'Jetzt beim Engagement-Hub anmelden', url: c.url }],
  });
}

export function invitationMail(c: { url: string; days: number; role: AccountRole }) {
  return renderMail({
    subject: 'Einladung zum Engagement-Hub',
    heading: 'Sie sind zum Engagement-Hub eingeladen',
    paragraphs: [
      `Für Sie wurde ein Zugang angelegt. Ihre Rolle: ${ROLE_NAMES[c.role]}.`,
      `Mit dem Link unten melden Sie sich zum ersten Mal an. Er gilt ${c.days} Tage und nur einmal.`,
      'Später fordern Sie auf der Anmeldeseite jederzeit einen neuen Link an.',
    ],
    actions: [{ label: 'Einladung annehmen und anmelden', url: c.url }],
  });
}
