// /dashboard: sign in with a link by e-mail (or an identity provider, or a pasted token), then a live board of the needs of the viewer's
// regions and a map of a region's cooperation network.
import './dashboard.css';
import {
  DashboardRegionsDocument,
  DashboardSignOutDocument,
  DashboardViewerDocument,
  type DashboardViewerQuery,
  type Role,
} from '../generated/graphql';
import { h } from '../shared/dom';
import {
  linkFromAddress,
  renderSignIn,
  sessionFromAddress,
  useSignInLink,
} from '../shared/sign-in';
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

function signIn(message?: string, notice?: string): void {
  renderSignIn(app, {
    title: 'Engagement-Hub · Koordination',
    intro:
      'Der Überblick für Koordinator:innen: offene Bedarfe live und das Netzwerk Ihrer Region.',
    onToken: (client) => void start(client),
    message,
    notice,
  });
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

// Links from mails and older bookmarks to a consultation open it in the workspace.
const consultation = /^#consultation=([A-Za-z0-9_=-]+)$/.exec(location.hash);
if (consultation) {
  location.replace(`/app#/lotsen/${consultation[1]}`);
} else {
  const link = linkFromAddress();
  const handed = sessionFromAddress();
  const stored = handed ?? DashboardClient.stored();
  if (link) {
    void useSignInLink(link).then((r) => ('client' in r ? start(r.client) : signIn(r.message)));
  } else if (stored) void start(new DashboardClient(stored));
  else signIn();
}
