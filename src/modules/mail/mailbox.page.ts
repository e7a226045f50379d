// /mailbox: without SMTP_URL the hub keeps its mails instead of sending them, and ADMINs and
// COORDINATORs read them here, newest first, with clickable links, so the whole flow (confirm,
// withdraw, sign in) can be tried on one machine. A small German page that needs no JavaScript:
// sign in with a token (Authorization header, or the form, which POSTs it; never in the URL).
import type { KeptMail } from './mail.service';
import { escapeHtml } from '../shared/html';

/** Escapes the text, then turns http(s) addresses into links (their text is the address). */
function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2933; background: #f3f5f8; line-height: 1.5; }
  main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
  .hint { color: #4b5563; }
  article { background: #fff; border: 1px solid #d5dde6; border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; }
  article h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0 .75rem; margin: 0 0 .75rem; color: #4b5563; font-size: .95rem; }
  dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; margin: 0; }
  a { color: #0b5a41; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { width: 100%; max-width: 40rem; padding: .5rem; font: inherit; border: 1px solid #6b7280; border-radius: 4px; box-sizing: border-box; }
  button { margin-top: .75rem; padding: .5rem 1rem; font: inherit; background: #0b6e4f; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #9b1c1c; font-weight: 600; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function signInPage(error?: string): string {
  return page(
    'Postfach · Engagement-Hub',
    `<h1>Postfach des Engagement-Hubs</h1>
<p class="hint">Ohne Mailserver (SMTP_URL) verschickt der Hub keine Mails, sondern bewahrt sie hier auf.
Lesen dürfen sie Administration und Koordination.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/mailbox">
  <label for="token">Ihr Anmelde-Token</label>
  <input id="token" name="token" type="password" autocomplete="off" required>
  <button type="submit">Postfach öffnen</button>
</form>
<p class="hint">Ein Token erzeugt die Administration mit <code>npm run hub -- token --role ADMIN</code>.</p>`,
  );
}

export function noMailboxPage(): string {
  return page(
    'Kein Postfach · Engagement-Hub',
    `<h1>Kein Postfach</h1>
<p>Dieser Hub verschickt seine Mails über einen Mailserver oder gar nicht; hier wird nichts aufbewahrt.</p>`,
  );
}

export function mailboxPage(mails: KeptMail[]): string {
  const list = mails.length
    ? mails
        .map(
          (m) => `<article aria-labelledby="mail-${m.id}">
<h2 id="mail-${m.id}">${escapeHtml(m.subject)}</h2>
<dl>
  <dt>An</dt><dd>${escapeHtml(m.recipient)}</dd>
  <dt>Zeit</dt><dd><time datetime="${m.createdAt.toISOString()}">${escapeHtml(dateFormat.format(m.createdAt))}</time></dd>
  <dt>Art</dt><dd>${escapeHtml(m.kind)}</dd>
</dl>
<pre>${linkify(m.text)}</pre>
</article>`,
        )
        .join('\n')
    : '<p>Noch keine Mails.</p>';
  return page(
    'Postfach · Engagement-Hub',
    `<h1>Postfach des Engagement-Hubs</h1>
<p class="hint">Mails, die der Hub verschickt hätte, die neuesten zuerst (${mails.length}).</p>
${list}`,
  );
}
