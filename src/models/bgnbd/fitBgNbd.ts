import { btydColumns, type BtydData } from '../fit/btydColumns.js';
import { fitByMaximumLikelihood } from '../fit/fitByMaximumLikelihood.js';
import { bgNbd } from './bgNbd.js';
import { betaGeometricLikelihood } from './betaGeometricLikelihood.js';
import type { BgNbdFit, BgNbdParams, FitBgNbdOptions } from './types.js';

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood.
 *
 * Maximises the total log-likelihood Σ_i w_i log L(r, α, a, b | x_i, t_x,i, T_i) (FHL 2005 eq. 6,
 * evaluated in log space) with BFGS on log-parameters and an analytic gradient; identical
 * (x, t_x, T) rows are grouped first. Times are in the unit of the data. Default start
 * r = 1, α = mean T, a = 1, b = 1 (overridable with `options.start`). Cost: O(distinct rows)
 * per evaluation, typically 30 to 60 evaluations.
 *
 * @param data - Customers (frequency, recency, T), customer summaries (their `btyd`), or `{ customers }`.
 * @param options - Weights, optimiser knobs, start, L2 penalty.
 * @returns The fitted model: params, logLikelihood, standardErrors, iterations, converged, gradientNorm, and the {@link PurchaseModel} methods.
 * @throws {InvalidInputError} On no customers, an invalid row (frequency not a non-negative
 * integer, T <= 0, recency outside [0, T], recency > 0 with frequency 0), or when nobody repeats.
 * @example
 * ```ts
 * import { fitBgNbd } from 'loyalty-score';
 * const fit = fitBgNbd([
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 1, recency: 1.71, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 *   { frequency: 5, recency: 20, T: 30 },
 * ]);
 * fit.params.r > 0; // => true
 * ```
 */
export function fitBgNbd(data: BtydData, options: FitBgNbdOptions = {}): BgNbdFit {
  const rows = btydColumns(data, options.weights, 'fitBgNbd');
  return fitBetaGeometricFamily(rows, options, 'bgnbd', (params) => bgNbd(params));
}

/**
 * The shared fitting path of BG/NBD and MBG/NBD.
 * @internal
 */
export function fitBetaGeometricFamily<M extends object>(
  rows: ReturnType<typeof btydColumns>,
  options: FitBgNbdOptions,
  variant: 'bgnbd' | 'mbgnbd',
  build: (params: BgNbdParams) => M,
): M & Omit<BgNbdFit, keyof M> {
  const evaluate = betaGeometricLikelihood(rows, variant);
  const T = rows.columns[2]!;
  let meanT = 0;
  for (let i = 0; i < rows.size; i++) meanT += rows.weights[i]! * T[i]!;
  meanT /= rows.totalWeight;
  // One cached evaluation: the optimiser asks for the gradient where it has just evaluated f.
  let cacheKey = new Float64Array(4).fill(NaN);
  const cacheGrad = new Float64Array(4);
  let cacheValue = NaN;
  const run = (p: Float64Array): number => {
    if (p[0] === cacheKey[0] && p[1] === cacheKey[1] && p[2] === cacheKey[2] && p[3] === cacheKey[3]) return cacheValue;
    cacheValue = evaluate(p, cacheGrad);
    cacheKey = Float64Array.from(p);
    return cacheValue;
  };
  const fit = fitByMaximumLikelihood({
    paramNames: NAMES,
    start: { r: 1, alpha: Math.max(meanT, 1e-6), a: 1, b: 1 },
    customers: rows.totalWeight,
    logLikelihood: run,
    gradient: (p, out) => {
      run(p);
      out.set(cacheGrad);
    },
    options,
  });
  const model = build(fit.params);
  return {
    ...model,
    logLikelihood: fit.logLikelihood,
    standardErrors: fit.standardErrors,
    iterations: fit.iterations,
    converged: fit.converged,
    gradientNorm: fit.gradientNorm,
    customers: fit.customers,
  } as M & Omit<BgNbdFit, keyof M>;
}
