// The sign-in page of the dashboard and the workspace (/app): an e-mail address gets a sign-in
// link by mail (requestSignIn); with an identity provider, a button signs in there; pasting a
// token stays possible, folded away. Also the hand-overs in the address: `#link=<token>` from a
// mail and `#session=<token>` after OpenID Connect.
import './sign-in.css';
import { DashboardRequestSignInDocument, DashboardUseLinkDocument } from '../generated/graphql';
import { h } from './dom';
import { DashboardClient, DashboardError } from './hub-client';

export interface SignInOptions {
  /** The page's heading, e.g. "Engagement-Hub · Koordination". */
  title: string;
  /** One sentence under the heading. */
  intro: string;
  /** Called with a client for a token the person pasted. */
  onToken: (client: DashboardClient) => void;
  message?: string;
  notice?: string;
}

/** Whether the hub offers sign-in through an identity provider (OpenID Connect). */
async function oidcEnabled(): Promise<boolean> {
  try {
    return (await fetch('/auth/oidc/status')).ok;
  } catch {
    return false;
  }
}

/** Renders the sign-in page into `container`. */
export function renderSignIn(container: HTMLElement, options: SignInOptions): void {
  const { message, notice } = options;
  const email = h('input', {
    id: 'email',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    required: true,
    'aria-describedby': 'email-help',
  });
  const error = h('p', { className: 'error', role: 'alert', hidden: !message }, message ?? '');
  const status = h('p', { className: 'notice', role: 'status' }, notice ?? '');
  const send = h('button', { type: 'submit', className: 'primary' }, 'Anmeldelink senden');
  const form = h(
    'form',
    // The page's own German message instead of the browser's bubble (its language and wording
    // differ by browser); the message is a live alert next to the field.
    { className: 'signin-mail', novalidate: true },
    h('label', { for: 'email' }, 'Ihre E-Mail-Adresse'),
    email,
    h(
      'p',
      { className: 'hint', id: 'email-help' },
      'Wir senden Ihnen einen Link, mit dem Sie sich anmelden. Er gilt 15 Minuten und nur einmal.',
    ),
    send,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const address = email.value.trim();
    error.hidden = true;
    if (!address || !email.checkValidity()) {
      error.textContent = 'Bitte geben Sie eine gültige E-Mail-Adresse ein.';
      error.hidden = false;
      email.setAttribute('aria-invalid', 'true');
      email.focus();
      return;
    }
    email.removeAttribute('aria-invalid');
    send.disabled = true;
    DashboardClient.anonymous()
      .request(DashboardRequestSignInDocument, { email: address })
      .then(
        () => {
          status.textContent =
            'Wenn es für diese Adresse einen Zugang gibt, ist ein Anmeldelink unterwegs. ' +
            'Bitte schauen Sie in Ihr Postfach.';
        },
        (e: DashboardError) => {
          error.textContent =
            e.code === 'RATE_LIMITED'
              ? 'Zu viele Versuche. Bitte warten Sie einige Minuten.'
              : `Das hat nicht geklappt: ${e.message}`;
          error.hidden = false;
        },
      )
      .finally(() => (send.disabled = false));
  });

  const token = h('textarea', {
    id: 'token',
    name: 'token',
    rows: 4,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'token-help',
  });
  const tokenForm = h(
    'form',
    { className: 'signin-token' },
    h('label', { for: 'token' }, 'Ihr Anmelde-Token'),
    token,
    h(
      'p',
      { className: 'hint', id: 'token-help' },
      'Ein Token erhalten Sie von der Administration des Hubs (npm run hub -- token --role COORDINATOR --region <ID>). ',
    ),
    h('button', { type: 'submit', className: 'secondary' }, 'Mit Token anmelden'),
  );
  tokenForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = token.value.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      error.textContent = 'Bitte fügen Sie Ihr Token ein.';
      error.hidden = false;
      token.focus();
      return;
    }
    options.onToken(new DashboardClient(value));
  });
  const provider = h(
    'p',
    { className: 'oidc', hidden: true },
    h(
      'a',
      { href: '/auth/oidc/start', className: 'button' },
      'Mit dem Anmeldedienst Ihrer Organisation anmelden',
    ),
  );
  void oidcEnabled().then((on) => (provider.hidden = !on));

  const card = h(
    'div',
    { className: 'signin' },
    h('h1', {}, options.title),
    h('p', {}, options.intro),
    error,
    status,
    form,
    provider,
    h('details', {}, h('summary', {}, 'Erweitert: mit einem Token anmelden'), tokenForm),
    h(
      'p',
      { className: 'hint' },
      'Ihre Anmeldung bleibt nur in diesem Browser-Tab gespeichert und endet, wenn Sie ihn schließen oder sich abmelden.',
    ),
  );
  container.replaceChildren(h('main', { className: 'signin-page' }, card));
  email.focus();
}

/** A session handed over in the address (after OpenID Connect): kept, then removed from it. */
export function sessionFromAddress(): string | null {
  const m = /^#session=(.+)$/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(m[1]);
}

/** A sign-in link from a mail (`#link=<token>`): taken out of the address, then used once. */
export function linkFromAddress(): string | null {
  const m = /^#link=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return m[1];
}

/** Uses a sign-in link: a client for the new session, or the German message why not. */
export async function useSignInLink(
  token: string,
): Promise<{ client: DashboardClient } | { message: string }> {
  try {
    const { useLink } = await DashboardClient.anonymous().request(DashboardUseLinkDocument, {
      token,
    });
    if (useLink.ok && useLink.session)
      return { client: new DashboardClient(useLink.session.token) };
    return { message: `${useLink.message} Fordern Sie unten einen neuen Anmeldelink an.` };
  } catch (e) {
    return { message: `Anmeldung nicht möglich: ${(e as Error).message}` };
  }
}
