import { rejectUnknownKeys, type KeyList } from '../../errors/knownKeys.js';
import { PREDICT_CLV_OPTION_KEYS } from '../predictClv.js';
import { invalidOption } from '../../errors/InvalidInputError.js';
import { percentileSorted } from '../../math/percentile.js';
import type { GammaGammaFit } from '../../models/gammagamma/types.js';
import type { BtydColumns, PurchaseModel } from '../../models/types.js';
import { predictClv, type ClvColumns, type ClvInput, type PredictClvOptions } from '../predictClv.js';
import { purchaseModelAt, spendModelAt } from './modelAtParams.js';
import { fitOf, isBootstrap, parameterDraws, type FitOrBootstrap } from './parameterDraws.js';

/** Values at the estimates with the bounds of an interval, one entry per customer. */
export interface PredictionIntervals {
  /** At the fitted parameters: what `predictClv` and `probabilityAliveMany` give. */
  readonly estimate: Float64Array;
  /** Lower bound: the (1 − level)/2 quantile over the parameter draws (type 7). */
  readonly low: Float64Array;
  /** Upper bound: the (1 + level)/2 quantile over the parameter draws. */
  readonly high: Float64Array;
}

/** Options of {@link predictWithUncertainty}: those of `predictClv`, the spend model, and the intervals'. */
export interface PredictWithUncertaintyOptions extends PredictClvOptions {
  /** The spend model: a Gamma-Gamma fit (its normal approximation is drawn from), or a `bootstrapFit` of one. */
  readonly spendModel: FitOrBootstrap<GammaGammaFit>;
  /**
   * Where parameter uncertainty comes from: `'bootstrap'` uses the refits of `bootstrapFit` results
   * (`model` must be one; the spend model too, or its normal approximation is used), `'asymptotic'`
   * draws from the normal approximation of each fit (log-parameters with the inverse Hessian as
   * covariance), which costs no refit.
   * @defaultValue 'bootstrap' when `model` is a bootstrapFit result, else 'asymptotic'
   */
  readonly method?: 'bootstrap' | 'asymptotic';
  /**
   * Number of parameter draws: for `'bootstrap'`, the first `draws` refits (at most as many as the
   * bootstrap holds).
   * @defaultValue 200 for 'asymptotic'; every refit of the bootstrap for 'bootstrap'
   */
  readonly draws?: number;
  /**
   * Level of the intervals, in (0, 1).
   * @defaultValue 0.9
   */
  readonly level?: number;
  /**
   * Seed of the asymptotic draws (the purchase model's; the spend model's is `seed + 1`).
   * @defaultValue 1
   */
  readonly seed?: number;
}

/** What {@link predictWithUncertainty} returns: each measure at the estimates and its interval, per customer in input order. */
export interface PredictWithUncertaintyResult {
  /** P(alive at the end of observation). */
  readonly probabilityAlive: PredictionIntervals;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: PredictionIntervals;
  /** Expected spend per purchase. */
  readonly expectedSpend: PredictionIntervals;
  /** Discounted expected margin over the horizon (CLV). */
  readonly clv: PredictionIntervals;
  /** The level of the intervals. */
  readonly level: number;
  /** How the parameters were drawn. */
  readonly method: 'bootstrap' | 'asymptotic';
  /** Number of parameter draws used. */
  readonly draws: number;
}

/** Values held per chunk of customers: draws × chunk × 4 measures stay under this. */
const MAX_HELD = 4_000_000;

/**
 * Predictions with intervals: P(alive), expected purchases, expected spend and CLV per customer,
 * each at the estimates and with a `level` interval for the uncertainty of the model parameters.
 *
 * For each of `draws` parameter draws, the purchase and spend models are rebuilt at the drawn
 * parameters and `predictClv` (with the same options) and `probabilityAliveMany` run on the
 * customers; a customer's interval is the (1 − level)/2 and (1 + level)/2 quantiles (type 7) of
 * her values over the draws. The draws are the refits of {@link bootstrapFit} (`'bootstrap'`:
 * draw k of the purchase model goes with draw k of a bootstrapped spend model, so bootstrap both
 * with the same customers and seed to pair their resamples), or come from the normal approximation
 * of each fit (`'asymptotic'`, {@link sampleParameters}: the two models drawn independently, as
 * their likelihoods are separate). The interval reflects parameter uncertainty only: how well the
 * data pin down the model, not the randomness of one customer's future purchases. Seeded. Cost:
 * draws × (one `predictClv` and one P(alive) pass); customers are processed in chunks so that at
 * most about 4 million values are held.
 *
 * @param model - A fitted purchase model with standard errors (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB), or a `bootstrapFit` result of one.
 * @param customers - As for `predictClv`: summaries, {@link ClvCustomer}s or {@link ClvColumns}.
 * @param options - The `predictClv` options, the spend model, method, draws, level and seed.
 * @returns Estimates and interval bounds of the four measures.
 * @throws {InvalidInputError} For an invalid option (also when method `'bootstrap'` is given no
 *   bootstrap, or a fit has no standard errors for `'asymptotic'`), or what `predictClv` throws.
 * @example
 * ```ts
 * import { fitBgNbd, fitGammaGamma, predictWithUncertainty, simulateBgNbd } from 'loyalty-score';
 * const histories = simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 2000, T: 39, seed: 7 });
 * const customers = histories.map((h, i) => ({ purchase: h, spend: { frequency: h.frequency, monetaryValue: h.frequency > 0 ? 20 + (i % 17) : 0 } }));
 * const purchase = fitBgNbd(histories);
 * const spend = fitGammaGamma(customers.map((c) => c.spend));
 * const result = predictWithUncertainty(purchase, customers, { spendModel: spend, asOf: '2024-01-01', horizon: { amount: 12, unit: 'month' }, draws: 100 });
 * result.clv.low[0]! <= result.clv.estimate[0]! && result.clv.estimate[0]! <= result.clv.high[0]!; // => true
 * result.method; // => 'asymptotic'
 * ```
 */
export function predictWithUncertainty<C>(
  model: FitOrBootstrap<PurchaseModel<object, C>>,
  customers: readonly ClvInput<C>[] | ClvColumns,
  options: PredictWithUncertaintyOptions,
): PredictWithUncertaintyResult {
  if (options === null || typeof options !== 'object') invalidOption('options', 'expected an options object with spendModel, asOf and horizon');
  rejectUnknownKeys(options, PREDICT_WITH_UNCERTAINTY_OPTION_KEYS, 'options', 'predictWithUncertainty');
  const method = options.method ?? (isBootstrap(model) ? 'bootstrap' : 'asymptotic');
  if (method !== 'bootstrap' && method !== 'asymptotic') invalidOption('method', "expected 'bootstrap' or 'asymptotic'");
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) invalidOption('level', 'expected a level strictly between 0 and 1');
  const seed = options.seed ?? 1;
  if (!(typeof seed === 'number' && Number.isFinite(seed))) invalidOption('seed', 'expected a finite number');
  if (options.draws !== undefined && !(Number.isInteger(options.draws) && options.draws >= 2)) invalidOption('draws', 'expected a whole number of draws >= 2');
  if (options.spendModel === null || typeof options.spendModel !== 'object') invalidOption('spendModel', 'expected a Gamma-Gamma fit or a bootstrapFit of one');

  const purchaseFit = fitOf(model);
  const spendFit = fitOf(options.spendModel);
  const name = (purchaseFit as { model?: unknown }).model;
  const purchaseDraws = parameterDraws(model, method, options.draws, seed, 'model');
  const draws = purchaseDraws.length;
  // The spend model follows the purchase model's method where it can: bootstrap draws when it is a bootstrap.
  const spendMethod = method === 'bootstrap' && isBootstrap(options.spendModel) ? 'bootstrap' : 'asymptotic';
  const spendDraws = spendMethod === 'bootstrap' ? parameterDraws(options.spendModel, 'bootstrap', undefined, seed, 'spendModel') : parameterDraws(options.spendModel, 'asymptotic', draws, seed + 1, 'spendModel');
  const clvOptions = clvOptionsOf(options);

  // Estimates at the fitted parameters (they also validate the customers).
  const point = predictClv(purchaseFit, spendFit, customers as readonly ClvInput<C>[], clvOptions);
  const n = point.clv.length;
  const aliveOf = (m: PurchaseModel<object, C>, part: readonly ClvInput<C>[] | ClvColumns): Float64Array => m.probabilityAliveMany(purchaseHistories(part) as never);
  const result = {
    probabilityAlive: intervals(aliveOf(purchaseFit, customers), n),
    expectedPurchases: intervals(point.expectedPurchases, n),
    expectedSpend: intervals(point.expectedSpend, n),
    clv: intervals(point.clv, n),
  };
  const chunk = Math.max(1, Math.floor(MAX_HELD / (4 * draws)));
  const held = [0, 1, 2, 3].map(() => new Float64Array(Math.min(chunk, n) * draws));
  const sorted = new Float64Array(draws);
  const lowP = (1 - level) / 2;
  const highP = (1 + level) / 2;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    const part = sliceCustomers(customers, from, to);
    const size = to - from;
    for (let d = 0; d < draws; d++) {
      const purchase = purchaseModelAt(name, purchaseDraws[d]!) as PurchaseModel<object, C>;
      const spend = spendModelAt(spendDraws[d % spendDraws.length]!);
      const r = predictClv(purchase, spend, part as readonly ClvInput<C>[], clvOptions);
      const alive = aliveOf(purchase, part);
      const measures = [alive, r.expectedPurchases, r.expectedSpend, r.clv];
      for (let m = 0; m < 4; m++) {
        const dst = held[m]!;
        const src = measures[m]!;
        for (let i = 0; i < size; i++) dst[i * draws + d] = src[i]!;
      }
    }
    const targets = [result.probabilityAlive, result.expectedPurchases, result.expectedSpend, result.clv];
    for (let m = 0; m < 4; m++) {
      const src = held[m]!;
      const target = targets[m]!;
      for (let i = 0; i < size; i++) {
        sorted.set(src.subarray(i * draws, (i + 1) * draws));
        sorted.sort();
        (target.low as Float64Array)[from + i] = percentileSorted(sorted, lowP);
        (target.high as Float64Array)[from + i] = percentileSorted(sorted, highP);
      }
    }
  }
  return { ...result, level, method, draws };
}

function intervals(estimate: Float64Array, n: number): PredictionIntervals {
  return { estimate, low: new Float64Array(n), high: new Float64Array(n) };
}

/** The `predictClv` options among ours. */
function clvOptionsOf(options: PredictWithUncertaintyOptions): PredictClvOptions {
  const { spendModel: _s, method: _m, draws: _d, level: _l, seed: _e, ...rest } = options;
  return rest;
}

/** The purchase histories of customers given as `predictClv` takes them. */
function purchaseHistories<C>(customers: readonly ClvInput<C>[] | ClvColumns): readonly C[] | BtydColumns {
  if (!Array.isArray(customers)) return (customers as ClvColumns).purchase;
  return (customers as readonly ClvInput<C>[]).map((row) => {
    const r = row as { btyd?: C; purchase?: C };
    return (r.btyd !== undefined && r.btyd !== null && typeof r.btyd === 'object' ? r.btyd : r.purchase) as C;
  });
}

/** Customers `from` to `to` (exclusive), as arrays or column views. */
function sliceCustomers<C>(customers: readonly ClvInput<C>[] | ClvColumns, from: number, to: number): readonly ClvInput<C>[] | ClvColumns {
  if (Array.isArray(customers)) return (customers as readonly ClvInput<C>[]).slice(from, to);
  const c = customers as ClvColumns;
  return {
    purchase: { frequency: c.purchase.frequency.subarray(from, to), recency: c.purchase.recency.subarray(from, to), T: c.purchase.T.subarray(from, to) },
    spend: { frequency: c.spend.frequency.subarray(from, to), monetaryValue: c.spend.monetaryValue.subarray(from, to) },
    ...(c.margin !== undefined ? { margin: c.margin.subarray(from, to) } : {}),
  };
}

/** The option names of {@link PredictWithUncertaintyOptions}. @internal */
const PREDICT_WITH_UNCERTAINTY_OPTION_KEYS: KeyList<PredictWithUncertaintyOptions> = { ...PREDICT_CLV_OPTION_KEYS, spendModel: true, method: true, draws: true, level: true, seed: true };
