import { rejectUnknownKeys } from '../../errors/knownKeys.js';
import { btydFitRows, type BtydData, type BtydFitRows } from '../fit/btydFitRows.js';
import { fitGroupedRows, withDiagnostics } from '../fit/fitGroupedRows.js';
import { BTYD_FIT_OPTION_KEYS } from '../fit/fitOptionKeys.js';
import type { BtydFitDiagnostics } from '../types.js';
import { bgNbd } from './bgNbd.js';
import { betaGeometricLikelihood } from './betaGeometricLikelihood.js';
import { fitBgNbdWithCovariates, type FitBgNbdCovariateOptions } from './bgNbdCovariates.js';
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
 * With `options.covariates` (static, time-invariant covariates; CLVTools' parameterisation, Fader &
 * Hardie 2007): α_i = α·exp(−γ_purchase·z_i), so customer i's mean purchase rate is
 * (r/α)·exp(γ_purchase·z_i), and a_i = a·exp(γ_dropout·z_i), b_i = b·exp(γ_dropout·z_i) (one γ_dropout
 * scales both Beta parameters, as in CLVTools). The covariates are fields of each customer row (or
 * columns beside the history columns); a string-valued field becomes k − 1 dummies `field=category`
 * against its first category in sorted order. `params` are then the base parameters (all
 * covariates 0), `covariates` holds γ, their standard errors and `modelFor(z)`, and the methods that
 * take a customer read her covariates. `l2Penalty` must be 0 then. See the Covariates section of
 * docs/models.md.
 *
 * @param data - Customers (frequency, recency, T), customer summaries (their `btyd`), or `{ customers }`.
 * @param options - Weights, optimiser knobs, start, L2 penalty.
 * @returns The fitted model: params, logLikelihood, standardErrors, iterations, converged, gradientNorm, and the {@link PurchaseModel} methods.
 * @throws {InvalidInputError} On no customers, an invalid row (frequency not a non-negative
 * integer, T <= 0, recency outside [0, T], recency > 0 with frequency 0), or when nobody repeats;
 * with covariates, `missing_field` / `not_finite` / `invalid_value` at `[i, field]` (with the
 * customer's id when the row has one) for a bad value, `not_identified` naming a constant or
 * collinear covariate.
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
 * ```ts
 * import { bgNbd, fitBgNbd } from 'loyalty-score';
 * const histories = bgNbd({ r: 0.8, alpha: 8, a: 0.8, b: 2.5 }).simulate({ customers: 400, T: 52, seed: 3 });
 * const customers = histories.map((h, i) => ({ ...h, female: i % 3 === 0 }));
 * const fit = fitBgNbd(customers, { covariates: { purchase: ['female'], dropout: ['female'] } });
 * const own = fit.covariates!.paramsOf({ female: true });
 * // One γ_dropout scales a and b alike: the mean dropout probability a / (a + b) is the base one.
 * Math.abs(own.a / (own.a + own.b) - fit.params.a / (fit.params.a + fit.params.b)) < 1e-12; // => true
 * ```
 */
export function fitBgNbd(data: BtydData, options: FitBgNbdCovariateOptions = {}): BgNbdFit {
  if (options.covariates !== undefined) return fitBgNbdWithCovariates(data, options);
  return fitBetaGeometricFamily(btydFitRows(data, options.weights, 'fitBgNbd', options.revealValues === true), options, 'bgnbd', (params) => bgNbd(params));
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
  rejectUnknownKeys(options, BTYD_FIT_OPTION_KEYS, 'options', variant === 'bgnbd' ? 'fitBgNbd' : 'fitMbgNbd');
  const { rows, justAcquired } = data;
  const fit = fitGroupedRows(rows, NAMES, betaGeometricLikelihood(rows, variant), (meanT) => ({ r: 1, alpha: meanT, a: 1, b: 1 }), options);
  return withDiagnostics(build(fit.params), fit, { justAcquired });
}
