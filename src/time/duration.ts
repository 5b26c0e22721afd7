import { addMonthsToDay, civilFromDay } from './days.js';
import type { TimeUnit } from './units.js';

/**
 * Exact, calendar-correct length of the span from epoch day `from` to epoch day `to`, in `unit`.
 *
 * - day: `to - from`; week: `(to - from) / 7`.
 * - month: whole calendar months `m` with `from + m months <= to` (month ends clamped: Jan 31 +
 *   1 month = Feb 28/29), plus the fraction of the next month that has passed, measured in that
 *   month's own length in days (15 Jan to 1 Mar 2024: one month to 15 Feb, then 15 of the 29
 *   days to 15 Mar, 1.5172 months). Year: the same with 12-month steps. There is no 30-day month
 *   or 365-day year constant.
 *
 * Negative spans are returned negative (`-durationBetween(to, from)`).
 *
 * @example
 * ```ts
 * import { dayFromIso } from 'loyalty-score';
 * import { durationBetween } from 'loyalty-score/math';
 * durationBetween(dayFromIso('1997-01-01'), dayFromIso('1997-09-30'), 'week'); // ~> 38.857 (0.001)
 * durationBetween(dayFromIso('2024-01-15'), dayFromIso('2024-03-01'), 'month'); // ~> 1.5172 (0.0001)
 * durationBetween(dayFromIso('2023-03-01'), dayFromIso('2024-03-01'), 'year'); // => 1
 * ```
 */
export function durationBetween(from: number, to: number, unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return to - from;
    case 'week':
      return (to - from) / 7;
    case 'month':
      return to >= from ? monthsBetween(from, to, 1) : -monthsBetween(to, from, 1);
    case 'year':
      return to >= from ? monthsBetween(from, to, 12) / 12 : -monthsBetween(to, from, 12) / 12;
  }
}

/** Months (step = 1) or months in whole-year steps (step = 12) from `from` to `to >= from`, fractional. */
function monthsBetween(from: number, to: number, step: number): number {
  const a = civilFromDay(from);
  const b = civilFromDay(to);
  let whole = (b.year - a.year) * 12 + (b.month - a.month);
  whole -= whole % step;
  let start = addMonthsToDay(from, whole);
  while (start > to) {
    whole -= step;
    start = addMonthsToDay(from, whole);
  }
  let end = addMonthsToDay(from, whole + step);
  while (end <= to) {
    whole += step;
    start = end;
    end = addMonthsToDay(from, whole + step);
  }
  return whole + (step * (to - start)) / (end - start);
}

/**
 * Index of the calendar period of `unit` containing epoch day `day`: the day itself, the ISO week
 * (Monday to Sunday), the month (`year * 12 + month - 1`) or the year. Differences of indices
 * count whole periods.
 *
 * @example
 * ```ts
 * import { dayFromIso } from 'loyalty-score';
 * import { calendarPeriod } from 'loyalty-score/math';
 * calendarPeriod(dayFromIso('2015-02-06'), 'week') - calendarPeriod(dayFromIso('2015-01-01'), 'week'); // => 5
 * ```
 */
export function calendarPeriod(day: number, unit: TimeUnit): number {
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      // 1970-01-01 was a Thursday; weeks start on Monday (1969-12-29 is day -3).
      return Math.floor((day + 3) / 7);
    case 'month': {
      const c = civilFromDay(day);
      return c.year * 12 + c.month - 1;
    }
    case 'year':
      return civilFromDay(day).year;
  }
}
