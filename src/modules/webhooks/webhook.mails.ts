// The webhooks module's mail, in German, rendered from typed data (the mail module escapes).
import { renderMail } from '../mail/render';

/**
 * To the owners of a webhook that was switched off after too many failures in a row. It names
 * the receiver by its host only: the path of a webhook address often carries a partner's token.
 */
export function webhookDeactivatedMail(c: {
  host: string;
  regionName: string;
  description: string | null;
  failures: number;
  lastError: string;
}) {
  return renderMail({
    subject: 'Webhook abgeschaltet',
    heading: 'Ein Webhook wurde abgeschaltet',
    paragraphs: [
      `Der Webhook an ${c.host} für ${c.regionName} hat ${c.failures} Zustellungen nacheinander nicht angenommen. Der Hub hat ihn deshalb abgeschaltet und schickt ihm nichts mehr.`,
      ...(c.description ? [`Er ist beschrieben als: „${c.description}“.`] : []),
      `Zuletzt: ${c.lastError}.`,
      'Prüfen Sie, ob der Empfänger erreichbar ist und mit einem Erfolgsstatus (2xx) antwortet. Danach löschen Sie den Webhook und legen ihn neu an. Er bekommt dabei ein neues Geheimnis zum Signieren.',
    ],
  });
}
