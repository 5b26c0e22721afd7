import type { CalendarSpan } from '../clv/predictClv.js';
import type { TimeUnit } from '../time/units.js';
import { horizonLength } from './horizonLength.js';

/**
 * Length of the discounting sub-periods of the pipeline's CLV, in whole model time units: 1, or
 * more when the horizon spans more than 60 units (a year in days), so the sum takes at most
 * about 60 steps. Expected purchases over the horizon do not depend on it; the discounting is a
 * midpoint rule whose error is of order (rate × step)².
 * @param asOf - The forecast start, days since 1970-01-01.
 * @internal
 */
export function discountStep(asOf: number, horizon: CalendarSpan, unit: TimeUnit): number {
  return Math.max(1, Math.ceil(horizonLength(asOf, horizon, unit) / 60));
}
