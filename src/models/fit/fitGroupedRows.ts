import type { FitDiagnostics } from '../types.js';
import { fitByMaximumLikelihood, type FitOptions, type MaximumLikelihoodFit } from './fitByMaximumLikelihood.js';
import type { GroupedRows } from './groupRows.js';

/**
 * Fits a likelihood with an analytic gradient over grouped (x, t_x, T) rows: the shared path of
 * the continuous-time fits. `evaluate(params, grad)` returns the total log-likelihood and writes
 * its gradient; one evaluation is cached, because the optimiser asks for the gradient where it has
 * just evaluated the function. `start` receives the weighted mean of the third column (T).
 * @internal
 */
export function fitGroupedRows<K extends string>(
  rows: GroupedRows,
  names: readonly K[],
  evaluate: (params: Float64Array, grad: Float64Array) => number,
  start: (meanT: number) => Readonly<Record<K, number>>,
  options: FitOptions<K>,
): MaximumLikelihoodFit<K> {
  const x = rows.columns[0]!;
  let repeatBuyers = 0;
  for (let i = 0; i < rows.size; i++) if (x[i]! > 0) repeatBuyers += rows.weights[i]!;
  const T = rows.columns[2]!;
  let meanT = 0;
  for (let i = 0; i < rows.size; i++) meanT += rows.weights[i]! * T[i]!;
  meanT /= rows.totalWeight;
  const n = names.length;
  let cacheKey = new Float64Array(n).fill(NaN);
  const cacheGrad = new Float64Array(n);
  let cacheValue = NaN;
  const run = (p: Float64Array): number => {
    let same = true;
    for (let i = 0; i < n && same; i++) same = p[i] === cacheKey[i];
    if (same) return cacheValue;
    cacheValue = evaluate(p, cacheGrad);
    cacheKey = Float64Array.from(p);
    return cacheValue;
  };
  return fitByMaximumLikelihood({
    paramNames: names,
    start: start(Math.max(meanT, 1e-6)),
    customers: rows.totalWeight,
    logLikelihood: run,
    gradient: (p, out) => {
      run(p);
      out.set(cacheGrad);
    },
    options,
    repeatBuyers,
  });
}

/**
 * A model at the fitted parameters with the fit's diagnostics attached.
 * @internal
 */
export function withDiagnostics<M extends object, P, E extends object = object>(model: M, fit: FitDiagnostics<P>, extra?: E): M & FitDiagnostics<P> & E {
  return {
    ...model,
    ...(extra as E),
    logLikelihood: fit.logLikelihood,
    standardErrors: fit.standardErrors,
    ...(fit.logParameterCovariance !== undefined ? { logParameterCovariance: fit.logParameterCovariance } : {}),
    iterations: fit.iterations,
    ...(fit.evaluations !== undefined ? { evaluations: fit.evaluations } : {}),
    converged: fit.converged,
    gradientNorm: fit.gradientNorm,
    customers: fit.customers,
    warnings: fit.warnings,
  } as M & FitDiagnostics<P> & E;
}
