// Office hours: RRULEs for the days, a wall-clock span in Europe/Berlin, and exceptions that
// close a day or open one. Checked on write (BAD_USER_INPUT naming the field), expanded on read
// with bounds: at most a year ahead and 500 openings per contact point and call.
import { BadUserInputError } from '../../graphql/errors';
import {
  dayOf,
  daysBetween,
  floating,
  floatingOf,
  instantOf,
  parseRrule,
} from '../shared/recurrence';

export interface OpeningRuleData {
  rrule: string;
  opensAt: string;
  closesAt: string;
  validFrom: string | null;
  validUntil: string | null;
  note: string | null;
}

export interface OpeningExceptionData {
  date: string;
  closed: boolean;
  opensAt: string | null;
  closesAt: string | null;
  note: string | null;
}

export interface OpeningSpan {
  startsAt: Date;
  endsAt: Date;
  note: string | null;
}

export const MAX_RULES = 20;
export const MAX_EXCEPTIONS = 366;
export const MAX_OPENINGS = 500;
export const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;
/** Rules without validFrom count their INTERVAL from this Monday. */
const DEFAULT_ANCHOR = '2024-01-01';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkTime(value: string | null | undefined, field: string): string {
  if (value == null || !TIME.test(value.trim())) {
    throw new BadUserInputError(`${field} must be a time HH:MM (e.g. 09:00)`, field);
  }
  return value.trim();
}

function checkDate(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  const v = value.trim();
  if (!DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || dayOf(floating(v)) !== v) {
    throw new BadUserInputError(`${field} must be a date YYYY-MM-DD`, field);
  }
  return v;
}

function checkSpan(opensAt: string, closesAt: string, field: string): void {
  if (closesAt <= opensAt) {
    throw new BadUserInputError(`${field}.closesAt must lie after opensAt`, `${field}.closesAt`);
  }
}

function note(value: string | null | undefined, field: string): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (v.length > 200) throw new BadUserInputError(`${field} must be at most 200 characters`, field);
  return v;
}

export function checkRules(
  input: ReadonlyArray<Partial<OpeningRuleData>>,
  field = 'hours',
): OpeningRuleData[] {
  if (input.length > MAX_RULES) {
    throw new BadUserInputError(`at most ${MAX_RULES} rules in ${field}`, field);
  }
  return input.map((r, i) => {
    const f = `${field}[${i}]`;
    const opensAt = checkTime(r.opensAt, `${f}.opensAt`);
    const closesAt = checkTime(r.closesAt, `${f}.closesAt`);
    checkSpan(opensAt, closesAt, f);
    const validFrom = checkDate(r.validFrom, `${f}.validFrom`);
    const validUntil = checkDate(r.validUntil, `${f}.validUntil`);
    if (validFrom && validUntil && validUntil < validFrom) {
      throw new BadUserInputError(
        `${f}.validUntil must not lie before validFrom`,
        `${f}.validUntil`,
      );
    }
    const rrule = (r.rrule ?? '').trim().replace(/^RRULE:/i, '');
    parseRrule(rrule, `${f}.rrule`, floating(validFrom ?? DEFAULT_ANCHOR, opensAt));
    return { rrule, opensAt, closesAt, validFrom, validUntil, note: note(r.note, `${f}.note`) };
  });
}

export function checkExceptions(
  input: ReadonlyArray<Partial<OpeningExceptionData>>,
  field = 'exceptions',
): OpeningExceptionData[] {
  if (input.length > MAX_EXCEPTIONS) {
    throw new BadUserInputError(`at most ${MAX_EXCEPTIONS} ${field}`, field);
  }
  const seen = new Set<string>();
  return input.map((e, i) => {
    const f = `${field}[${i}]`;
    const date = checkDate(e.date ?? '', `${f}.date`) as string;
    if (seen.has(date)) throw new BadUserInputError(`${f}.date is given twice`, `${f}.date`);
    seen.add(date);
    if (e.closed) {
      return { date, closed: true, opensAt: null, closesAt: null, note: note(e.note, `${f}.note`) };
    }
    const opensAt = checkTime(e.opensAt, `${f}.opensAt`);
    const closesAt = checkTime(e.closesAt, `${f}.closesAt`);
    checkSpan(opensAt, closesAt, f);
    return { date, closed: false, opensAt, closesAt, note: note(e.note, `${f}.note`) };
  });
}

/**
 * Openings that end after `from` and start before `until`, exceptions applied, in start order.
 * An exception replaces the rules on its day: closed, or open at its own span. The window is cut
 * to a year after `from`, and at most `limit` (<= 500) openings come back.
 */
export function expandOpenings(
  rules: readonly OpeningRuleData[],
  exceptions: readonly OpeningExceptionData[],
  from: Date,
  until: Date,
  limit = MAX_OPENINGS,
): OpeningSpan[] {
  const cap = Math.min(limit, MAX_OPENINGS);
  const end = new Date(Math.min(until.getTime(), from.getTime() + MAX_AHEAD_MS));
  if (end <= from || cap <= 0) return [];
  // A day either side in floating time covers every opening that overlaps the window.
  const fFrom = new Date(floatingOf(from).getTime() - 24 * 3600000);
  const fUntil = new Date(floatingOf(end).getTime() + 24 * 3600000);
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const spans: OpeningSpan[] = [];
  const push = (day: string, opensAt: string, closesAt: string, n: string | null) => {
    const startsAt = instantOf(floating(day, opensAt));
    const endsAt = instantOf(floating(day, closesAt));
    if (endsAt > from && startsAt < end) spans.push({ startsAt, endsAt, note: n });
  };
  for (const r of rules) {
    const rule = parseRrule(r.rrule, 'rrule', floating(r.validFrom ?? DEFAULT_ANCHOR, r.opensAt));
    for (const d of daysBetween(rule, fFrom, fUntil, MAX_OPENINGS + 2)) {
      const day = dayOf(d);
      if (r.validFrom && day < r.validFrom) continue;
      if (r.validUntil && day > r.validUntil) continue;
      if (byDate.has(day)) continue;
      push(day, r.opensAt, r.closesAt, r.note);
    }
  }
  for (const e of exceptions) {
    if (!e.closed && e.opensAt && e.closesAt) push(e.date, e.opensAt, e.closesAt, e.note);
  }
  spans.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return spans.slice(0, cap);
}

/** Open at `at`, exceptions applied. */
export function isOpenAt(
  rules: readonly OpeningRuleData[],
  exceptions: readonly OpeningExceptionData[],
  at: Date,
): boolean {
  const from = new Date(at.getTime() - 24 * 3600000);
  return expandOpenings(rules, exceptions, from, new Date(at.getTime() + 1), MAX_OPENINGS).some(
    (s) => s.startsAt <= at && s.endsAt > at,
  );
}
