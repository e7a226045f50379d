// German wording for needs: kinds, what is still missing, dates, and errors in plain language.
import type { NeedKind, Urgency } from '../generated/graphql';
import type { HubError } from '../widget/hub-transport';

export const KIND_LABELS: Record<NeedKind, string> = {
  HELPERS: 'Helfende',
  EQUIPMENT: 'Material',
  ROOM: 'Raum',
  EXPERTISE: 'Fachwissen',
  TRANSPORT: 'Fahrdienst',
  FUNDING: 'Finanzierung',
  BOARD_POSITION: 'Vorstandsamt',
  OTHER: 'Sonstiges',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  HIGH: 'dringend',
  NORMAL: '',
  LOW: 'bei Gelegenheit',
};

/** Urgent only while help is still missing: a filled, closed or expired need is not. */
export function isUrgent(need: {
  urgency: Urgency;
  status: string;
  remainingQuantity: number;
}): boolean {
  return need.urgency === 'HIGH' && need.status === 'OPEN' && need.remainingQuantity > 0;
}

/**
 * "von 6 Helfern" needs the dative plural. Units arrive in the nominative ("Helfer", "Zelte",
 * "Fahrten pro Woche"): the first word gets an -n where German adds one (plurals ending in
 * -e, -er, -el), everything else (-n, -s, abbreviations like EUR) stays as it is.
 */
export function dativePlural(unit: string): string {
  const [first, ...rest] = unit.split(' ');
  const changed = /[a-zäöüß](e|er|el)$/.test(first) ? `${first}n` : first;
  return [changed, ...rest].join(' ');
}

export function unitFor(kind: NeedKind, unit: string | null | undefined, total: number): string {
  const base = unit?.trim() || (kind === 'HELPERS' ? 'Helfer' : '');
  if (!base) return '';
  return total > 1 ? dativePlural(base) : base;
}

/** "noch 3 von 6 Helfern" */
export function missingText(need: {
  kind: NeedKind;
  unit?: string | null;
  quantity: number;
  remainingQuantity: number;
}): string {
  const unit = unitFor(need.kind, need.unit, need.quantity);
  return `noch ${need.remainingQuantity} von ${need.quantity}${unit ? ` ${unit}` : ''}`;
}

/** "alle 6 Helfer zugesagt"; a need of one is simply "zugesagt" (not "alle 1 zugesagt"). */
export function filledText(need: {
  kind: NeedKind;
  unit?: string | null;
  quantity: number;
}): string {
  if (need.quantity <= 1) return 'zugesagt';
  const unit = need.unit?.trim() || (need.kind === 'HELPERS' ? 'Helfer' : '');
  return `alle ${need.quantity}${unit ? ` ${unit}` : ''} zugesagt`;
}

const TZ = 'Europe/Berlin';
const dayFmt = new Intl.DateTimeFormat('de-DE', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  timeZone: TZ,
});
const timeFmt = new Intl.DateTimeFormat('de-DE', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TZ,
});

function sameDay(a: Date, b: Date): boolean {
  return dayFmt.format(a) === dayFmt.format(b);
}

/** "Sa., 14. Juni, 10:00–15:00 Uhr"; null when the need has no date. */
export function whenText(startsAt?: string | null, endsAt?: string | null): string | null {
  if (!startsAt) return null;
  const start = new Date(startsAt);
  const day = dayFmt.format(start);
  if (!endsAt) return `${day}, ${timeFmt.format(start)} Uhr`;
  const end = new Date(endsAt);
  if (sameDay(start, end)) return `${day}, ${timeFmt.format(start)}–${timeFmt.format(end)} Uhr`;
  return `${day} bis ${dayFmt.format(end)}`;
}

export function deadlineText(deadline?: string | null): string | null {
  return deadline ? `Zusagen bis ${dayFmt.format(new Date(deadline))}` : null;
}

const FIELD_MESSAGES: Record<string, string> = {
  name: 'Bitte geben Sie Ihren Namen an.',
  email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  quantity: 'Die Anzahl passt nicht zu diesem Bedarf.',
  message: 'Die Nachricht ist zu lang.',
  consent: 'Bitte bestätigen Sie die Einwilligung.',
};

/** Any error of the hub, in words a visitor of a municipal website understands. */
export function errorText(error: HubError): string {
  switch (error.code) {
    case 'NETWORK':
      return 'Der Engagement-Hub ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.';
    case 'BAD_USER_INPUT':
      return (
        (error.field && FIELD_MESSAGES[error.field.replace(/^input\./, '')]) ||
        'Die Angaben sind nicht vollständig. Bitte prüfen Sie das Formular.'
      );
    case 'CONFLICT':
      return 'Dieser Bedarf ist inzwischen gedeckt oder nicht mehr offen. Vielen Dank trotzdem!';
    case 'NOT_FOUND':
      return 'Diesen Bedarf gibt es nicht mehr.';
    case 'RATE_LIMITED':
      return 'Es kamen gerade sehr viele Anfragen. Bitte versuchen Sie es in ein paar Minuten noch einmal.';
    default:
      return 'Das hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal.';
  }
}
