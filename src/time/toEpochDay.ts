import { invalidOption } from '../errors/InvalidInputError.js';
import { parseIsoDay } from './compileDateFormat.js';
import { MS_PER_DAY } from './days.js';

/** A calendar date given as an option: an ISO `yyyy-MM-dd` string, a `Date`, or epoch milliseconds. */
export type DateLike = string | Date | number;

/**
 * Reads an option's date as an epoch day; throws {@link InvalidInputError} naming the option.
 * `Date` objects and epoch milliseconds give their UTC calendar date.
 * @internal
 */
export function toEpochDay(value: DateLike, optionName: string): number {
  let day = Number.NaN;
  if (typeof value === 'string') day = parseIsoDay(value);
  else if (typeof value === 'number') day = Number.isFinite(value) ? Math.floor(value / MS_PER_DAY) : Number.NaN;
  else if (value instanceof Date) {
    const ms = value.getTime();
    day = Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : Number.NaN;
  }
  if (day !== day) invalidOption(optionName, 'not a valid date (expected yyyy-MM-dd, a Date or epoch milliseconds)', 'invalid_date');
  return day;
}
