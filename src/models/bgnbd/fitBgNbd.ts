import { btydFitRows, type BtydData, type BtydFitRows } from '../fit/btydFitRows.js';
import { fitGroupedRows, withDiagnostics } from '../fit/fitGroupedRows.js';
import type { BtydFitDiagnostics } from '../types.js';
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
  return fitBetaGeometricFamily(btydFitRows(data, options.weights, 'fitBgNbd'), options, 'bgnbd', (params) => bgNbd(params));
}

/**
 * The shared fitting path of BG/NBD and MBG/NBD.
 * @internal
 */
export function fitBetaGeometricFamily<M extends object>(
  data: BtydFitRows,
  options: FitBgNbdOptions,
  variant: 'bgnbd' | 'mbgnbd',
  build: (params: BgNbdParams) => M,
): M & BtydFitDiagnostics<BgNbdParams> {
  const { rows, justAcquired } = data;
  const fit = fitGroupedRows(rows, NAMES, betaGeometricLikelihood(rows, variant), (meanT) => ({ r: 1, alpha: meanT, a: 1, b: 1 }), options);
  return withDiagnostics(build(fit.params), fit, { justAcquired });
}
