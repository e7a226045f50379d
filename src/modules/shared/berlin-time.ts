// Wall-clock time in Europe/Berlin and instants. Recurring hours and event series are kept as
// RRULEs over wall-clock dates ("every Tuesday 9-12"); this turns a Berlin date and time into
// the instant it names, whichever offset (CET or CEST) holds that day, and back.
export const HUB_TIME_ZONE = 'Europe/Berlin';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: HUB_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
}

/** The Berlin wall clock at an instant. */
export function berlinWallClock(at: Date): WallClock & { second: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** Offset of Berlin from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(at: Date): number {
  const w = berlinWallClock(at);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant a Berlin wall-clock time names. A time that does not exist (02:30 on the last
 * Sunday of March) moves forward by the gap; one that exists twice (02:30 in October) is the
 * first of the two, as RFC 5545 (3.3.5) prescribes.
 */
export function berlinInstant(w: WallClock): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  // The offsets a few hours either side: the same except on the two change days.
  const before = berlinOffsetMinutes(new Date(naive - 3 * 3600000));
  const after = berlinOffsetMinutes(new Date(naive + 3 * 3600000));
  const fits = [before, after]
    .map((o) => naive - o * 60000)
    .filter((t) => {
      const c = berlinWallClock(new Date(t));
      return c.hour === w.hour && c.minute === w.minute && c.day === w.day;
    })
    .sort((a, b) => a - b);
  // No reading fits: the time lies in the spring gap, read it with the offset before the gap.
  return new Date(fits[0] ?? naive - before * 60000);
}

/** "YYYY-MM-DD" of the Berlin calendar day an instant falls on. */
export function berlinDate(at: Date): string {
  const w = berlinWallClock(at);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
