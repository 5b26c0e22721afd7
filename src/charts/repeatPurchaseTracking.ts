import { invalidOption } from '../errors/InvalidInputError.js';
import { repeatPurchaseDays } from '../models/evaluation/repeatPurchaseDays.js';
import { countPurchasesByPeriod } from '../models/evaluation/countPurchasesByPeriod.js';
import { trackRepeatPurchases, type TrackRepeatPurchasesResult } from '../models/evaluation/trackRepeatPurchases.js';
import type { PurchaseModel } from '../models/types.js';
import { isoFromDay } from '../time/days.js';
import { durationBetween } from '../time/duration.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import type { TimeUnit } from '../time/units.js';
import type { TransactionTable } from '../transactions/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link repeatPurchaseTracking}. */
export interface RepeatPurchaseTrackingOptions {
  /**
   * The model's time unit: the first-purchase and repeat times are measured in it.
   * @defaultValue `'week'`
   */
  readonly timeUnit?: TimeUnit;
  /**
   * Start of the tracking: period 1 begins here.
   * @defaultValue the earliest purchase in the table
   */
  readonly origin?: DateLike;
  /**
   * Last day tracked (inclusive); the periods cover origin to it.
   * @defaultValue the latest purchase in the table
   */
  readonly end?: DateLike;
  /**
   * End of the calibration period, marked on the chart (`calibrationPeriods`).
   * @defaultValue none
   */
  readonly calibrationEnd?: DateLike;
}

/** Result of {@link repeatPurchaseTracking}: the tracking series and where they start and stop. */
export interface RepeatPurchaseTracking extends TrackRepeatPurchasesResult {
  /** The origin, `yyyy-MM-dd`. */
  readonly origin: string;
  /** The model time unit of `periodEnd`. */
  readonly timeUnit: TimeUnit;
  /** Length of one tracking period in model time units: one week (7 for days), else 1. */
  readonly periodLength: number;
  /** The calibration end in model time units since the origin, or `null`. */
  readonly calibrationEnd: number | null;
}

/**
 * The tracking curve of a cohort: repeat purchases per week (per month or year for those
 * units), incremental and cumulative, observed and as the model expects (Fader, Hardie & Lee
 * 2005, figures 2 and 3; BTYD's tracking plots).
 *
 * Observed repeat purchases are each customer's distinct purchase days after the first (as
 * {@link repeatPurchaseDays} gives them), counted per period ({@link countPurchasesByPeriod}); the
 * expectation sums, over customers, the repeat purchases a new customer makes from their first
 * purchase to each period's end ({@link trackRepeatPurchases}). Times are durations since the
 * origin in the model's unit (`durationBetween`). Cost: O(n log n) for n rows.
 *
 * @param table - The transactions (a `TransactionTable`), not modified.
 * @param model - A purchase model in `timeUnit`.
 * @param options - See {@link RepeatPurchaseTrackingOptions}.
 * @returns Period ends, expected and actual series (incremental, cumulative) with their errors, and the origin.
 * @throws {InvalidInputError} When an option is invalid or `end` is not after `origin`.
 * @example
 * ```ts
 * import { bgNbd, parseTransactions, repeatPurchaseTracking } from 'loyalty-score';
 * const { table } = parseTransactions([
 *   { customerId: 1, date: '2024-01-01', amount: 5 },
 *   { customerId: 1, date: '2024-01-09', amount: 5 },
 *   { customerId: 2, date: '2024-01-03', amount: 5 },
 *   { customerId: 2, date: '2024-01-20', amount: 5 },
 * ]);
 * const t = repeatPurchaseTracking(table, bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }));
 * Array.from(t.actualIncremental); // => [0, 1, 1]
 * t.origin; // => '2024-01-01'
 * ```
 */
export function repeatPurchaseTracking(
  table: TransactionTable,
  model: Pick<PurchaseModel<unknown, unknown>, 'expectedPurchasesNewCustomer'>,
  options: RepeatPurchaseTrackingOptions = {},
): RepeatPurchaseTracking {
  rejectUnknownKeys(options, REPEAT_PURCHASE_TRACKING_OPTION_KEYS, 'options', 'repeatPurchaseTracking');
  const unit = options.timeUnit ?? 'week';
  if (!['day', 'week', 'month', 'year'].includes(unit)) invalidOption('timeUnit', "expected 'day', 'week', 'month' or 'year'");
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i]!;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const { firstPurchaseDay, repeatDays } = repeatPurchaseDays(table);
  const origin = options.origin !== undefined ? toEpochDay(options.origin, 'origin') : first;
  const end = options.end !== undefined ? toEpochDay(options.end, 'end') : last;
  if (!(end > origin)) invalidOption('end', `expected a day after the origin ${Number.isFinite(origin) ? isoFromDay(origin) : '(no transactions)'}`);
  const periodLength = unit === 'day' ? 7 : 1;
  const span = durationBetween(origin, end, unit);
  const periods = Math.max(1, Math.ceil(span / periodLength - 1e-9));
  const times = (days: Int32Array): Float64Array => {
    const out = new Float64Array(days.length);
    for (let i = 0; i < days.length; i++) out[i] = durationBetween(origin, days[i]!, unit);
    return out;
  };
  const repeatTimes = times(repeatDays).filter((t) => t >= 0 && t <= span);
  const firsts = times(firstPurchaseDay).filter((t) => t >= 0 && t <= span);
  const actual = countPurchasesByPeriod(repeatTimes, { periods, periodLength });
  const tracked = trackRepeatPurchases(model, { firstPurchaseTimes: firsts, actual, periodLength });
  const calibrationEnd = options.calibrationEnd !== undefined ? durationBetween(origin, toEpochDay(options.calibrationEnd, 'calibrationEnd'), unit) : null;
  return { ...tracked, origin: isoFromDay(origin), timeUnit: unit, periodLength, calibrationEnd };
}

const REPEAT_PURCHASE_TRACKING_OPTION_KEYS: KeyList<RepeatPurchaseTrackingOptions> = { timeUnit: true, origin: true, end: true, calibrationEnd: true };
