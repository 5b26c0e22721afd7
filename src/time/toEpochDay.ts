import { invalidOption } from '../errors/InvalidInputError.js';
import { DEFAULT_DAY_RANGE, dayOfDateLike, describeDayRange, type DateLike, type DayRange } from './dateRange.js';

export type { DateLike } from './dateRange.js';

/**
 * Reads an option's date as an epoch day; throws {@link InvalidInputError} naming the option.
 * `Date` objects and epoch milliseconds give their UTC calendar date. A date outside `range`
 * (by default 1900-01-01..2199-12-31) is refused with code `date_out_of_range`: an as-of date of
 * `9999-12-31` is a placeholder, not an end of observation.
 * @internal
 */
export function toEpochDay(value: DateLike, optionName: string, range: DayRange = DEFAULT_DAY_RANGE): number {
  const day = dayOfDateLike(value);
  if (day !== day) invalidOption(optionName, 'not a valid date (expected yyyy-MM-dd, a Date or epoch milliseconds)', 'invalid_date');
  if (day < range.minDay || day > range.maxDay) {
    invalidOption(optionName, `outside the accepted date range ${describeDayRange(range)} (expected a date in it)`, 'date_out_of_range');
  }
  return day;
}
