import { calendarPeriod } from './duration.js';
import type { TimeUnit } from './units.js';

/** How purchases merge into periods and durations are measured: see {@link TimeUnitOptions.periods}. */
export type PeriodMode = 'exact' | 'calendar';

/**
 * Maps epoch days to period indices without per-row allocation: the day itself in `'exact'`
 * mode (purchases merge per calendar day), else the calendar period of `unit` (ISO week, month,
 * year), through a lookup table over `[lo, hi]` for months and years.
 * @internal
 */
export function periodIndexer(unit: TimeUnit, mode: PeriodMode, lo: number, hi: number): (day: number) => number {
  if (mode === 'exact' || unit === 'day') return (d) => d;
  if (unit === 'week') return (d) => Math.floor((d + 3) / 7);
  if (hi - lo > 5_000_000) return (d) => calendarPeriod(d, unit);
  const table = new Int32Array(hi - lo + 1);
  for (let d = lo; d <= hi; d++) table[d - lo] = calendarPeriod(d, unit);
  return (d) => (d >= lo && d <= hi ? table[d - lo]! : calendarPeriod(d, unit));
}
