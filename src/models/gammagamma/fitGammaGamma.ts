import { rejectUnknownKeys } from '../../errors/knownKeys.js';
import { FIT_OPTION_KEYS } from '../fit/fitOptionKeys.js';
import { fitByMaximumLikelihood, type FitOptions } from '../fit/fitByMaximumLikelihood.js';
import { withDiagnostics } from '../fit/fitGroupedRows.js';
import { spendWarnings, weightedCorrelation } from '../fit/fitWarnings.js';
import { gammaGamma } from './gammaGamma.js';
import { gammaGammaLikelihood } from './gammaGammaLikelihood.js';
import type { FitWeightsOptions } from '../fit/fitInput.js';
import { spendFitRows } from './spendFitRows.js';
import type { GammaGammaFit, GammaGammaParams, SpendData } from './types.js';

/** Options of {@link fitGammaGamma}: the optimiser's knobs, start values, L2 penalty and row weights. */
export interface FitGammaGammaOptions extends FitOptions<keyof GammaGammaParams>, FitWeightsOptions {}

const PARAM_NAMES = ['p', 'q', 'gamma'] as const;
const DEFAULT_START: Readonly<Record<keyof GammaGammaParams, number>> = { p: 1, q: 1, gamma: 1 };
const WARM_START_SIZE = 20_000;
/** q above this: spends nearly constant across customers (q → ∞ is the limit of no heterogeneity). */
const Q_BOUNDARY = 1e6;

/**
 * Fits the Gamma-Gamma spend model to the repeat customers by maximum likelihood.
 *
 * Maximises Σ_i [lnΓ(p x_i + q) − lnΓ(p x_i) − lnΓ(q) + q ln γ + (p x_i − 1) ln z̄_i + p x_i ln x_i
 * − (p x_i + q) ln(γ + x_i z̄_i)] over customers with x_i > 0 (Fader & Hardie 2013), by BFGS in
 * log-parameter space with the analytic gradient (the library's generic maximum-likelihood
 * driver); the standard errors and the closing Newton steps use the analytic Hessian, one more
 * pass over the customers. Customers without repeat purchases carry no spend information and are skipped. Repeat
 * customers whose mean repeat spend is 0 or less (free orders, or returns netting their spend
 * out) cannot come from a gamma spend distribution: they are left out of the fit too and counted
 * in `zeroSpend` (the model gives them the limit p γ / (p x + q − 1)).
 * Customers sharing a frequency share their gamma-function terms, so one evaluation costs
 * O(distinct frequencies) special functions plus one logarithm per customer; above 80,000 customers
 * the fit starts from a fit to an evenly spaced subsample of 20,000 (unless `start` is given). On the 946 CDNOW
 * repeat customers it gives p = 6.25, q = 3.74, γ = 15.44, log-likelihood −4055.92, as published.
 *
 * @param data - `{ frequency, monetaryValue }` records (or elements carrying one in `btyd`, such as
 *   customer summaries), `{ customers }` holding such an array, or {@link SpendColumns}.
 * @param options - See {@link FitGammaGammaOptions}.
 * @returns The fitted model ({@link gammaGamma} methods) with `params`, `logLikelihood` (total over
 *   the repeat customers), `standardErrors`, `iterations`, `converged`, `gradientNorm` and `customers`
 *   (number of repeat customers used) and `zeroSpend` (repeat customers left out for a mean spend <= 0).
 * @throws InvalidInputError when a record is invalid (negative frequency, non-finite mean spend
 *   with repeat purchases), a weight is invalid, or no repeat customer has a positive mean spend, nobody has a repeat purchase,
 *   or every repeat customer has the same frequency and mean spend (the model is not identified).
 * @example
 * ```ts
 * import { fitGammaGamma } from 'loyalty-score';
 * const fit = fitGammaGamma([
 *   { frequency: 2, monetaryValue: 22.35 }, { frequency: 1, monetaryValue: 11.77 },
 *   { frequency: 5, monetaryValue: 48.5 }, { frequency: 3, monetaryValue: 19.9 },
 *   { frequency: 1, monetaryValue: 35.0 }, { frequency: 4, monetaryValue: 27.2 },
 *   { frequency: 0, monetaryValue: 0 },
 * ]);
 * fit.customers; // => 6
 * ```
 */
export function fitGammaGamma(data: SpendData, options: FitGammaGammaOptions = {}): GammaGammaFit {
  rejectUnknownKeys(options, FIT_OPTION_KEYS, 'options', 'fitGammaGamma');
  const { frequency: X, monetaryValue: M, weights: W, zeroSpend, totalWeight: count } = spendFitRows(data, options.weights);
  const size = X.length;

  // Warm start on large data: fit an evenly spaced subsample of about 20,000 customers first, so
  // the full-data passes (one logarithm per customer each) are spent near the optimum.
  let start: Readonly<Record<keyof GammaGammaParams, number>> = DEFAULT_START;
  let warmCurvature: { logParameterCovariance: Float64Array; customers: number } | undefined;
  if (size > 4 * WARM_START_SIZE && options.start === undefined) {
    const stride = Math.floor(size / WARM_START_SIZE);
    const m = Math.ceil(size / stride);
    const sample = { frequency: new Float64Array(m), monetaryValue: new Float64Array(m) };
    const sampleWeights = new Float64Array(m);
    for (let i = 0, j = 0; i < size; i += stride, j++) {
      sample.frequency[j] = X[i] as number;
      sample.monetaryValue[j] = M[i] as number;
      sampleWeights[j] = W[i] as number;
    }
    // Its covariance gives the full fit its curvature from the start: every pass over the rows is
    // then a quasi-Newton step (about 5 passes instead of 70 from the identity).
    const warm = fitGammaGamma(sample, { ...options, weights: sampleWeights, standardErrors: true });
    if (warm.converged) {
      start = warm.params;
      if (warm.logParameterCovariance) warmCurvature = { logParameterCovariance: warm.logParameterCovariance, customers: warm.customers };
    }
  }

  const likelihood = gammaGammaLikelihood(X, M, W);

  const fit = fitByMaximumLikelihood({
    paramNames: PARAM_NAMES,
    start,
    customers: count,
    repeatBuyers: count,
    upperBoundaries: { q: Q_BOUNDARY },
    ...(warmCurvature !== undefined ? { warmCurvature } : {}),
    options,
    logLikelihood: (theta) => likelihood(theta, null),
    gradient: (theta, out) => {
      likelihood(theta, out);
    },
    hessian: likelihood.hessian,
  });
  const warnings = [...fit.warnings, ...spendWarnings(weightedCorrelation(X, M, W), fit.params.q)];
  return withDiagnostics(gammaGamma(fit.params), { ...fit, warnings }, { zeroSpend });
}
