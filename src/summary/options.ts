import type { AsOfOptions, RowInputOptions } from '../transactions/options.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';

/** Options fragment: the unit of reported durations. */
export interface TimeUnitOptions {
  /**
   * Unit of recency, T and every duration: `'day'`, `'week'` (7 days), `'month'` or `'year'`
   * (calendar months and years, see {@link "loyalty-score/math"!durationBetween}).
   * @defaultValue `'day'`
   */
  timeUnit?: TimeUnit;
  /**
   * How purchases merge into periods and how durations are measured.
   * - `'exact'`: purchases on the same calendar day merge into one; durations are exact
   *   calendar spans converted to `timeUnit` (fractional: CDNOW's `t_x = 30.43` weeks). This is
   *   the convention of the BTYD papers.
   * - `'calendar'`: dates are bucketed into calendar periods of `timeUnit` (ISO weeks Monday to
   *   Sunday, months, years); purchases in the same period merge into one and durations are
   *   whole numbers of periods (the convention of Python's lifetimes with `freq='W'`).
   * @defaultValue `'exact'`
   */
  periods?: PeriodMode;
}

export type { AsOfOptions, RowInputOptions } from '../transactions/options.js';

/** Options of {@link summarizeCustomers}. */
export interface SummarizeCustomersOptions extends TimeUnitOptions, RowInputOptions, AsOfOptions {
  /**
   * The RFM monetary measure: `'total'` net revenue or `'mean'` revenue per purchase.
   * @defaultValue `'total'`
   */
  rfmMonetary?: 'total' | 'mean';
}
