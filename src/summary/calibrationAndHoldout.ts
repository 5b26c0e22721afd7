import { invalidOption } from '../errors/InvalidInputError.js';
import { calendarPeriod, durationBetween } from '../time/duration.js';
import { isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import type { TimeUnit } from '../time/units.js';
import { buildSummaries } from './buildSummaries.js';
import { dayOrderedColumns } from './dayOrderedColumns.js';
import type { RowInputOptions, TimeUnitOptions } from './options.js';
import { resolveTimeOptions } from './resolveOptions.js';
import type { TransactionTable } from '../transactions/types.js';
import { type CustomerActivity, A_FIRST_DAY, A_FIRST_PERIOD_SPEND, A_LAST_DAY, A_PERIODS, A_PURCHASE_SPEND, scanActivity, STRIDE } from './scanActivity.js';
import { calendarPeriod as periodOfDay } from '../time/duration.js';
import { latestDay } from '../transactions/latestDay.js';
import { toTable, type TableOrRows } from '../transactions/toTable.js';
import { summaryObjects, type SummaryColumns } from './summaryColumns.js';
import type { CustomerSummary } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link calibrationAndHoldout}. */
export interface CalibrationAndHoldoutOptions extends TimeUnitOptions, RowInputOptions {
  /** Last day of the calibration period (inclusive). Required. */
  calibrationEnd: DateLike;
  /**
   * Last day of the holdout period (inclusive); must be after `calibrationEnd`.
   * @defaultValue the latest transaction date in the data
   */
  observationEnd?: DateLike;
}

/** What a customer did in the holdout period `(calibrationEnd, observationEnd]`. */
export interface HoldoutMeasures {
  /** Purchase periods in the holdout (merged as in the calibration summary). */
  readonly frequency: number;
  /** Mean merged spend per holdout purchase period; 0 without holdout purchases. */
  readonly monetaryValue: number;
  /** Length of the holdout period in the time unit (the same for every customer). */
  readonly duration: number;
}

/** A calibration summary with the customer's holdout behaviour. */
export interface CalibrationHoldoutSummary extends CustomerSummary {
  readonly holdout: HoldoutMeasures;
}

/** Result of {@link calibrationAndHoldout}. */
export interface CalibrationAndHoldout {
  /** Customers whose first purchase is on or before `calibrationEnd`, by {@link compareCustomerIds}. */
  readonly customers: CalibrationHoldoutSummary[];
  readonly calibrationEnd: string;
  readonly observationEnd: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly excluded: {
    /** Customers whose first purchase falls after `calibrationEnd` (left out). */
    readonly customersFirstBuyingInHoldout: number;
    /** Rows dated after `observationEnd` (left out). */
    readonly rowsAfterObservationEnd: number;
  };
}

/** Result of {@link calibrationAndHoldoutColumns}: the split by column. */
export interface CalibrationAndHoldoutColumns extends Omit<CalibrationAndHoldout, 'customers'> {
  /** The calibration summaries by column (customers first buying on or before `calibrationEnd`). */
  readonly columns: SummaryColumns;
  /** The same customers' holdout measures, by column. */
  readonly holdout: { readonly frequency: Float64Array; readonly monetaryValue: Float64Array };
  /** Length of the holdout period in the time unit (the same for every customer). */
  readonly duration: number;
}

/**
 * Splits the history at `calibrationEnd`: the calibration summary (as {@link summarizeCustomers}
 * with `asOf = calibrationEnd`) plus, per customer, what happened in
 * `(calibrationEnd, observationEnd]`: holdout purchase periods, their mean spend, and the holdout
 * duration. Customers whose first purchase falls after `calibrationEnd` are left out and counted.
 * This is the set-up for validating the purchase models on data they were not fitted to.
 *
 * Cost: two passes over the rows in day order.
 *
 * @throws {@link InvalidInputError} when `calibrationEnd` is missing or not before `observationEnd`.
 * @example
 * ```ts
 * import { calibrationAndHoldout } from 'loyalty-score';
 * const rows = [
 *   { customerId: 1, date: '2015-01-01', amount: 1 },
 *   { customerId: 1, date: '2015-02-06', amount: 2 },
 *   { customerId: 2, date: '2015-02-03', amount: 5 },
 * ];
 * const split = calibrationAndHoldout(rows, { calibrationEnd: '2015-02-01', observationEnd: '2015-02-07' });
 * split.customers.length; // => 1
 * split.customers[0].holdout; // => { frequency: 1, monetaryValue: 2, duration: 6 }
 * split.excluded.customersFirstBuyingInHoldout; // => 1
 * ```
 */
export function calibrationAndHoldout(input: TableOrRows, options: CalibrationAndHoldoutOptions): CalibrationAndHoldout {
  rejectUnknownKeys(options, CALIBRATION_AND_HOLDOUT_OPTION_KEYS, 'options', 'calibrationAndHoldout');
  const { columns, holdout, duration, ...context } = calibrationAndHoldoutColumns(input, options);
  const out: CalibrationHoldoutSummary[] = summaryObjects(columns).map((s, j) => {
    const frequency = holdout.frequency[j]!;
    return { ...s, holdout: { frequency, monetaryValue: holdout.monetaryValue[j]!, duration } };
  });
  return { customers: out, ...context };
}

/**
 * {@link calibrationAndHoldout} by column: the calibration summaries as {@link SummaryColumns}
 * and the holdout measures as typed arrays in the same customer order, without an object per
 * customer. Same numbers, same options and errors.
 *
 * @example
 * ```ts
 * import { calibrationAndHoldoutColumns } from 'loyalty-score';
 * const split = calibrationAndHoldoutColumns(
 *   [
 *     { customerId: 1, date: '2015-01-01', amount: 1 },
 *     { customerId: 1, date: '2015-02-06', amount: 2 },
 *   ],
 *   { calibrationEnd: '2015-02-01', observationEnd: '2015-02-07' },
 * );
 * Array.from(split.holdout.frequency); // => [1]
 * split.duration; // => 6
 * ```
 */
export function calibrationAndHoldoutColumns(input: TableOrRows, options: CalibrationAndHoldoutOptions): CalibrationAndHoldoutColumns {
  rejectUnknownKeys(options, CALIBRATION_AND_HOLDOUT_OPTION_KEYS, 'options', 'calibrationAndHoldoutColumns');
  if (options === undefined || options.calibrationEnd === undefined) invalidOption('calibrationEnd', 'required (expected yyyy-MM-dd)', 'missing_option');
  const { unit, mode } = resolveTimeOptions(options);
  const table = toTable(input, options);
  const calEnd = toEpochDay(options.calibrationEnd, 'calibrationEnd');
  const obsEnd = options.observationEnd === undefined ? latestDay(table) : toEpochDay(options.observationEnd, 'observationEnd');
  if (obsEnd <= calEnd) invalidOption('observationEnd', `must be after calibrationEnd (expected a date after ${isoFromDay(calEnd)})`);

  const k = table.customerIds.length;
  const { cal, hold } = scanCalibrationAndHoldout(table, calEnd, obsEnd, unit, mode);
  const { columns } = buildSummaries(table.customerIds, cal, { asOf: calEnd, unit, mode, rfmMonetary: 'total', hasCost: table.cost !== null });
  const calendar = mode === 'calendar' && unit !== 'day';
  const h = hold.state;

  const duration =
    mode === 'calendar' && unit !== 'day'
      ? calendarPeriod(obsEnd, unit) - calendarPeriod(calEnd, unit)
      : durationBetween(calEnd, obsEnd, unit);
  const n = columns.length;
  const holdFrequency = new Float64Array(n);
  const holdMonetary = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const s0 = columns.tableIndex[j]! * STRIDE;
    // A holdout purchase in the calibration's last period (possible with calendar periods) is
    // not a new period: it merges into that period, as it would in one summary.
    let frequency = h[s0 + A_PERIODS]!;
    let spend = h[s0 + A_PURCHASE_SPEND]!;
    if (calendar && frequency > 0 && periodOfDay(h[s0 + A_FIRST_DAY]!, unit) === periodOfDay(cal.state[s0 + A_LAST_DAY]!, unit)) {
      frequency -= 1;
      spend -= h[s0 + A_FIRST_PERIOD_SPEND]!;
    }
    holdFrequency[j] = frequency;
    holdMonetary[j] = frequency > 0 ? spend / frequency : 0;
  }

  let firstInHoldout = 0;
  for (let c = 0; c < k; c++) if (cal.state[c * STRIDE + A_PERIODS] === 0 && h[c * STRIDE + A_PERIODS]! > 0) firstInHoldout++;
  return {
    columns,
    holdout: { frequency: holdFrequency, monetaryValue: holdMonetary },
    duration,
    calibrationEnd: isoFromDay(calEnd),
    observationEnd: isoFromDay(obsEnd),
    timeUnit: unit,
    periods: mode,
    excluded: { customersFirstBuyingInHoldout: firstInHoldout, rowsAfterObservationEnd: hold.rowsAfter },
  };
}

/** Both scans over one day-ordered copy, which is unreachable once they return. */
function scanCalibrationAndHoldout(
  table: TransactionTable,
  calEnd: number,
  obsEnd: number,
  unit: TimeUnit,
  mode: PeriodMode,
): { cal: CustomerActivity; hold: CustomerActivity } {
  const cols = dayOrderedColumns(table);
  const k = table.customerIds.length;
  return {
    cal: scanActivity(cols, k, table.orderIds.length, { fromDay: -Infinity, toDay: calEnd, unit, mode }),
    hold: scanActivity(cols, k, table.orderIds.length, { fromDay: calEnd, toDay: obsEnd, unit, mode }),
  };
}

/** The option names of {@link CalibrationAndHoldoutOptions}. @internal */
export const CALIBRATION_AND_HOLDOUT_OPTION_KEYS: KeyList<CalibrationAndHoldoutOptions> = {
  calibrationEnd: true,
  observationEnd: true,
  timeUnit: true,
  periods: true,
  parse: true,
};
