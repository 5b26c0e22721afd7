import { btydFitRows, type BtydData } from '../fit/btydFitRows.js';
import { fitGroupedRows, withDiagnostics } from '../fit/fitGroupedRows.js';
import { paretoNbd } from './paretoNbd.js';
import { paretoNbdLikelihood } from './paretoNbdLikelihood.js';
import type { FitParetoNbdOptions, ParetoNbdFit } from './types.js';

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
 * @param data - Customers (frequency, recency, T), customer summaries (their `btyd`), or `{ customers }`.
 * @param options - Weights, optimiser knobs, start, L2 penalty.
 * @returns The fitted model with params, logLikelihood, standardErrors, iterations, converged, gradientNorm.
 * @throws {InvalidInputError} On no customers, an invalid row, or when nobody repeats.
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
 */
export function fitParetoNbd(data: BtydData, options: FitParetoNbdOptions = {}): ParetoNbdFit {
  const { rows, justAcquired } = btydFitRows(data, options.weights, 'fitParetoNbd');
  const fit = fitGroupedRows(rows, NAMES, paretoNbdLikelihood(rows), (meanT) => ({ r: 1, alpha: meanT, s: 1, beta: meanT }), options);
  return withDiagnostics(paretoNbd(fit.params), fit, { justAcquired });
}
