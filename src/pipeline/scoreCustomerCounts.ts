import type { CalendarSpan } from '../clv/predictClv.js';
import { invalidOption } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import type { TimeUnitOptions } from '../summary/options.js';
import { summarizeCustomerColumns, type SummarizableInput } from '../summary/summarizeCustomers.js';
import { toEpochDay } from '../time/toEpochDay.js';
import { TIME_UNITS, type TimeUnit } from '../time/units.js';
import type { AsOfOptions, RowInputOptions } from '../transactions/options.js';
import { toTable, type TableOrRows } from '../transactions/toTable.js';
import { CustomerCountScores } from './CustomerCountScores.js';
import { fitPurchaseModel, type PipelineFitOptions } from './fitPurchaseModel.js';
import { horizonLength } from './horizonLength.js';
import { ModelFitError } from './ModelFitError.js';
import { PURCHASE_MODEL_NAMES, type PurchaseModelName } from './purchaseModels.js';
import { choosePurchaseModel } from './choosePurchaseModel.js';

/** Options of {@link scoreCustomerCounts}: the purchase-model part of {@link ScoreCustomersOptions}. */
export interface ScoreCustomerCountsOptions extends TimeUnitOptions, AsOfOptions, RowInputOptions, PipelineFitOptions {
  /**
   * The time unit of the summaries and the model.
   * @defaultValue `'week'`
   */
  timeUnit?: TimeUnit;
  /**
   * The purchase model, or `'best'` to choose by holdout (see {@link selectPurchaseModel}).
   * @defaultValue `'bgnbd'`
   */
  model?: PurchaseModelName | 'best';
  /**
   * With `model: 'best'`: the end of the calibration period.
   * @defaultValue two thirds of the way from the first transaction to the as-of date
   */
  calibrationEnd?: string | Date | number;
  /**
   * How far ahead expected purchases are counted, a calendar span from the as-of date.
   * @defaultValue `{ amount: 1, unit: 'year' }`
   */
  horizon?: CalendarSpan;
  /** Called as each stage starts (fraction 0) and ends (fraction 1). @defaultValue none */
  onProgress?: (stage: 'summarizing' | 'selecting' | 'fitting' | 'scoring', fraction: number) => void;
}

/**
 * Scores customers with the purchase model alone: each customer's summary counts and ages, P(alive)
 * at the as-of date, and expected purchases over the horizon. It is the pipeline for count-only
 * data (purchase logs of `customer,date` with no amount), where spend, tiers, loyalty types and
 * lifetime value cannot be computed; on data with amounts it gives the same purchase-model
 * numbers as {@link scoreCustomers} and ignores the money.
 *
 * Defaults are those of {@link scoreCustomers}: weekly time unit, BG/NBD, a one-year horizon. The
 * result's `note` says what was left out and why when the data are count-only.
 *
 * @param input - Transaction rows (with or without amounts) or a table, as {@link summarizeCustomers} takes.
 * @param options - See {@link ScoreCustomerCountsOptions}.
 * @throws {@link InvalidInputError} for invalid rows or options.
 * @throws {@link ModelFitError} when no customer has a purchase up to the as-of date, or the model cannot be fitted.
 * @example
 * ```ts
 * import { scoreCustomerCounts, simulateTransactions } from 'loyalty-score';
 * const log = simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 })
 *   .map(({ customerId, date }) => ({ customerId, date })); // who bought when, no amounts
 * const scores = scoreCustomerCounts(log, { asOf: '2025-06-30', horizon: { amount: 26, unit: 'week' } });
 * [scores.countOnly, scores.model.model, scores.length > 0]; // => [true, 'bgnbd', true]
 * const c = scores.customers[0];
 * [c.revenue, c.pAlive >= 0 && c.pAlive <= 1, c.expectedPurchases >= 0]; // => [null, true, true]
 * scores.note?.startsWith('count-only data'); // => true
 * ```
 */
export function scoreCustomerCounts(input: SummarizableInput, options: ScoreCustomerCountsOptions = {}): CustomerCountScores {
  rejectUnknownKeys(options, SCORE_CUSTOMER_COUNTS_OPTION_KEYS, 'options', 'scoreCustomerCounts');
  if (options === null || typeof options !== 'object') invalidOption('options', 'expected an options object');
  const model = options.model ?? 'bgnbd';
  if (model !== 'best' && !PURCHASE_MODEL_NAMES.includes(model)) invalidOption('model', "expected 'bgnbd', 'paretonbd', 'mbgnbd' or 'best'");
  if (options.calibrationEnd !== undefined && model !== 'best') invalidOption('calibrationEnd', "only applies with model: 'best' (the holdout comparison)");
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') invalidOption('onProgress', 'expected a function');
  const progress = options.onProgress ?? ((): void => {});
  const timeUnit = options.timeUnit ?? 'week';
  const periods = options.periods ?? 'exact';
  const horizon = options.horizon ?? { amount: 1, unit: 'year' };
  checkHorizon(horizon);
  const fitOptions = {
    ...(options.l2Penalty !== undefined ? { l2Penalty: options.l2Penalty } : {}),
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
  };

  progress('summarizing', 0);
  // A count-only table types apart from one with amounts; the purchase-model steps read neither.
  const table = toTable(input as TableOrRows, options);
  const summary = summarizeCustomerColumns(table, {
    timeUnit,
    periods,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.afterAsOf !== undefined ? { afterAsOf: options.afterAsOf } : {}),
  });
  const { columns } = summary;
  if (columns.length === 0) throw new ModelFitError(null, `no customer has a purchase up to ${summary.asOf}`);
  progress('summarizing', 1);

  const { model: chosen, selection } = choosePurchaseModel(table, model, {
    asOf: summary.asOf,
    timeUnit,
    periods,
    calibrationEnd: options.calibrationEnd,
    fitOptions,
    progress,
  });

  progress('fitting', 0);
  const purchase = fitPurchaseModel(columns.btyd, { model: chosen, ...fitOptions });
  progress('scoring', 0);
  const asOfDay = toEpochDay(summary.asOf, 'asOf');
  const t = horizonLength(asOfDay, horizon, timeUnit);
  const pAlive = purchase.probabilityAliveMany(columns.btyd);
  const expectedPurchases = purchase.expectedPurchasesMany(t, columns.btyd);
  progress('scoring', 1);

  return new CustomerCountScores({
    columns: { summary: columns, pAlive, expectedPurchases },
    model: purchase,
    ...(selection !== undefined ? { selection } : {}),
    warnings: purchase.warnings.map((w) => ({ ...w, source: 'purchase' as const, model: purchase.model })),
    excluded: summary.excluded,
    asOf: summary.asOf,
    timeUnit,
    periods,
    transactions: table.length,
    countOnly: summary.countOnly,
  });
}

/** The same rule as {@link predictClv}'s horizon: a whole amount >= 0 of a calendar unit. */
function checkHorizon(h: CalendarSpan): void {
  if (!(h !== null && typeof h === 'object' && Number.isInteger(h.amount) && h.amount >= 0 && TIME_UNITS.includes(h.unit))) {
    invalidOption('horizon', 'expected { amount, unit } with a whole amount >= 0 and unit day, week, month or year');
  }
}

/** The option names of {@link ScoreCustomerCountsOptions}. @internal */
export const SCORE_CUSTOMER_COUNTS_OPTION_KEYS: KeyList<ScoreCustomerCountsOptions> = {
  timeUnit: true,
  periods: true,
  asOf: true,
  afterAsOf: true,
  parse: true,
  model: true,
  calibrationEnd: true,
  horizon: true,
  onProgress: true,
  l2Penalty: true,
  maxIterations: true,
};
