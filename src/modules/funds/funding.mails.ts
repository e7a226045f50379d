// Mails of engagement funds, to the applicant's own accounts only: the decision on their
// application, in plain German, with a link to it in the dashboard.
import { renderMail } from '../mail/render';

export function euros(cents: number): string {
  return (cents / 100).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });
}

export function decisionMail(d: {
  programme: string;
  title: string;
  approved: boolean;
  approvedCents: number | null;
  url: string;
}) {
  return d.approved
    ? renderMail({
        subject: `Ihr Förderantrag wurde bewilligt: ${d.title}`,
        heading: 'Ihr Antrag wurde bewilligt',
        paragraphs: [
          `Die Koordination hat Ihren Antrag „${d.title}“ beim Programm „${d.programme}“ bewilligt.`,
          `Bewilligt sind ${euros(d.approvedCents ?? 0)}. Die Auszahlung wird im Engagement-Hub vermerkt.`,
          'Wenn das Vorhaben abgeschlossen ist, schicken Sie bitte einen kurzen Verwendungsnachweis: was Sie gemacht haben und wie viel Geld Sie ausgegeben haben.',
        ],
        actions: [{ label: 'Antrag im Engagement-Hub öffnen', url: d.url }],
      })
    : renderMail({
        subject: `Ihr Förderantrag wurde abgelehnt: ${d.title}`,
        heading: 'Ihr Antrag wurde leider abgelehnt',
        paragraphs: [
          `Die Koordination hat Ihren Antrag „${d.title}“ beim Programm „${d.programme}“ abgelehnt.`,
          'Bei Fragen dazu wenden Sie sich bitte an die Koordination in Ihrer Region.',
        ],
        actions: [{ label: 'Antrag im Engagement-Hub öffnen', url: d.url }],
      });
}
