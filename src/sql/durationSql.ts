import type { TimeUnit } from '../time/units.js';
import type { DialectFunctions } from './dialects.js';

/** The epoch of day numbers, 1970-01-01. */
const EPOCH = "DATE '1970-01-01'";

/** Whole days since 1970-01-01 of a date expression (the library's day number). @internal */
export function epochDaySql(d: DialectFunctions, date: string): string {
  return d.daysBetween(EPOCH, date);
}

/** Calendar year or month number (1..12) of a date expression, as an integer. */
function part(d: DialectFunctions, field: 'YEAR' | 'MONTH', date: string): string {
  return `CAST(EXTRACT(${field} FROM ${date}) AS ${d.bigint})`;
}

/**
 * Index of the calendar period of `unit` containing a date, as `calendarPeriod` numbers them: the
 * day number, the ISO week (Monday to Sunday; 1969-12-29 starts week 0), `year * 12 + month - 1`,
 * or the year. `day` is the date's day number when already computed.
 * @internal
 */
export function periodSql(d: DialectFunctions, unit: TimeUnit, date: string, day = epochDaySql(d, date)): string {
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return `CAST(FLOOR(CAST(${day} + 3 AS ${d.double}) / 7) AS ${d.bigint})`;
    case 'month':
      return `(${part(d, 'YEAR', date)} * 12 + ${part(d, 'MONTH', date)} - 1)`;
    case 'year':
      return part(d, 'YEAR', date);
  }
}

/**
 * The exact, calendar-correct length from date `a` to date `b >= a` in `unit`, as a double, with
 * the operations of `durationBetween` in the same order (so the same doubles):
 * day `b - a`; week `(b - a) / 7`; month and year: the whole steps `w` of 1 (12) months with
 * `a + w months <= b` (month ends clamped), plus the passed fraction of the next step in days.
 * @internal
 */
export function durationSql(d: DialectFunctions, unit: TimeUnit, a: string, b: string): string {
  const days = `CAST(${d.daysBetween(a, b)} AS ${d.double})`;
  if (unit === 'day') return days;
  if (unit === 'week') return `${days} / 7`;
  const step = unit === 'month' ? 1 : 12;
  const years = `(${part(d, 'YEAR', b)} - ${part(d, 'YEAR', a)}) * 12`;
  const guess = unit === 'month' ? `(${years} + ${part(d, 'MONTH', b)} - ${part(d, 'MONTH', a)})` : `(${years})`;
  // The guess lands in b's month (or, for years, b's year at a's month); one step back when past b.
  const whole = `(CASE WHEN ${d.addMonths(a, guess)} > ${b} THEN ${guess} - ${step} ELSE ${guess} END)`;
  const start = d.addMonths(a, whole);
  const end = d.addMonths(a, `${whole} + ${step}`);
  const months = `(${whole} + CAST(${step} * ${d.daysBetween(start, b)} AS ${d.double}) / CAST(${d.daysBetween(start, end)} AS ${d.double}))`;
  return unit === 'month' ? months : `${months} / 12`;
}
