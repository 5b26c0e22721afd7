import { fitBetaGeometricFamily } from '../bgnbd/fitBgNbd.js';
import { btydFitRows, type BtydData } from '../fit/btydFitRows.js';
import { mbgNbd } from './mbgNbd.js';
import { fitMbgNbdWithCovariates } from './mbgNbdCovariates.js';
import type { FitMbgNbdOptions, MbgNbdFit } from './types.js';

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007) by maximum likelihood.
 *
 * Maximises Σ_i w_i log L_i with
 * L = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x)) + B(a+1, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
 * in log space, by BFGS on log-parameters with an analytic gradient, after grouping identical rows.
 * Default start r = 1, α = mean T, a = 1, b = 1. Cost: O(distinct rows) per evaluation.
 * `options.covariates` adds static covariates exactly as for `fitBgNbd` (α_i = α·exp(−γ_purchase·z_i),
 * a_i = a·exp(γ_dropout·z_i), b_i = b·exp(γ_dropout·z_i)); see the Covariates section of docs/models.md.
 *
 * @param data - Customers (frequency, recency, T), customer summaries (their `btyd`), or `{ customers }`.
 * @param options - Weights, optimiser knobs, start, L2 penalty, covariates.
 * @returns The fitted model with params, logLikelihood, standardErrors, iterations, converged, gradientNorm.
 * @throws {InvalidInputError} On no customers, an invalid row, or when nobody repeats.
 * @example
 * ```ts
 * import { fitMbgNbd } from 'loyalty-score';
 * const fit = fitMbgNbd([
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 1, recency: 1.71, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 *   { frequency: 5, recency: 20, T: 30 },
 * ]);
 * fit.model; // => 'mbgnbd'
 * ```
 */
export function fitMbgNbd(data: BtydData, options: FitMbgNbdOptions = {}): MbgNbdFit {
  if (options.covariates !== undefined) return fitMbgNbdWithCovariates(data, options);
  return fitBetaGeometricFamily(btydFitRows(data, options.weights, 'fitMbgNbd', options.revealValues === true), options, 'mbgnbd', (params) => mbgNbd(params));
}
