import type { CalendarSpan } from '../clv/predictClv.js';
import { addMonthsToDay } from '../time/days.js';
import { durationBetween } from '../time/duration.js';
import type { TimeUnit } from '../time/units.js';

/**
 * The length of a calendar horizon from `asOf` in model time units: a whole number of days,
 * weeks, calendar months or years after `asOf`, measured as {@link durationBetween} measures
 * (so 12 months from 2025-01-01 are 365 days, 52.142857 weeks).
 * @param asOf - The forecast start, days since 1970-01-01.
 * @internal
 */
export function horizonLength(asOf: number, horizon: CalendarSpan, unit: TimeUnit): number {
  const to =
    horizon.unit === 'day'
      ? asOf + horizon.amount
      : horizon.unit === 'week'
        ? asOf + 7 * horizon.amount
        : addMonthsToDay(asOf, horizon.amount * (horizon.unit === 'month' ? 1 : 12));
  return durationBetween(asOf, to, unit);
}
