// /dashboard: sign in with a link by e-mail (or an identity provider, or a pasted token), then a live board of the needs of the viewer's
// regions and a map of a region's cooperation network.
import './dashboard.css';
import {
  DashboardRegionsDocument,
  DashboardRequestSignInDocument,
  DashboardSignOutDocument,
  DashboardUseLinkDocument,
  DashboardViewerDocument,
  type DashboardViewerQuery,
  type Role,
} from '../generated/graphql';
import { h } from '../shared/dom';
import { DashboardClient, DashboardError, type LiveState } from './dashboard-client';
import { NeedsBoard } from './needs-board';
import { NetworkMap } from './network-map';

const ROLE_LABELS: Record<Role, string> = {
  PUBLIC: 'Öffentlich',
  MEMBER: 'Mitglied',
  NETWORKER: 'Netzwerker:in',
  COORDINATOR: 'Koordination',
  ADMIN: 'Administration',
  PILOT: 'Ehrenamtslotse',
};
const LIVE_LABELS: Record<LiveState, string> = {
  connecting: 'verbinde …',
  live: 'live',
  offline: 'getrennt – verbinde neu',
};

const app = document.getElementById('app')!;

interface RegionChoice {
  id: string;
  name: string;
}

/** The regions a viewer works in: coordinated ones, else those of its actors, else all Ämter. */
async function regionsFor(
  client: DashboardClient,
  viewer: DashboardViewerQuery['viewer'],
): Promise<RegionChoice[]> {
  const seen = new Map<string, RegionChoice>();
  for (const r of viewer.regions) seen.set(r.id, r);
  if (seen.size === 0) for (const a of viewer.actors) seen.set(a.region.id, a.region);
  if (seen.size === 0) {
    const { regions } = await client.request(DashboardRegionsDocument, {});
    const order = ['AMT', 'DISTRICT', 'MUNICIPALITY', 'STATE', 'VILLAGE'];
    for (const r of [...regions].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level)))
      seen.set(r.id, r);
  }
  return [...seen.values()];
}

/** Whether the hub offers sign-in through an identity provider (OpenID Connect). */
async function oidcEnabled(): Promise<boolean> {
  try {
    return (await fetch('/auth/oidc/status')).ok;
  } catch {
    return false;
  }
}

/**
 * The sign-in page: an e-mail address gets a sign-in link by mail (requestSignIn); with an
 * identity provider, a button signs in there. Pasting a token stays possible, folded away.
 */
function signIn(message?: string, notice?: string): void {
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
    void start(new DashboardClient(value));
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
    h('h1', {}, 'Engagement-Hub · Koordination'),
    h(
      'p',
      {},
      'Der Überblick für Koordinator:innen: offene Bedarfe live und das Netzwerk Ihrer Region.',
    ),
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
  app.replaceChildren(h('main', { className: 'signin-page' }, card));
  email.focus();
}

async function start(client: DashboardClient): Promise<void> {
  let viewer: DashboardViewerQuery['viewer'];
  try {
    viewer = (await client.request(DashboardViewerDocument, {})).viewer;
  } catch (e) {
    const err = e as DashboardError;
    client.forget();
    signIn(
      err.code === 'UNAUTHENTICATED'
        ? 'Diese Anmeldung ist nicht (mehr) gültig. Bitte melden Sie sich neu an.'
        : `Anmeldung nicht möglich: ${err.message}`,
    );
    return;
  }
  if (viewer.role === 'PUBLIC') {
    signIn('Das Token enthält keine Rolle.');
    return;
  }
  client.remember();
  const regions = await regionsFor(client, viewer);
  const live = h('span', { className: 'live', 'data-live': 'connecting' }, LIVE_LABELS.connecting);
  client.onLiveState = (s) => {
    live.dataset.live = s;
    live.textContent = LIVE_LABELS[s];
  };
  const select = h('select', { id: 'region' });
  for (const r of regions) select.append(h('option', { value: r.id }, r.name));
  const logout = h('button', { type: 'button', className: 'secondary' }, 'Abmelden');
  const board = new NeedsBoard(client);
  const map = new NetworkMap(client);

  const tabs = [
    { id: 'needs', label: 'Bedarfe live', panel: board.element },
    { id: 'network', label: 'Netzwerk', panel: map.element },
  ];
  const tabList = h('div', { role: 'tablist', className: 'tabs', 'aria-label': 'Ansicht' });
  const panels = h('div', { className: 'panels' });
  let networkShownFor: string | null = null;
  const selectTab = (id: string, focus = false) => {
    for (const t of tabs) {
      const tab = tabList.querySelector<HTMLButtonElement>(`#tab-${t.id}`)!;
      const active = t.id === id;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      t.panel.parentElement!.hidden = !active;
      if (active && focus) tab.focus();
    }
    // The map needs a visible container to lay out; draw it on first view of a region.
    if (id === 'network' && networkShownFor !== select.value) {
      networkShownFor = select.value;
      void map.show(select.value, select.selectedOptions[0]?.textContent ?? '').catch(showError);
    }
  };
  tabs.forEach((t, i) => {
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${t.id}`,
        'aria-controls': `panel-${t.id}`,
      },
      t.label,
    );
    tab.addEventListener('click', () => selectTab(t.id));
    tab.addEventListener('keydown', (ev) => {
      const dir = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (dir) selectTab(tabs[(i + dir + tabs.length) % tabs.length].id, true);
    });
    tabList.append(tab);
    panels.append(
      h(
        'section',
        { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}` },
        t.panel,
      ),
    );
  });

  const errorBox = h('p', { className: 'error banner', role: 'alert', hidden: true });
  function showError(e: unknown): void {
    errorBox.textContent = `Fehler beim Laden: ${(e as Error).message}`;
    errorBox.hidden = false;
  }

  app.replaceChildren(
    h(
      'header',
      { className: 'top' },
      h('h1', {}, 'Engagement-Hub ', h('span', {}, '· Koordination')),
      h('label', { for: 'region', className: 'region-label' }, 'Region'),
      select,
      live,
      h('span', { className: 'role' }, ROLE_LABELS[viewer.role]),
      logout,
    ),
    h('nav', {}, tabList),
    errorBox,
    h('main', {}, panels),
  );
  logout.addEventListener('click', () => {
    board.stop();
    // Ends every session of the account (a minted token has none: nothing to end).
    void client.request(DashboardSignOutDocument, {}).catch(() => undefined);
    client.forget();
    signIn();
  });
  const showRegion = () => {
    errorBox.hidden = true;
    networkShownFor = null;
    void board.show(select.value).catch(showError);
    const active =
      tabList.querySelector('[aria-selected="true"]')?.id.replace('tab-', '') ?? 'needs';
    selectTab(active);
  };
  select.addEventListener('change', showRegion);
  const initial = location.hash === '#netzwerk' ? 'network' : 'needs';
  tabList.querySelector(`#tab-${initial}`)!.setAttribute('aria-selected', 'true');
  if (regions.length === 0) {
    selectTab(initial);
    showError(new Error('Ihrem Zugang ist keine Region zugeordnet.'));
    return;
  }
  showRegion();
}

/** A session handed over in the address (after OpenID Connect): kept, then removed from it. */
function sessionFromAddress(): string | null {
  const m = /^#session=(.+)$/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(m[1]);
}

/** A sign-in link from a mail (`#link=<token>`): taken out of the address, then used once. */
function linkFromAddress(): string | null {
  const m = /^#link=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return m[1];
}

async function useSignInLink(token: string): Promise<void> {
  try {
    const { useLink } = await DashboardClient.anonymous().request(DashboardUseLinkDocument, {
      token,
    });
    if (useLink.ok && useLink.session) return start(new DashboardClient(useLink.session.token));
    signIn(`${useLink.message} Fordern Sie unten einen neuen Anmeldelink an.`);
  } catch (e) {
    signIn(`Anmeldung nicht möglich: ${(e as Error).message}`);
  }
}

const link = linkFromAddress();
const handed = sessionFromAddress();
const stored = handed ?? DashboardClient.stored();
if (link) void useSignInLink(link);
else if (stored) void start(new DashboardClient(stored));
else signIn();
