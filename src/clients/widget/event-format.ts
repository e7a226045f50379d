// German words for events and office hours, shared by the widget's two date views.
import type { ContactPointKind, EventKind, WidgetEventFragment } from '../generated/graphql';
import type { HubError } from './hub-transport';

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  STAMMTISCH: 'Ehrenamtsstammtisch',
  WORKSHOP: 'Workshop',
  INFO_EVENT: 'Informationsveranstaltung',
  NETWORK_MEETING: 'Netzwerktreffen',
  TRAINING: 'Schulung',
  OTHER: 'Veranstaltung',
};

export const CONTACT_KIND_LABELS: Record<ContactPointKind, string> = {
  CENTRAL_OFFICE: 'Zentrale Anlaufstelle',
  BRANCH_OFFICE: 'Sprechstunde vor Ort',
  REMOTE: 'Telefon oder Video',
};

export function isFull(e: WidgetEventFragment): boolean {
  return e.capacity != null && (e.remainingSeats ?? 0) <= 0;
}

/** Registration is possible: scheduled, not started, before the deadline. */
export function isOpenForRegistration(e: WidgetEventFragment, now = Date.now()): boolean {
  return (
    e.status === 'SCHEDULED' &&
    new Date(e.startsAt).getTime() > now &&
    (!e.registrationDeadline || new Date(e.registrationDeadline).getTime() > now)
  );
}

/** "noch 12 von 40 Plätzen frei", "ausgebucht – Warteliste möglich", "ohne Platzbegrenzung". */
export function seatsText(e: WidgetEventFragment): string {
  if (e.capacity == null) return 'Freie Plätze, ohne Begrenzung';
  const left = Math.max(0, e.remainingSeats ?? 0);
  if (left === 0) return 'Ausgebucht – Anmeldung auf die Warteliste möglich';
  return left === 1
    ? `Noch 1 Platz von ${e.capacity} frei`
    : `Noch ${left} von ${e.capacity} Plätzen frei`;
}

export function placeText(e: WidgetEventFragment): string {
  return [e.venue ?? e.contactPoint?.name, e.contactPoint?.address, e.region.name]
    .filter(Boolean)
    .join(', ');
}

const FIELD_TEXTS: Record<string, string> = {
  name: 'Bitte geben Sie Ihren Namen an.',
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.',
  seats: 'Bitte geben Sie eine Zahl von 1 bis 10 an.',
  consent: 'Ohne Ihre Einwilligung können wir die Anmeldung nicht speichern.',
};

/** The field an error of registerForEvent names (without "input."), if the form has it. */
export function errorField(err: HubError): string | null {
  const f = err.field?.replace(/^input\./, '');
  return f && f in FIELD_TEXTS ? f : null;
}

/** registerForEvent's errors in plain German. */
export function registrationErrorText(err: HubError): string {
  const field = errorField(err);
  if (err.code === 'BAD_USER_INPUT' && field) return FIELD_TEXTS[field];
  if (err.code === 'CONFLICT') {
    if (/cancel/i.test(err.message)) return 'Diese Veranstaltung wurde leider abgesagt.';
    if (/closed/i.test(err.message))
      return 'Die Anmeldung für diese Veranstaltung ist geschlossen.';
    if (/already/i.test(err.message))
      return 'Mit dieser E-Mail-Adresse sind Sie schon angemeldet. Schauen Sie bitte in Ihr Postfach.';
    return 'Es sind keine Plätze mehr frei.';
  }
  if (err.code === 'NOT_FOUND') return 'Diese Veranstaltung gibt es nicht mehr.';
  if (err.code === 'RATE_LIMITED')
    return 'Es kamen gerade sehr viele Anfragen. Bitte versuchen Sie es in ein paar Minuten noch einmal.';
  if (err.code === 'NETWORK')
    return 'Der Engagement-Hub ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.';
  return 'Die Anmeldung hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal.';
}
