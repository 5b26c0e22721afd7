import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue } from '../errors/issues.js';
import type { SpendCustomer, SpendModel } from '../models/gammagamma/types.js';
import type { BtydColumns, BtydCustomer, PurchaseModel, SpendColumns } from '../models/types.js';
import type { CustomerSummary } from '../summary/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import { clvHorizon, discountSchedule, type PredictClvOptions } from './clvSchedule.js';
import { discountedPurchases, type ClvPurchaseModel } from './discountedPurchases.js';
import type { DistinctHistories } from './distinctHistories.js';

export { MAX_CLV_STEPS, type CalendarSpan, type DiscountRate, type PredictClvOptions } from './clvSchedule.js';

/** A customer for {@link predictClv} given as plain data. */
export interface ClvCustomer<C> {
  /** The history the purchase model conditions on. */
  readonly purchase: C;
  /** The spend history the spend model conditions on. */
  readonly spend: SpendCustomer;
  /**
   * This customer's margin as a share of spend (`<= 1`); overrides `options.margin`.
   * @defaultValue options.margin
   */
  readonly margin?: number;
}

/**
 * Input customers: plain {@link ClvCustomer}s, or (for the continuous-time models) customer
 * summaries, whose `btyd` field feeds both models and whose `profit / revenue` is their margin
 * when their records carry cost.
 */
export type ClvInput<C> = ClvCustomer<C> | (C extends BtydCustomer ? CustomerSummary : never);

/**
 * Customers for {@link predictClv} as columns (continuous-time purchase models only): entry i of
 * every array is customer i. Gives bit for bit the results of the same customers as objects.
 */
export interface ClvColumns {
  /** Purchase histories (x, t_x, T) for the purchase model. */
  readonly purchase: BtydColumns;
  /** Spend histories (x, z̄) for the spend model. */
  readonly spend: SpendColumns;
  /**
   * Each customer's margin as a share of spend (`<= 1`), overriding `options.margin`.
   * @defaultValue options.margin for every customer
   */
  readonly margin?: Float64Array;
}

/** The spend model {@link predictClv} needs for customers given as objects. */
export interface ClvSpendModel {
  expectedAverageSpendMany(customers: readonly SpendCustomer[]): Float64Array;
}

/** What {@link predictClv} returns; every array has one value per customer, in input order. */
export interface PredictClvResult {
  /** Discounted expected margin over the horizon, currency units. */
  readonly clv: Float64Array;
  /** Expected purchases over the horizon (undiscounted). */
  readonly expectedPurchases: Float64Array;
  /** Expected spend per purchase (from the spend model). */
  readonly expectedSpend: Float64Array;
  /** Margin share used for each customer. */
  readonly margin: Float64Array;
  /** Sum of `clv`. */
  readonly total: number;
  /** The horizon in model time units (whole opportunities for BG/BB). */
  readonly horizon: number;
  /** Number of sub-periods summed. */
  readonly steps: number;
}

/**
 * Predicted customer lifetime value: discounted expected margin over a calendar horizon.
 *
 * For each customer, `CLV = margin × E[spend per purchase] × Σ_k ΔE_k (1 + rate)^(−u_k)`, where the
 * horizon (converted from its calendar unit to model units by exact calendar days from `asOf`) is
 * cut into sub-periods of `step` model units, `ΔE_k = E[X(t_k)] − E[X(t_{k−1})]` is the expected
 * number of purchases in sub-period k (the purchase model's conditional expectation), and `u_k`
 * is the time of the purchases, in the discount rate's own unit, measured in calendar days:
 * the sub-period's midpoint for the continuous-time models (midpoint rule, error O(step²)), the
 * opportunity itself (the sub-period's end) for BG/BB. Spend is taken independent of the purchase
 * process (the Gamma-Gamma assumption). A customer's margin is `profit / revenue` when their summary
 * carries cost and revenue > 0, else their own `margin`, else `options.margin`. Cost:
 * O(customers × steps) model evaluations; a model with `expectedPurchasesOverHorizons` (the
 * continuous-time ones) checks histories and computes P(alive) once and evaluates E_alive once
 * per distinct (x, T) and step, with bit for bit the same results. `convention: 'lifetimes'`
 * reproduces lifetimes' `customer_lifetime_value` instead: 30-day (4.345-week) months, each
 * discounted at its end.
 *
 * @param purchaseModel - Any purchase model (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB).
 * @param spendModel - A spend model, e.g. a fitted Gamma-Gamma.
 * @param customers - Customer summaries or {@link ClvCustomer}s; or, for the continuous-time
 *   models, {@link ClvColumns} (purchase and spend columns, optional margins), which give the
 *   same results bit for bit without an object per customer.
 * @param options - As-of date, horizon, discount rate, margin, model time unit, step.
 * @returns Per-customer CLV, expected purchases, expected spend and margin, with the total.
 * @throws InvalidInputError for an invalid option or customer (propagated from the models for
 *   invalid histories), or a horizon of more than 100,000 sub-periods (`step` too small).
 * @example
 * ```ts
 * import { predictClv } from 'loyalty-score';
 * // A toy purchase model: one purchase per week, and a flat spend of 10.
 * const weekly = { model: 'bgnbd', expectedPurchasesMany: (t: number, cs: readonly unknown[]) => new Float64Array(cs.length).fill(t) } as const;
 * const flat = { expectedAverageSpend: () => 10, expectedAverageSpendMany: (cs: readonly unknown[]) => new Float64Array(cs.length).fill(10) };
 * const customer = { purchase: { frequency: 1, recency: 2, T: 3 }, spend: { frequency: 1, monetaryValue: 10 } };
 * const result = predictClv(weekly, flat, [customer], { asOf: '2024-01-01', horizon: { amount: 4, unit: 'week' }, margin: 0.5 });
 * result.clv[0]; // ~> 20 (1e-12)
 * ```
 */
export function predictClv<C>(
  purchaseModel: Pick<PurchaseModel<unknown, C>, 'model' | 'expectedPurchasesMany' | 'expectedPurchasesOverHorizons'>,
  spendModel: ClvSpendModel,
  customers: readonly ClvInput<C>[],
  options: PredictClvOptions,
): PredictClvResult;
export function predictClv(
  purchaseModel: Pick<PurchaseModel<unknown, BtydCustomer>, 'model' | 'expectedPurchasesMany' | 'expectedPurchasesOverHorizons'>,
  spendModel: Pick<SpendModel, 'expectedAverageSpendMany'>,
  customers: ClvColumns,
  options: PredictClvOptions,
): PredictClvResult;
export function predictClv<C>(
  purchaseModel: ClvPurchaseModel<C>,
  spendModel: ClvSpendModel | Pick<SpendModel, 'expectedAverageSpendMany'>,
  customers: readonly ClvInput<C>[] | ClvColumns,
  options: PredictClvOptions,
): PredictClvResult {
  return clvOf(purchaseModel, spendModel, customers, options, undefined);
}

/**
 * {@link predictClv} of customers as columns whose distinct histories the caller has already
 * found ({@link distinctHistories} of `customers.purchase`), so that they are not found twice.
 * @internal
 */
export function predictClvByHistory(
  purchaseModel: ClvPurchaseModel<BtydCustomer>,
  spendModel: Pick<SpendModel, 'expectedAverageSpendMany'>,
  customers: ClvColumns,
  options: PredictClvOptions,
  histories: DistinctHistories,
): PredictClvResult {
  return clvOf(purchaseModel, spendModel, customers, options, histories);
}

function clvOf<C>(
  purchaseModel: ClvPurchaseModel<C>,
  spendModel: ClvSpendModel | Pick<SpendModel, 'expectedAverageSpendMany'>,
  customers: readonly ClvInput<C>[] | ClvColumns,
  options: PredictClvOptions,
  histories: DistinctHistories | undefined,
): PredictClvResult {
  rejectUnknownKeys(options, PREDICT_CLV_OPTION_KEYS, 'options', 'predictClv');
  const discrete = purchaseModel.model === 'bgbb';
  const h = clvHorizon(options, discrete);
  const { defaultMargin, horizon } = h;

  // Customers: purchase histories, spend histories, margins.
  let n: number;
  let purchase: C[] | BtydColumns;
  let spend: SpendCustomer[] | SpendColumns;
  let margin: Float64Array;
  const issues: InputIssue[] = [];
  if (!Array.isArray(customers)) {
    const cols = customers as ClvColumns;
    if (discrete) invalidOption('customers', 'columns are for the continuous-time models; give BG/BB customers as objects');
    if (!(cols !== null && typeof cols === 'object' && cols.purchase && cols.spend && cols.purchase.frequency instanceof Float64Array && cols.spend.frequency instanceof Float64Array)) {
      invalidOption('customers', 'expected an array of customers or columns { purchase, spend, margin? }');
    }
    n = cols.purchase.frequency.length;
    if (cols.spend.frequency.length !== n || (cols.margin !== undefined && cols.margin.length !== n)) {
      throw new InvalidInputError([{ code: 'length_mismatch', path: ['customers', 'spend'], message: `expected spend and margin columns of ${n} entries` }], 'predictClv');
    }
    purchase = cols.purchase;
    spend = cols.spend;
    if (cols.margin === undefined) margin = new Float64Array(n).fill(defaultMargin);
    else {
      margin = Float64Array.from(cols.margin);
      for (let i = 0; i < n; i++) {
        const own = margin[i]!;
        if (!(Number.isFinite(own) && own <= 1)) issues.push({ code: 'out_of_range', path: [i, 'margin'], message: 'expected a finite share of spend <= 1' });
      }
    }
  } else {
    n = customers.length;
    const purchaseRows: C[] = new Array(n);
    const spendRows: SpendCustomer[] = new Array(n);
    margin = new Float64Array(n);
    fillFromObjects(customers as readonly ClvInput<C>[], purchaseRows, spendRows, margin, defaultMargin, issues);
    purchase = purchaseRows;
    spend = spendRows;
  }
  if (issues.length > 0) throw new InvalidInputError(issues as [InputIssue, ...InputIssue[]], 'predictClv');

  const expectedSpend = (spendModel as Pick<SpendModel, 'expectedAverageSpendMany'>).expectedAverageSpendMany(spend);
  const expectedPurchases = new Float64Array(n);
  const { ends, factors } = discountSchedule(h);
  const { discounted, last: previous } = discountedPurchases(purchaseModel, ends, factors, purchase, n, histories);
  const steps = ends.length;
  const clv = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    expectedPurchases[i] = previous[i] as number;
    const v = (margin[i] as number) * (expectedSpend[i] as number) * (discounted[i] as number);
    if (!Number.isFinite(v)) {
      throw new InvalidInputError(
        [{ code: 'out_of_range', path: [i, 'spend'], message: 'the predicted value overflows (beyond ±1.8e308): the mean spend is too large for this horizon; give amounts in a larger currency unit' }],
        'predictClv',
      );
    }
    clv[i] = v;
    total += v;
  }
  if (!Number.isFinite(total)) {
    throw new InvalidInputError([{ code: 'out_of_range', path: ['customers', 'spend'], message: 'the total predicted value overflows (beyond ±1.8e308): give amounts in a larger currency unit' }], 'predictClv');
  }
  return { clv, expectedPurchases, expectedSpend, margin, total, horizon, steps };
}

/** Purchase and spend histories and margins of customers given as objects (summaries or {@link ClvCustomer}s). */
function fillFromObjects<C>(
  customers: readonly ClvInput<C>[],
  purchase: C[],
  spend: SpendCustomer[],
  margin: Float64Array,
  defaultMargin: number,
  issues: InputIssue[],
): void {
  for (let i = 0; i < customers.length; i++) {
    const row = customers[i] as ClvCustomer<C> | CustomerSummary;
    if (row === null || typeof row !== 'object') {
      issues.push({ code: 'not_an_object', path: [i], message: 'expected a customer summary or { purchase, spend, margin? }' });
      continue;
    }
    if ('btyd' in row) {
      purchase[i] = row.btyd as unknown as C;
      spend[i] = row.btyd;
      margin[i] = row.cost !== null && row.profit !== null && row.revenue > 0 ? row.profit / row.revenue : defaultMargin;
    } else {
      purchase[i] = row.purchase;
      spend[i] = row.spend;
      const own = row.margin ?? defaultMargin;
      if (!(Number.isFinite(own) && own <= 1)) issues.push({ code: 'out_of_range', path: [i, 'margin'], message: 'expected a finite share of spend <= 1' });
      margin[i] = own;
    }
  }
}

/** The option names of {@link PredictClvOptions}. @internal */
export const PREDICT_CLV_OPTION_KEYS: KeyList<PredictClvOptions> = {
  asOf: true,
  horizon: true,
  discountRate: true,
  margin: true,
  modelTimeUnit: true,
  step: true,
  convention: true,
};
