// What every screen of the workspace gets: the signed-in client, who the viewer is, and the
// shared bits of German wording (statuses, dates; the area names are in shared/expertise-areas.ts) and the "not allowed" page.
import type { AppViewerQuery, ConsultationStatus } from '../generated/graphql';
import { h } from '../shared/dom';
import type { DashboardClient, DashboardError } from '../shared/hub-client';

export type AppViewer = AppViewerQuery['viewer'];

export interface AppContext {
  client: DashboardClient;
  viewer: AppViewer;
  /** Goes to a screen of the workspace (a hash route such as `/lotsen/<id>`). */
  navigate: (route: string) => void;
  /** Called by a screen that wants its data again when the page regains focus. */
  onFocus: (reload: () => void) => void;
}

export const STATUS_LABELS: Record<ConsultationStatus, string> = {
  OPEN: 'Offen, noch kein Lotse',
  ASSIGNED: 'Bei einem Lotsen',
  ANSWERED: 'Beantwortet',
  CLOSED: 'Abgeschlossen',
  WITHDRAWN: 'Zurückgezogen',
};

const DATE = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Berlin',
});
const DATE_TIME = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Berlin',
});

/** 24.12.2026 */
export const germanDate = (iso: string): string => DATE.format(new Date(iso));
/** 24.12.2026, 14:30 */
export const germanDateTime = (iso: string): string => DATE_TIME.format(new Date(iso));

export const isCoordinator = (v: AppViewer): boolean =>
  v.role === 'COORDINATOR' || v.role === 'ADMIN';

/** The page a person sees where their sign-in does not reach: plain German, a way back. */
export function forbiddenPage(): HTMLElement {
  return h(
    'section',
    { className: 'screen', 'aria-labelledby': 'screen-title' },
    h('h1', { id: 'screen-title', tabindex: '-1' }, 'Dafür fehlt Ihnen die Berechtigung'),
    h(
      'p',
      {},
      'Diese Seite ist für andere Aufgaben gedacht, zum Beispiel für die Koordination. ' +
        'Wenn Sie meinen, dass Sie sie sehen sollten, wenden Sie sich bitte an Ihre Koordinierungsstelle.',
    ),
    h('p', {}, h('a', { href: '#/' }, 'Zur Startseite des Arbeitsbereichs')),
  );
}

/** A German sentence for an error from the hub (the API's messages are English). */
export function germanError(e: DashboardError): string {
  switch (e.code) {
    case 'FORBIDDEN':
      return 'Dafür fehlt Ihnen die Berechtigung.';
    case 'NOT_FOUND':
      return 'Das gibt es nicht (mehr), oder Sie dürfen es nicht sehen.';
    case 'UNAUTHENTICATED':
      return 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.';
    case 'NETWORK':
      return e.message;
    case 'CONFLICT':
      return 'Das geht im jetzigen Stand nicht mehr. Bitte laden Sie die Seite neu.';
    default:
      return 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.';
  }
}
