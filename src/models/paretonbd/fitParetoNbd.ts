import { btydFitRows, type BtydData } from '../fit/btydFitRows.js';
import { rejectUnknownKeys } from '../../errors/knownKeys.js';
import { fitGroupedRows, withDiagnostics } from '../fit/fitGroupedRows.js';
import { BTYD_FIT_OPTION_KEYS } from '../fit/fitOptionKeys.js';
import { paretoNbd } from './paretoNbd.js';
import { fitParetoNbdWithCovariates, type FitParetoNbdCovariateOptions } from './paretoNbdCovariates.js';
import { FIT_TERMS_PER_ROW, paretoNbdLikelihood } from './paretoNbdLikelihood.js';
import type { ParetoNbdFit } from './types.js';

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood.
 *
 * Maximises the total log-likelihood of Fader & Hardie's 2005 note (eqs. 22-24), evaluated in log
 * space with the hypergeometric term transformed according to α ≥ β or α < β so that every series
 * converges geometrically (stable for x in the thousands and for t_x = T), by BFGS on
 * log-parameters with an analytic gradient (series differentiated term by term). Identical rows
 * are grouped first. Default start r = 1, α = mean T, s = 1, β = mean T. The likelihood is flat
 * in β on CDNOW (standard error about 6), so β is the least precise estimate. Cost: O(distinct rows
 * × series terms) per evaluation.
 *
 * With `options.covariates` (static, time-invariant covariates; CLVTools' parameterisation, Fader &
 * Hardie 2007): customer i's scales are α_i = α·exp(−γ_purchase·z_i) and β_i = β·exp(−γ_dropout·z_i),
 * so her mean purchase rate is (r/α)·exp(γ_purchase·z_i) and her mean dropout rate
 * (s/β)·exp(γ_dropout·z_i). The covariates are fields of each customer row (or columns beside the
 * history columns); a string-valued field becomes k − 1 dummies `field=category` against its first
 * category in sorted order. `params` are then the base parameters (all covariates 0), `covariates`
 * holds γ, their standard errors and `modelFor(z)`, and the methods that take a customer read her
 * covariates. `l2Penalty` must be 0 then. See the Covariates section of docs/models.md.
 *
 * @param data - Customers (frequency, recency, T), customer summaries (their `btyd`), or `{ customers }`.
 * @param options - Weights, optimiser knobs, start, L2 penalty, covariates.
 * @returns The fitted model with params, logLikelihood, standardErrors, iterations, converged, gradientNorm.
 * @throws {InvalidInputError} On no customers, an invalid row, or when nobody repeats; with
 * covariates, `missing_field` / `not_finite` / `invalid_value` at `[i, field]` (with the customer's id
 * when the row has one) for a bad value, `not_identified` naming a constant or collinear covariate.
 * @example
 * ```ts
 * import { fitParetoNbd } from 'loyalty-score';
 * const fit = fitParetoNbd([
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 *   { frequency: 1, recency: 1.71, T: 38.86 },
 *   { frequency: 0, recency: 0, T: 38.86 },
 *   { frequency: 5, recency: 20, T: 30 },
 * ]);
 * fit.model; // => 'paretonbd'
 * ```
 * ```ts
 * import { fitParetoNbd, paretoNbd } from 'loyalty-score';
 * // 400 simulated histories; every second customer bought first on the web.
 * const histories = paretoNbd({ r: 0.8, alpha: 8, s: 0.6, beta: 12 }).simulate({ customers: 400, T: 52, seed: 7 });
 * const customers = histories.map((h, i) => ({ ...h, channel: i % 2 === 0 ? 'store' : 'web' }));
 * const fit = fitParetoNbd(customers, { covariates: { purchase: ['channel'] } });
 * Object.keys(fit.covariates!.coefficients.purchase); // => ['channel=web']
 * fit.covariates!.paramsOf({ channel: 'store' }).alpha === fit.params.alpha; // => true
 * ```
 */
export function fitParetoNbd(data: BtydData, options: FitParetoNbdCovariateOptions = {}): ParetoNbdFit {
  if (options.covariates !== undefined) return fitParetoNbdWithCovariates(data, options);
  rejectUnknownKeys(options, BTYD_FIT_OPTION_KEYS, 'options', 'fitParetoNbd');
  const { rows, justAcquired } = btydFitRows(data, options.weights, 'fitParetoNbd', options.revealValues === true);
  const fit = fitGroupedRows(rows, NAMES, paretoNbdLikelihood(rows, FIT_TERMS_PER_ROW), (meanT) => ({ r: 1, alpha: meanT, s: 1, beta: meanT }), options);
  return withDiagnostics(paretoNbd(fit.params), fit, { justAcquired });
}
