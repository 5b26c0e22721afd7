import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue } from '../errors/issues.js';
import type { SpendCustomer, SpendModel } from '../models/gammagamma/types.js';
import type { BtydColumns, BtydCustomer, PurchaseModel, SpendColumns } from '../models/types.js';
import type { CustomerSummary } from '../summary/types.js';
import { durationBetween } from '../time/duration.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import { TIME_UNITS, type TimeUnit } from '../time/units.js';
import { dayAfter, unitsBetween } from './calendarTime.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** A span of calendar time: a whole number of days, weeks, calendar months or years. */
export interface CalendarSpan {
  /** Whole number of units, `>= 0`. */
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** A discount rate with its own time unit: `{ rate: 0.1, per: 'year' }` is 10 % a year, compounded. */
export interface DiscountRate {
  /** Rate per `per`, `>= 0`. */
  readonly rate: number;
  readonly per: TimeUnit;
}

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

/** Options of {@link predictClv}. */
export interface PredictClvOptions {
  /** Start of the forecast: the end of the observation period the models were fitted on (`yyyy-MM-dd`, a `Date` or epoch ms). */
  readonly asOf: DateLike;
  /** How far ahead to forecast, in calendar units from `asOf`. */
  readonly horizon: CalendarSpan;
  /**
   * Discount rate with its own unit, compounded: a cash flow at `u` units of `per` after `asOf` is
   * worth `(1 + rate)^-u` now.
   * @defaultValue { rate: 0, per: 'year' }
   */
  readonly discountRate?: DiscountRate;
  /**
   * Margin as a share of spend (`<= 1`), for customers that carry none of their own.
   * @defaultValue 1 (the result is then discounted expected revenue)
   */
  readonly margin?: number;
  /**
   * The time unit the purchase model was fitted in (the opportunity length for BG/BB).
   * @defaultValue 'week'
   */
  readonly modelTimeUnit?: TimeUnit;
  /**
   * Length of the sub-periods of the discounting sum, in model time units (a whole number for BG/BB).
   * The horizon may hold at most 100,000 sub-periods (`horizon / step`); beyond that the call is an
   * error that names the smallest step that fits.
   * @defaultValue 1
   */
  readonly step?: number;
  /**
   * How the horizon is cut and discounted:
   * - `'calendar'`: the horizon is a calendar span from `asOf` (12 months from 2025-01-01 are 365
   *   days), cut into sub-periods of `step` model units, each discounted at its midpoint by the
   *   calendar time elapsed (the end of each opportunity for BG/BB);
   * - `'lifetimes'`: lifetimes' `customer_lifetime_value`, to reproduce numbers made with it: the
   *   horizon must be in months and the rate per month (lifetimes' `time` and `discount_rate`); a
   *   month is 30 model units for `modelTimeUnit: 'day'`, 4.345 for `'week'` and 1 for `'month'`
   *   (lifetimes' `freq` 'D', 'W', 'M'); month m's expected purchases are discounted by
   *   `(1 + rate)^-m`, at its end. `step` is not used (leave it out); continuous-time models only.
   * @defaultValue 'calendar'
   */
  readonly convention?: 'calendar' | 'lifetimes';
}

/** Model time units in one lifetimes month, by model time unit (lifetimes' `freq` factor). */
const LIFETIMES_MONTH: Readonly<Partial<Record<TimeUnit, number>>> = { day: 30, week: 4.345, month: 1 };

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
 * The most sub-periods one {@link predictClv} call may cut its horizon into (`horizon / step`, or
 * the months of the `'lifetimes'` convention): beyond it the call is an `InvalidInputError` on
 * `step` (or `horizon`) saying which step would fit, instead of running for hours.
 * @internal
 */
export const MAX_CLV_STEPS = 100_000;

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
  purchaseModel: Pick<PurchaseModel<unknown, C>, 'model' | 'expectedPurchasesMany' | 'expectedPurchasesOverHorizons'>,
  spendModel: ClvSpendModel | Pick<SpendModel, 'expectedAverageSpendMany'>,
  customers: readonly ClvInput<C>[] | ClvColumns,
  options: PredictClvOptions,
): PredictClvResult {
  rejectUnknownKeys(options, PREDICT_CLV_OPTION_KEYS, 'options', 'predictClv');
  const asOf = toEpochDay(options.asOf, 'asOf');
  const modelUnit = options.modelTimeUnit ?? 'week';
  if (!TIME_UNITS.includes(modelUnit)) invalidOption('modelTimeUnit', `expected one of ${TIME_UNITS.join(', ')}`);
  const horizonSpan = options.horizon;
  if (!(horizonSpan && Number.isInteger(horizonSpan.amount) && horizonSpan.amount >= 0 && TIME_UNITS.includes(horizonSpan.unit))) {
    invalidOption('horizon', 'expected { amount, unit } with a whole amount >= 0 and unit day, week, month or year');
  }
  const discount = options.discountRate ?? { rate: 0, per: 'year' };
  if (!(Number.isFinite(discount.rate) && discount.rate >= 0 && TIME_UNITS.includes(discount.per))) {
    invalidOption('discountRate', 'expected { rate, per } with a finite rate >= 0 and per day, week, month or year');
  }
  const defaultMargin = options.margin ?? 1;
  if (!(Number.isFinite(defaultMargin) && defaultMargin <= 1)) invalidOption('margin', 'expected a finite share of spend <= 1');
  const discrete = purchaseModel.model === 'bgbb';
  const convention = options.convention ?? 'calendar';
  if (convention !== 'calendar' && convention !== 'lifetimes') invalidOption('convention', "expected 'calendar' or 'lifetimes'");
  const lifetimes = convention === 'lifetimes' ? lifetimesPeriods(options, discrete, modelUnit) : null;
  const step = options.step ?? 1;
  if (!(Number.isFinite(step) && step > 0 && (!discrete || Number.isInteger(step)))) {
    invalidOption('step', discrete ? 'expected a whole number of opportunities >= 1' : 'expected a finite number > 0');
  }

  const endDay = dayAfter(asOf, horizonSpan.amount, horizonSpan.unit);
  const horizonExact = durationBetween(asOf, endDay, modelUnit);
  const horizon = lifetimes !== null ? lifetimes.horizon : discrete ? Math.floor(horizonExact + 1e-9) : horizonExact;
  const stepCount = lifetimes !== null ? horizonSpan.amount : Math.ceil(horizon / step - 1e-12);
  if (!(stepCount <= MAX_CLV_STEPS)) {
    invalidOption(
      lifetimes !== null ? 'horizon' : 'step',
      lifetimes !== null
        ? `a horizon of ${horizonSpan.amount} months is more than the maximum of ${MAX_CLV_STEPS} sub-periods: use a shorter horizon`
        : `a horizon of ${horizon} ${modelUnit}s cut into steps of ${step} is ${stepCount} sub-periods, more than the maximum of ${MAX_CLV_STEPS}: use a step of at least ${horizon / MAX_CLV_STEPS} or a shorter horizon`,
    );
  }

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
  const discounted = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  // The sub-period ends t_k and their discount factors.
  const ends: number[] = [];
  const factors: number[] = [];
  const rateLog = Math.log1p(discount.rate);
  if (lifetimes !== null) {
    for (let m = 1; m <= horizonSpan.amount; m++) {
      ends.push(m * lifetimes.month);
      factors.push(Math.pow(1 + discount.rate, -m));
    }
  }
  for (let t0 = 0; lifetimes === null && t0 < horizon - 1e-12 * Math.max(1, horizon); t0 += step) {
    const t1 = Math.min(t0 + step, horizon);
    const when = discrete ? t1 : (t0 + t1) / 2;
    ends.push(t1);
    factors.push(rateLog === 0 ? 1 : Math.exp(-rateLog * unitsBetween(asOf, dayAfter(asOf, when, modelUnit), discount.per)));
  }
  const steps = ends.length;
  let previous: Float64Array = new Float64Array(n);
  const accumulate = (k: number, cumulative: Float64Array): void => {
    const factor = factors[k]!;
    for (let i = 0; i < n; i++) discounted[i] = (discounted[i] as number) + ((cumulative[i] as number) - (previous[i] as number)) * factor;
  };
  const overHorizons = purchaseModel.expectedPurchasesOverHorizons as
    | ((times: readonly number[], customers: C[] | BtydColumns, visit: (k: number, cumulative: Float64Array) => void) => void)
    | undefined;
  const discountedOver = (purchaseModel as { discountedPurchasesOverHorizons?: unknown }).discountedPurchasesOverHorizons as
    | ((times: readonly number[], factors: readonly number[], customers: C[] | BtydColumns) => { discounted: Float64Array; last: Float64Array })
    | undefined;
  if (typeof discountedOver === 'function') {
    // The same sums, customer by customer (one pass instead of one per sub-period).
    if (steps > 0) {
      const r = discountedOver.call(purchaseModel, ends, factors, purchase);
      discounted.set(r.discounted);
      previous = r.last;
    }
  } else if (typeof overHorizons === 'function') {
    if (steps > 0) {
    // One validation, P(alive) pass and (x, T) grouping for all steps; `cumulative` is reused,
    // so the previous step's values are copied out.
      overHorizons.call(purchaseModel, ends, purchase, (k, cumulative) => {
        accumulate(k, cumulative);
        previous.set(cumulative);
      });
    }
  } else {
    const purchaseMany = purchaseModel.expectedPurchasesMany as (t: number, customers: C[] | BtydColumns) => Float64Array;
    for (let k = 0; k < steps; k++) {
      const cumulative = purchaseMany.call(purchaseModel, ends[k]!, purchase);
      accumulate(k, cumulative);
      previous = cumulative;
    }
  }
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

/**
 * The month length and horizon of the `'lifetimes'` convention, after checking that the horizon is
 * in months, the rate per month, the model continuous and `step` left out.
 */
function lifetimesPeriods(options: PredictClvOptions, discrete: boolean, modelUnit: TimeUnit): { month: number; horizon: number } {
  if (discrete) invalidOption('convention', "the 'lifetimes' convention is for the continuous-time models (lifetimes has no BG/BB CLV)");
  if (options.horizon?.unit !== 'month') invalidOption('horizon', "with convention 'lifetimes' the horizon is a number of months (lifetimes' time)");
  const rate = options.discountRate;
  if (rate !== undefined && rate.rate !== 0 && rate.per !== 'month') invalidOption('discountRate', "with convention 'lifetimes' the rate is per month (lifetimes' discount_rate): { rate, per: 'month' }");
  if (options.step !== undefined) invalidOption('step', "with convention 'lifetimes' the sub-periods are the months: leave step out");
  const month = LIFETIMES_MONTH[modelUnit];
  if (month === undefined) invalidOption('modelTimeUnit', "with convention 'lifetimes' the model unit is day, week or month (lifetimes' freq D, W, M)");
  return { month, horizon: options.horizon.amount * month };
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
