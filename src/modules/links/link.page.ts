// /link/<token>: the page a link from a mail opens, in any mail client and without JavaScript.
// Opening it (GET) changes nothing, because mail scanners and link previews open links too; the
// button POSTs the token back and the page shows what happened, in German.
import { LinkAction } from './link-action';
import { escapeHtml } from '../shared/html';

const ASK: Record<LinkAction, { title: string; text: string; button: string }> = {
  [LinkAction.CONFIRM]: {
    title: 'Anmeldung bestätigen',
    text: 'Bitte bestätigen Sie mit dem Knopf, dass diese E-Mail-Adresse Ihnen gehört.',
    button: 'Jetzt bestätigen',
  },
  [LinkAction.WITHDRAW]: {
    title: 'Anmeldung zurückziehen',
    text: 'Mit dem Knopf ziehen Sie Ihre Anmeldung zurück. Das lässt sich nicht rückgängig machen.',
    button: 'Anmeldung zurückziehen',
  },
  [LinkAction.SIGN_IN]: {
    title: 'Anmelden',
    text: 'Mit dem Knopf melden Sie sich beim Engagement-Hub an.',
    button: 'Jetzt anmelden',
  },
  [LinkAction.ANSWER_SURVEY]: {
    title: 'Umfrage beantworten',
    text: 'Mit dem Knopf öffnen Sie die Umfrage.',
    button: 'Zur Umfrage',
  },
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Engagement-Hub</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2933; background: #f3f5f8; line-height: 1.5; }
  main { max-width: 36rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border: 1px solid #d5dde6; border-radius: 6px; }
  h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
  button { padding: .6rem 1.1rem; font: inherit; font-weight: 600; background: #0b6e4f; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .ok { color: #0b5a41; } .not-ok { color: #9b1c1c; }
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

/** The action a token names by its first letter (see ACTION_PREFIX), CONFIRM when unknown. */
export function actionOfToken(token: string): LinkAction {
  const byPrefix: Record<string, LinkAction> = {
    c: LinkAction.CONFIRM,
    w: LinkAction.WITHDRAW,
    s: LinkAction.SIGN_IN,
    a: LinkAction.ANSWER_SURVEY,
  };
  return byPrefix[token.charAt(0)] ?? LinkAction.CONFIRM;
}

export function askPage(token: string): string {
  const ask = ASK[actionOfToken(token)];
  return page(
    ask.title,
    `<h1>${escapeHtml(ask.title)}</h1>
<p>${escapeHtml(ask.text)}</p>
<form method="post" action="/link/${encodeURIComponent(token)}">
  <button type="submit">${escapeHtml(ask.button)}</button>
</form>`,
  );
}

export function resultPage(ok: boolean, message: string): string {
  const title = ok ? 'Erledigt' : 'Das hat nicht geklappt';
  return page(
    title,
    `<h1>${title}</h1>
<p class="${ok ? 'ok' : 'not-ok'}" role="status">${escapeHtml(message)}</p>`,
  );
}
