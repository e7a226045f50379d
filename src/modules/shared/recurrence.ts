// RFC 5545 recurrence over Berlin wall-clock days, with the `rrule` package. Rules are expanded
// in "floating" time (UTC dates standing for Berlin dates and times), and each occurrence is
// turned into its instant afterwards, so 16:00 stays 16:00 across the daylight-saving change.
import { Frequency, RRule } from 'rrule';
import { BadUserInputError } from '../../graphql/errors';
import { berlinInstant, berlinWallClock } from './berlin-time';

/** Frequencies finer than a day make no sense for hours or series and could explode. */
const TOO_FINE = new Set([Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY]);

/**
 * Parses an RRULE value ("FREQ=WEEKLY;BYDAY=TU", an optional "RRULE:" prefix allowed) anchored
 * at `anchor` (floating: a UTC date whose fields are the Berlin wall clock). BAD_USER_INPUT on
 * `field` for anything unparsable, a DTSTART of its own, or a frequency finer than daily.
 */
export function parseRrule(value: string, field: string, anchor: Date): RRule {
  const text = value.trim().replace(/^RRULE:/i, '');
  if (text.length === 0 || text.length > 500 || /[\r\n]/.test(text) || /DTSTART/i.test(text)) {
    throw new BadUserInputError(`${field} is not an RRULE (e.g. FREQ=WEEKLY;BYDAY=TU)`, field);
  }
  let options;
  try {
    options = RRule.parseString(text);
  } catch {
    throw new BadUserInputError(`${field} is not an RRULE (e.g. FREQ=WEEKLY;BYDAY=TU)`, field);
  }
  if (options.freq == null) {
    throw new BadUserInputError(`${field} needs a FREQ (e.g. FREQ=WEEKLY;BYDAY=TU)`, field);
  }
  if (TOO_FINE.has(options.freq)) {
    throw new BadUserInputError(`${field}: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY`, field);
  }
  try {
    const rule = new RRule({ ...options, dtstart: anchor, tzid: undefined });
    // Expanding one instance shows errors rrule only finds then (e.g. BYMONTHDAY=40).
    rule.after(anchor, true);
    return rule;
  } catch {
    throw new BadUserInputError(`${field} is not an RRULE (e.g. FREQ=WEEKLY;BYDAY=TU)`, field);
  }
}

/** A floating date (UTC fields = Berlin wall clock) for a "YYYY-MM-DD" day at "HH:MM". */
export function floating(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

/** The floating reading of an instant (its Berlin wall clock as UTC fields). */
export function floatingOf(at: Date): Date {
  const w = berlinWallClock(at);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The instant of a floating date. */
export function instantOf(f: Date): Date {
  return berlinInstant({
    year: f.getUTCFullYear(),
    month: f.getUTCMonth() + 1,
    day: f.getUTCDate(),
    hour: f.getUTCHours(),
    minute: f.getUTCMinutes(),
  });
}

/** "YYYY-MM-DD" of a floating date. */
export function dayOf(f: Date): string {
  return f.toISOString().slice(0, 10);
}

/** Occurrence days of a rule between two floating dates (inclusive), at most `limit`. */
export function daysBetween(rule: RRule, from: Date, until: Date, limit: number): Date[] {
  const out: Date[] = [];
  rule.between(from, until, true, (d) => {
    out.push(d);
    return out.length < limit;
  });
  return out;
}
