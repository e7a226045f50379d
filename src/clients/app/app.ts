// /app: the signed-in workspace. Sign-in page when signed out (shared with the dashboard), the
// `#link=` landing from a sign-in mail, a navigation by role, and the screens under hash routes
// (`#/lotsen`, `#/lotsen/neu`, `#/lotsen/warteschlange`, `#/lotsen/<id>`). Plain DOM, no
// framework: see the README ("The workspace").
import './app.css';
import { AppViewerDocument, DashboardSignOutDocument, type Role } from '../generated/graphql';
import { h } from '../shared/dom';
import { DashboardClient, type DashboardError } from '../shared/hub-client';
import {
  linkFromAddress,
  renderSignIn,
  sessionFromAddress,
  useSignInLink,
} from '../shared/sign-in';
import { forbiddenPage, type AppContext, type AppViewer } from './app-context';

const ROLE_LABELS: Record<Role, string> = {
  PUBLIC: 'Öffentlich',
  MEMBER: 'Mitglied',
  NETWORKER: 'Netzwerker:in',
  COORDINATOR: 'Koordination',
  ADMIN: 'Administration',
  PILOT: 'Ehrenamtslotse',
};

const root = document.getElementById('app')!;

/**
 * The screen someone wanted when the sign-in page stopped them (a mail's link to a consultation
 * while signed out). Kept in localStorage, as the sign-in link from the mail opens in a new tab,
 * for 30 minutes; only a route with an opaque id, and the API shows it to nobody else.
 */
const AFTER_SIGN_IN = 'engagement-hub.app.after-sign-in';
const AFTER_SIGN_IN_MS = 30 * 60 * 1000;

function rememberWantedScreen(): void {
  if (/^#\/./.test(location.hash)) {
    localStorage.setItem(
      AFTER_SIGN_IN,
      JSON.stringify({ route: location.hash.slice(1), at: Date.now() }),
    );
  }
}

/** The remembered screen, once; null when there is none or it is too old. */
function takeWantedScreen(): string | null {
  const raw = localStorage.getItem(AFTER_SIGN_IN);
  localStorage.removeItem(AFTER_SIGN_IN);
  try {
    const { route, at } = JSON.parse(raw ?? 'null') as { route: string; at: number };
    return typeof route === 'string' && Date.now() - at < AFTER_SIGN_IN_MS ? route : null;
  } catch {
    return null;
  }
}

function signIn(message?: string): void {
  rememberWantedScreen();
  renderSignIn(root, {
    title: 'Engagement-Hub · Arbeitsbereich',
    intro:
      'Der Arbeitsbereich für Vereine, Lotsen und die Koordination: Fragen an die Lotsen stellen, beantworten und verteilen.',
    onToken: (client) => void start(client),
    message,
  });
}

interface NavItem {
  route: string;
  label: string;
}

/** What the navigation offers to each role. */
function navFor(viewer: AppViewer): NavItem[] {
  switch (viewer.role) {
    case 'MEMBER':
      return [
        { route: '/lotsen', label: 'Unsere Fragen an die Lotsen' },
        { route: '/lotsen/neu', label: 'Lotsen fragen' },
      ];
    case 'PILOT':
      return [{ route: '/lotsen', label: 'Meine Beratungen' }];
    case 'COORDINATOR':
    case 'ADMIN':
      return [{ route: '/lotsen/warteschlange', label: 'Lotsen: Warteschlange' }];
    default:
      return [];
  }
}

async function start(client: DashboardClient): Promise<void> {
  let viewer: AppViewer;
  try {
    viewer = (await client.request(AppViewerDocument, {})).viewer;
  } catch (e) {
    client.forget();
    const err = e as DashboardError;
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
  const wanted = takeWantedScreen();
  if (wanted && (location.hash === '' || location.hash === '#/')) {
    history.replaceState(null, '', `${location.pathname}#${wanted}`);
  }

  const items = navFor(viewer);
  const links = items.map((i) => h('a', { href: `#${i.route}` }, i.label));
  if (viewer.role === 'COORDINATOR' || viewer.role === 'ADMIN') {
    links.push(h('a', { href: '/dashboard' }, 'Bedarfe und Netzwerk'));
  }
  const logout = h('button', { type: 'button', className: 'secondary' }, 'Abmelden');
  const main = h('main', { id: 'main', tabindex: '-1' });
  root.replaceChildren(
    h('a', { href: '#main', className: 'skip' }, 'Zum Inhalt springen'),
    h(
      'header',
      { className: 'top' },
      h('p', { className: 'brand' }, 'Engagement-Hub'),
      h(
        'nav',
        { 'aria-label': 'Arbeitsbereich' },
        h('ul', {}, ...links.map((a) => h('li', {}, a))),
      ),
      h('p', { className: 'role' }, ROLE_LABELS[viewer.role]),
      logout,
    ),
    main,
  );

  let focusReload: (() => void) | null = null;
  const onFocus = () => focusReload?.();
  window.addEventListener('focus', onFocus);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') onFocus();
  });

  const ctx: AppContext = {
    client,
    viewer,
    navigate: (route) => {
      location.hash = `#${route}`;
    },
    onFocus: (reload) => (focusReload = reload),
  };

  let shown = 0;
  const show = async () => {
    const n = ++shown;
    focusReload = null;
    const route = location.hash.replace(/^#/, '') || '/';
    for (const a of links) {
      if (a.getAttribute('href') === `#${route}`) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    if (route === '/' || route === '') {
      if (items[0]) ctx.navigate(items[0].route);
      else main.replaceChildren(forbiddenPage());
      return;
    }
    main.replaceChildren(h('p', { className: 'loading' }, 'Wird geladen …'));
    let screen: HTMLElement;
    if (route.startsWith('/lotsen')) {
      // Each group of screens is its own chunk, loaded when first opened.
      const { lotsenScreen } = await import('./lotsen');
      screen = await lotsenScreen(ctx, route);
    } else {
      screen = h(
        'section',
        { className: 'screen' },
        h('h1', { tabindex: '-1' }, 'Diese Seite gibt es nicht'),
        h('p', {}, h('a', { href: '#/' }, 'Zur Startseite des Arbeitsbereichs')),
      );
    }
    if (n !== shown) return;
    main.replaceChildren(screen);
    screen.querySelector<HTMLElement>('h1')?.focus();
  };
  window.addEventListener('hashchange', () => void show());
  logout.addEventListener('click', () => {
    // Ends every session of the account (a minted token has none: nothing to end).
    void client.request(DashboardSignOutDocument, {}).catch(() => undefined);
    client.forget();
    // A fresh page: no screen, listener or data of the signed-out person stays behind.
    history.replaceState(null, '', location.pathname);
    location.reload();
  });
  await show();
}

const link = linkFromAddress();
const handed = sessionFromAddress();
const stored = handed ?? DashboardClient.stored();
if (link) {
  void useSignInLink(link).then((r) => ('client' in r ? start(r.client) : signIn(r.message)));
} else if (stored) void start(new DashboardClient(stored));
else signIn();
