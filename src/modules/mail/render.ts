// Every mail the hub sends is rendered here from typed data: German, a plain-text part and an
// accessible HTML part (language set, one real heading, paragraphs, links whose text says
// where they lead, no images). Everything is escaped; nothing a person typed becomes markup.
import { escapeHtml } from '../shared/html';

export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  actions?: Array<{ label: string; url: string }>;
  footer?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const DEFAULT_FOOTER =
  'Diese Nachricht hat der Engagement-Hub automatisch verschickt. Bitte antworten Sie nicht darauf.';

/** No line breaks in a header (header injection), no control characters anywhere. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function safeUrl(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new Error(`a mail link must be http(s), not ${u.protocol}`);
  }
  return u.toString();
}

const berlin = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

/** An instant as people in the region read it: Berlin wall time ("Freitag, 4. Dezember 2026 um 18:00 Uhr"). */
export function formatBerlin(d: Date): string {
  return `${berlin.format(d)} Uhr`;
}

export function renderMail(c: MailContent): RenderedMail {
  const subject = oneLine(c.subject);
  const heading = oneLine(c.heading);
  const paragraphs = c.paragraphs.map(clean);
  const actions = (c.actions ?? []).map((a) => ({ label: oneLine(a.label), url: safeUrl(a.url) }));
  const footer = clean(c.footer ?? DEFAULT_FOOTER);

  const text = [
    heading,
    '='.repeat(Math.min(heading.length, 72)),
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...actions.flatMap((a) => [`${a.label}:`, a.url, '']),
    '-- ',
    footer,
    '',
  ].join('\n');

  const button =
    'display:inline-block;padding:.6em 1em;background:#0b6e4f;color:#ffffff;' +
    'text-decoration:underline;border-radius:4px;font-weight:bold';
  const html = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:1.5em;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;background:#ffffff">
<main>
<h1 style="font-size:1.4em;margin:0 0 .8em">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n')}
${actions
  .map(
    (a) =>
      `<p><a href="${escapeHtml(a.url)}" style="${button}">${escapeHtml(a.label)}</a></p>\n` +
      `<p style="font-size:.9em;color:#4b5563">Falls der Knopf nicht funktioniert, öffnen Sie diese Adresse: ${escapeHtml(a.url)}</p>`,
  )
  .join('\n')}
</main>
<footer>
<hr style="border:0;border-top:1px solid #d5dde6;margin:2em 0 1em">
<p style="font-size:.9em;color:#4b5563">${escapeHtml(footer)}</p>
</footer>
</body>
</html>
`;
  return { subject, text, html };
}
