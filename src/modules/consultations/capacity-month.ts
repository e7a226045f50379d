// Pilot capacity is counted per calendar month in Europe/Berlin: an assignment at 00:30 on
// 1 March in Berlin (23:30 UTC on 28 February) counts toward March.
import { berlinWallClock } from '../shared/berlin-time';

/** The first day ("YYYY-MM-01") of the Berlin calendar month an instant falls in. */
export function berlinMonth(at: Date): string {
  const w = berlinWallClock(at);
  return `${w.year}-${String(w.month).padStart(2, '0')}-01`;
}
