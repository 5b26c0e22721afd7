import type { CalendarSpan } from '../clv/predictClv.js';
import { addMonthsToDay } from '../time/days.js';
import { durationBetween } from '../time/duration.js';
import type { TimeUnit } from '../time/units.js';

/**
 * Length of the discounting sub-periods of the pipeline's CLV, in whole model time units: 1, or
 * more when the horizon spans more than 60 units (a year in days), so the sum takes at most
 * about 60 steps. Expected purchases over the horizon do not depend on it; the discounting is a
 * midpoint rule whose error is of order (rate × step)².
 * @param asOf - The forecast start, days since 1970-01-01.
 * @internal
 */
export function discountStep(asOf: number, horizon: CalendarSpan, unit: TimeUnit): number {
  const to =
    horizon.unit === 'day'
      ? asOf + horizon.amount
      : horizon.unit === 'week'
        ? asOf + 7 * horizon.amount
        : addMonthsToDay(asOf, horizon.amount * (horizon.unit === 'month' ? 1 : 12));
  return Math.max(1, Math.ceil(durationBetween(asOf, to, unit) / 60));
}
