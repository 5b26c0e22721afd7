import { distinctHistories } from '../clv/distinctHistories.js';
import { predictClvByHistory } from '../clv/predictClv.js';
import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { classifyLoyaltyColumns } from '../loyalty/classifyLoyaltyColumns.js';
import type { SpendColumns } from '../models/types.js';
import { scoreRfmColumns } from '../rfm/scoreRfmColumns.js';
import { summarizeCustomerColumns, type CustomerSummaryColumns } from '../summary/summarizeCustomers.js';
import { toTable, type TableOrRows } from '../transactions/toTable.js';
import { assignTierColumns } from '../tiers/assignTierColumns.js';
import { toEpochDay } from '../time/toEpochDay.js';
import { parseTransactionBatches } from '../transactions/parseTransactionBatches.js';
import type { TransactionInput, TransactionTable } from '../transactions/types.js';
import { aliveByHistory } from './aliveByHistory.js';
import { CustomerScores } from './CustomerScores.js';
import { discountStep } from './discountStep.js';
import { fitPurchaseModel } from './fitPurchaseModel.js';
import { fitSpendModel } from './fitSpendModel.js';
import { ModelFitError } from './ModelFitError.js';
import { PURCHASE_MODEL_NAMES } from './purchaseModels.js';
import { choosePurchaseModel } from './choosePurchaseModel.js';
import { scoreIntervals } from './scoreIntervals.js';
import { surveyLookup } from './surveyLookup.js';
import type { ScoreCustomersOptions, ScoreWarning } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/**
 * Scores a whole customer base in one call: summaries, RFM, ABCD tiers, loyalty pyramid and
 * type, purchase-model predictions and lifetime value, one result per customer.
 *
 * The steps, each a library function of its own:
 * 1. one pass over the transactions gives each customer's summary (both conventions) and the
 *    behaviour signals of the loyalty classifiers ({@link summarizeCustomerColumns});
 * 2. RFM scores and segments ({@link scoreRfm}), ABCD tiers by revenue or profit
 *    ({@link assignTiers});
 * 3. each customer's signals (with the survey answers, if any) are assessed once and feed both
 *    the loyalty pyramid and the loyalty type ({@link classifyPyramid}, {@link classifyLoyaltyType});
 * 4. the purchase model is fitted ({@link fitPurchaseModel}), or chosen by holdout with
 *    `model: 'best'` ({@link selectPurchaseModel}) and refitted on the whole period;
 *    Gamma-Gamma is fitted on the repeat customers' mean spend;
 * 5. P(alive), expected purchases and spend over the horizon, and CLV ({@link predictClv}).
 *
 * Customers first seen on the as-of date (T = 0) are scored as just acquired: their likelihood
 * contribution is 1 and their predictions are the models' limits for a new customer. Repeat
 * customers with a zero mean spend are left out of the Gamma-Gamma fit and get its limit for a
 * spend tending to 0. Every fit warning is carried in `warnings`.
 *
 * Everything is computed by column (typed arrays per measure, reasons as codes); the customer
 * objects in `customers` are built on first access, and `columns` gives the same numbers without
 * them. Cost: O(n) in the rows plus O(k log k) in the customers, and one model fit (four with
 * `best`).
 *
 * @param input - Transaction rows, a {@link TransactionTable}, or an async iterable of row batches
 *   (then the result is a promise).
 * @param options - See {@link ScoreCustomersOptions}; every default is the command line's.
 * @returns The scored customers in {@link compareCustomerIds} order, the fitted models, the model
 *   selection (with `model: 'best'`), warnings, what was left out, the as-of date and time unit.
 * @throws {@link InvalidInputError} for invalid rows or options.
 * @throws {@link ModelFitError} when a model cannot be fitted on these data.
 * @example
 * ```ts
 * import { scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const rows = simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 });
 * const scores = scoreCustomers(rows, { asOf: '2025-06-30' });
 * scores.model.model; // => 'bgnbd'
 * scores.customers.length === scores.columns.summary.length; // => true
 * const c = scores.customers[0];
 * [c.tier, c.rfmCell.length, c.pAlive >= 0 && c.pAlive <= 1]; // => ['D', 3, true]
 * ```
 */
export function scoreCustomers(input: TableOrRows, options?: ScoreCustomersOptions): CustomerScores;
export function scoreCustomers(input: AsyncIterable<readonly TransactionInput[]>, options?: ScoreCustomersOptions): Promise<CustomerScores>;
export function scoreCustomers(input: TableOrRows | AsyncIterable<readonly TransactionInput[]>, options: ScoreCustomersOptions = {}): CustomerScores | Promise<CustomerScores> {
  rejectUnknownKeys(options, SCORE_CUSTOMERS_OPTION_KEYS, 'options', 'scoreCustomers');
  checkOptions(options);
  if (isAsyncIterable(input)) return parseTransactionBatches(input, options.parse ?? {}).then((r) => scoreTable(r.table, options));
  return scoreTable(toTable(input, options), options);
}

function isAsyncIterable(x: unknown): x is AsyncIterable<readonly TransactionInput[]> {
  return x !== null && typeof x === 'object' && typeof (x as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

function checkOptions(o: ScoreCustomersOptions): void {
  if (o === null || typeof o !== 'object') invalidOption('options', 'expected an options object');
  const model = o.model ?? 'bgnbd';
  if (model !== 'best' && !PURCHASE_MODEL_NAMES.includes(model)) invalidOption('model', "expected 'bgnbd', 'paretonbd', 'mbgnbd' or 'best'");
  if (o.calibrationEnd !== undefined && model !== 'best') invalidOption('calibrationEnd', "only applies with model: 'best' (the holdout comparison)");
  if (o.tierBy !== undefined && o.tierBy !== 'revenue' && o.tierBy !== 'profit') invalidOption('tierBy', "expected 'revenue' or 'profit'");
  if (o.margin !== undefined && !(Number.isFinite(o.margin) && o.margin <= 1)) invalidOption('margin', 'expected a finite number <= 1');
  if (o.l2Penalty !== undefined && !(Number.isFinite(o.l2Penalty) && o.l2Penalty >= 0)) invalidOption('l2Penalty', 'expected a finite number >= 0');
  if (o.maxIterations !== undefined && !(Number.isInteger(o.maxIterations) && o.maxIterations >= 1)) invalidOption('maxIterations', 'expected a whole number >= 1');
  if (o.rfm !== undefined && o.rfm.method !== undefined && o.rfm.method !== 'quantile' && o.rfm.method !== 'rank') invalidOption('rfm', "expected { method: 'quantile' | 'rank' }");
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') invalidOption('onProgress', 'expected a function');
  if (o.intervals !== undefined && !(o.intervals > 0 && o.intervals < 1)) invalidOption('intervals', 'expected a level strictly between 0 and 1, such as 0.9');
}

function scoreTable(table: TransactionTable, options: ScoreCustomersOptions): CustomerScores {
  if ((table as { countOnly?: boolean }).countOnly === true) {
    throw new InvalidInputError(
      [
        {
          code: 'missing_field',
          path: ['transactions', 'amount'],
          message:
            'the transactions carry no amount (count-only data): RFM monetary, tiers, loyalty types, spend and lifetime value need amounts; use scoreCustomerCounts for P(alive) and expected purchases',
        },
      ],
      'scoreCustomers',
    );
  }
  const progress = options.onProgress ?? ((): void => {});
  const timeUnit = options.timeUnit ?? 'week';
  const periods = options.periods ?? 'exact';
  progress('summarizing', 0);
  const summary = summarizeCustomerColumns(table, {
    timeUnit,
    periods,
    activity: true,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.afterAsOf !== undefined ? { afterAsOf: options.afterAsOf } : {}),
  });
  return scoreSummaryColumns(summary, table.length, options, table);
}

/**
 * The steps of {@link scoreCustomers} after the summary: scores customers already summarised
 * with `activity: true` (by {@link summarizeCustomerColumns}, or chunk by chunk by a reader of a
 * large file), with the same options. `table`, the transactions, is needed only by
 * `model: 'best'` (the calibration split); `transactions` is their number.
 * @internal
 */
export function scoreSummaryColumns(summary: CustomerSummaryColumns, transactions: number, options: ScoreCustomersOptions, table: TransactionTable | null): CustomerScores {
  rejectUnknownKeys(options, SCORE_CUSTOMERS_OPTION_KEYS, 'options', 'scoreCustomers');
  checkOptions(options);
  const progress = options.onProgress ?? ((): void => {});
  const timeUnit = summary.timeUnit;
  const periods = summary.periods;
  const tierBy = options.tierBy ?? 'revenue';
  const horizon = options.horizon ?? { amount: 1, unit: 'year' };
  const discountRate = options.discountRate ?? { rate: 0.1, per: 'year' };
  const fitOptions = {
    ...(options.l2Penalty !== undefined ? { l2Penalty: options.l2Penalty } : {}),
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
  };

  const { columns } = summary;
  if (summary.activity === null) throw new Error('scoreSummaryColumns: the summary needs activity: true');
  const activity = summary.activity!;
  const n = columns.length;
  if (n === 0) throw new ModelFitError(null, `no customer has a purchase up to ${summary.asOf}`);
  if (tierBy === 'profit' && columns.cost === null) {
    invalidOption('tierBy', "profit needs costs, and the transactions carry none (give each row a cost, or tier by 'revenue')");
  }

  progress('classifying', 0);
  // customer ids in issues only under the caller's parse.revealValues (the CLI's --reveal-values)
  const revealValues = options.parse?.revealValues === true;
  const rfm = scoreRfmColumns(columns.rfm, { method: options.rfm?.method ?? 'quantile', customerIds: columns.customerIds, revealValues });
  const tierValue = tierBy === 'profit' ? profitColumn(columns.revenue, columns.cost!) : columns.revenue;
  const tiers = assignTierColumns(tierValue, { by: tierBy, customerIds: columns.customerIds, revealValues });
  const survey = options.survey === undefined ? null : surveyLookup(options.survey);
  const loyalty = classifyLoyaltyColumns(activity, {
    ...(options.loyalty ?? {}),
    customerIds: columns.customerIds,
    revealValues,
    ...(survey !== null ? { answers: (i: number) => survey.get(columns.customerIds[i]!) } : {}),
  });
  progress('classifying', 1);

  const choice = options.model ?? 'bgnbd';
  if (choice === 'best' && table === null) invalidOption('model', "'best' needs the transactions themselves (the calibration split), not only their summary");
  const { model, selection } = choosePurchaseModel(table!, choice, {
    asOf: summary.asOf,
    timeUnit,
    periods,
    calibrationEnd: options.calibrationEnd,
    fitOptions,
    progress,
  });

  progress('fitting', 0);
  const purchase = fitPurchaseModel(columns.btyd, { model, ...fitOptions });
  progress('fitting', 0.5);
  const spendColumns: SpendColumns = { frequency: columns.btyd.frequency, monetaryValue: columns.btyd.monetaryValue };
  const spend = fitSpendModel(spendColumns, { ...fitOptions, ...(options.allowUnconverged !== undefined ? { allowUnconverged: options.allowUnconverged } : {}) });

  progress('scoring', 0);
  // P(alive) and CLV once per distinct (x, t_x, T) history: many customers share one.
  const histories = distinctHistories(columns.btyd);
  const pAlive = aliveByHistory(purchase, columns.btyd, histories);
  const asOf = summary.asOf;
  const clvCustomers = { purchase: columns.btyd, spend: spendColumns, margin: marginColumn(columns.revenue, columns.cost, options.margin) };
  const clvOptions = { asOf, horizon, discountRate, modelTimeUnit: timeUnit, step: discountStep(toEpochDay(asOf, 'asOf'), horizon, timeUnit) };
  const clv = predictClvByHistory(purchase, spend.fit, clvCustomers, clvOptions, histories);
  const intervals = options.intervals === undefined ? undefined : scoreIntervals(purchase, spend.fit, clvCustomers, clvOptions, options.intervals);
  progress('scoring', 1);

  const warnings: ScoreWarning[] = [
    ...purchase.warnings.map((w) => ({ ...w, source: 'purchase' as const, model: purchase.model })),
    ...spend.fit.warnings.map((w) => ({ ...w, source: 'spend' as const, model: 'gammagamma' })),
  ];
  if (spend.zeroSpend > 0) {
    warnings.push({
      source: 'data',
      code: 'zero_spend_excluded',
      value: spend.zeroSpend,
      message: `${spend.zeroSpend} repeat customer${spend.zeroSpend === 1 ? '' : 's'} with zero mean spend left out of the Gamma-Gamma fit`,
    });
  }
  let surveyCounts: { matched: number; unmatched: number } | null = null;
  if (survey !== null) {
    let matched = 0;
    for (let i = 0; i < n; i++) if (loyalty.survey[i] === 1) matched++;
    surveyCounts = { matched, unmatched: survey.size - matched };
    if (surveyCounts.unmatched > 0) {
      warnings.push({ source: 'data', code: 'survey_unmatched', value: surveyCounts.unmatched, message: `${surveyCounts.unmatched} survey id${surveyCounts.unmatched === 1 ? '' : 's'} without transactions ignored` });
    }
  }

  return new CustomerScores({
    columns: { summary: columns, activity, rfm, tiers, tierValue, loyalty, pAlive, expectedPurchases: clv.expectedPurchases, expectedSpend: clv.expectedSpend, margin: clv.margin, clv: clv.clv, ...(intervals !== undefined ? { intervals } : {}) },
    model: purchase,
    spendModel: spend.fit,
    ...(selection !== undefined ? { selection } : {}),
    warnings,
    excluded: { ...summary.excluded, zeroSpendRepeaters: spend.zeroSpend },
    asOf,
    timeUnit,
    periods,
    tierBy,
    transactions,
    survey: surveyCounts,
    explain: options.explain ?? false,
  });
}

/** Revenue minus cost; `NaN` for a customer with a missing cost (tiering by profit then names them). */
function profitColumn(revenue: Float64Array, cost: Float64Array): Float64Array {
  const out = new Float64Array(revenue.length);
  for (let i = 0; i < out.length; i++) out[i] = revenue[i]! - cost[i]!;
  return out;
}

/** The margin share per customer: the given one, else profit / revenue where known and revenue > 0, else 1. */
function marginColumn(revenue: Float64Array, cost: Float64Array | null, margin: number | undefined): Float64Array {
  const out = new Float64Array(revenue.length);
  if (margin !== undefined) return out.fill(margin);
  for (let i = 0; i < out.length; i++) {
    const c = cost === null ? Number.NaN : cost[i]!;
    const r = revenue[i]!;
    out[i] = c === c && r > 0 ? (r - c) / r : 1;
  }
  return out;
}

/** The option names of {@link ScoreCustomersOptions}. @internal */
export const SCORE_CUSTOMERS_OPTION_KEYS: KeyList<ScoreCustomersOptions> = {
  timeUnit: true,
  rfm: true,
  tierBy: true,
  survey: true,
  loyalty: true,
  model: true,
  calibrationEnd: true,
  horizon: true,
  discountRate: true,
  margin: true,
  allowUnconverged: true,
  explain: true,
  onProgress: true,
  intervals: true,
  periods: true,
  asOf: true,
  afterAsOf: true,
  parse: true,
  l2Penalty: true,
  maxIterations: true,
};
