/**
 * Calendar arithmetic on whole days since 1970-01-01 (the "epoch day"), proleptic Gregorian,
 * without Date objects. These are the building blocks of the columnar hot paths.
 *
 * Algorithms: Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */

/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;

/**
 * Epoch day of a calendar date. Month is 1..12, day 1..31 (not range-checked: see {@link isValidCivil}).
 *
 * @example
 * ```ts
 * import { dayFromCivil } from 'loyalty-score/math';
 * dayFromCivil(1970, 1, 1); // => 0
 * dayFromCivil(2000, 3, 1); // => 11017
 * ```
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A calendar date as numbers. */
export interface CivilDate {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

/**
 * Calendar date of an epoch day.
 *
 * @example
 * ```ts
 * import { civilFromDay } from 'loyalty-score/math';
 * civilFromDay(11017); // => { year: 2000, month: 3, day: 1 }
 * ```
 */
export function civilFromDay(epochDay: number): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Whether the year is a Gregorian leap year.
 *
 * @example
 * ```ts
 * import { isLeapYear } from 'loyalty-score/math';
 * [isLeapYear(2024), isLeapYear(1900), isLeapYear(2000)]; // => [true, false, true]
 * ```
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month (1..12) of a year.
 *
 * @example
 * ```ts
 * import { daysInMonth } from 'loyalty-score/math';
 * [daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2023, 4)]; // => [29, 28, 30]
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether year/month/day is a real calendar date (e.g. not 2023-02-29).
 *
 * @example
 * ```ts
 * import { isValidCivil } from 'loyalty-score/math';
 * [isValidCivil(2024, 2, 29), isValidCivil(2023, 2, 29)]; // => [true, false]
 * ```
 */
export function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Epoch day of an ISO calendar date `yyyy-MM-dd`; throws `RangeError` on anything else.
 *
 * @example
 * ```ts
 * import { dayFromIso } from 'loyalty-score';
 * dayFromIso('1997-09-30'); // => 10134
 * ```
 */
export function dayFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (isValidCivil(y, mo, d)) return dayFromCivil(y, mo, d);
  }
  throw new RangeError(`not a valid calendar date (expected yyyy-MM-dd)`);
}

/**
 * ISO calendar date `yyyy-MM-dd` of an epoch day.
 *
 * @example
 * ```ts
 * import { isoFromDay } from 'loyalty-score';
 * isoFromDay(10134); // => '1997-09-30'
 * ```
 */
export function isoFromDay(epochDay: number): string {
  const { year, month, day } = civilFromDay(epochDay);
  const y = year < 0 ? `-${String(-year).padStart(6, '0')}` : year > 9999 ? `+${year}` : String(year).padStart(4, '0');
  return `${y}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Adds calendar months to an epoch day, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29).
 *
 * @example
 * ```ts
 * import { dayFromIso, isoFromDay } from 'loyalty-score';
 * import { addMonthsToDay } from 'loyalty-score/math';
 * isoFromDay(addMonthsToDay(dayFromIso('2024-01-31'), 1)); // => '2024-02-29'
 * ```
 */
export function addMonthsToDay(epochDay: number, months: number): number {
  const { year, month, day } = civilFromDay(epochDay);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}
