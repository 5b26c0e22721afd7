import { InvalidInputError } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import { parseIsoDay } from './compileDateFormat.js';
import { dayFromCivil, isoFromDay, MS_PER_DAY } from './days.js';

/** A calendar date given as an option: an ISO `yyyy-MM-dd` string, a `Date`, or epoch milliseconds. */
export type DateLike = string | Date | number;

/**
 * The accepted dates of transactions and of date options, both ends inclusive. A date outside
 * is an input error: it is almost always a typo, a placeholder (`0000-01-01`, `9999-12-31`) or
 * a number read in the wrong unit, and it would silently become the as-of date or stretch every
 * customer's age.
 */
export interface DateRangeOption {
  /** The earliest accepted date. @defaultValue `'1900-01-01'` */
  from?: DateLike;
  /** The latest accepted date. @defaultValue `'2199-12-31'` */
  to?: DateLike;
}

/** An accepted range as epoch days, both ends inclusive. @internal */
export interface DayRange {
  readonly minDay: number;
  readonly maxDay: number;
}

/** 1900-01-01 to 2199-12-31: the range accepted when `dateRange` is not given. @internal */
export const DEFAULT_DAY_RANGE: DayRange = { minDay: dayFromCivil(1900, 1, 1), maxDay: dayFromCivil(2199, 12, 31) };

/** The widest range `dateRange` may name: years 0001 to 9999, the dates a `yyyy` field can write. */
const OUTER: DayRange = { minDay: dayFromCivil(1, 1, 1), maxDay: dayFromCivil(9999, 12, 31) };

const DATE_RANGE_KEYS: KeyList<DateRangeOption> = { from: true, to: true };

/** The range as written in messages: `1900-01-01..2199-12-31`. @internal */
export function describeDayRange(range: DayRange): string {
  return `${isoFromDay(range.minDay)}..${isoFromDay(range.maxDay)}`;
}

/**
 * The epoch day of a date option's value (a `yyyy-MM-dd` string, optionally with a valid time, a
 * `Date` or epoch milliseconds, their UTC date), or `NaN`; no range check.
 * @internal
 */
export function dayOfDateLike(value: unknown): number {
  if (typeof value === 'string') return parseIsoDay(value);
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value / MS_PER_DAY) : Number.NaN;
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : Number.NaN;
  }
  return Number.NaN;
}

/**
 * Validates a `dateRange` option (path `['options', option]`, unknown keys refused with the
 * nearest name): both ends valid dates in years 0001 to 9999, `from` not after `to`.
 * @internal
 */
export function resolveDateRange(value: unknown, option = 'dateRange'): DayRange {
  if (value === undefined) return DEFAULT_DAY_RANGE;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    invalid(option, "expected an object { from, to } of yyyy-MM-dd dates, such as { from: '1900-01-01', to: '2199-12-31' }");
  }
  rejectUnknownKeys(value, DATE_RANGE_KEYS, option);
  const v = value as DateRangeOption;
  const minDay = v.from === undefined ? DEFAULT_DAY_RANGE.minDay : dayOfDateLike(v.from);
  const maxDay = v.to === undefined ? DEFAULT_DAY_RANGE.maxDay : dayOfDateLike(v.to);
  for (const [end, day] of [['from', minDay], ['to', maxDay]] as const) {
    if (!(day >= OUTER.minDay && day <= OUTER.maxDay)) invalid(`${option}.${end}`, 'not a valid date in years 0001 to 9999 (expected yyyy-MM-dd, a Date or epoch milliseconds)');
  }
  if (minDay > maxDay) invalid(option, `from is after to (expected from <= to; got ${isoFromDay(minDay)}..${isoFromDay(maxDay)})`);
  return minDay === DEFAULT_DAY_RANGE.minDay && maxDay === DEFAULT_DAY_RANGE.maxDay ? DEFAULT_DAY_RANGE : { minDay, maxDay };
}

/**
 * Reads a `from..to` range as written on the command line (`1900-01-01..2199-12-31`; either end
 * may be left out for its default), or `null` when the text is not one.
 * @internal
 */
export function parseDateRangeText(text: string): DateRangeOption | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})?\s*\.\.\s*(\d{4}-\d{2}-\d{2})?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return { ...(m[1] !== undefined ? { from: m[1] } : {}), ...(m[2] !== undefined ? { to: m[2] } : {}) };
}

function invalid(option: string, message: string): never {
  throw new InvalidInputError([{ code: 'invalid_option', path: ['options', option], message }]);
}
