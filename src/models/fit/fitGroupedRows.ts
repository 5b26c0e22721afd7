import type { FitDiagnostics } from '../types.js';
import { fitByMaximumLikelihood, type FitOptions, type MaximumLikelihoodFit, type MaximumLikelihoodProblem } from './fitByMaximumLikelihood.js';
import type { GroupedRows } from './groupRows.js';

/** Distinct rows above which a fit starts from a fit to a subsample (see {@link fitGroupedRows}). @internal */
export const WARM_START_ROWS = 80_000;
/** Distinct rows of that subsample. */
const WARM_SAMPLE_ROWS = 20_000;

/**
 * A total log-likelihood with its gradient (written into `grad`) over grouped rows; `hessian`, when
 * present, writes its analytic Hessian (natural parameters, row-major), and `forRows` builds the
 * same likelihood over other rows (the subsample of a warm start). @internal
 */
export type GroupedLikelihood = ((params: Float64Array, grad: Float64Array) => number) & {
  readonly hessian?: (params: Float64Array, out: Float64Array) => void;
  readonly forRows?: (rows: GroupedRows) => GroupedLikelihood;
};

/**
 * Fits a likelihood with an analytic gradient over grouped (x, t_x, T) rows: the shared path of
 * the continuous-time fits. `evaluate(params, grad)` returns the total log-likelihood and writes
 * its gradient; one evaluation is cached, because the optimiser asks for the gradient where it has
 * just evaluated the function. `start` receives the weighted mean of the third column (T).
 *
 * When `evaluate.forRows` (or `likelihoodOf`) can build the same likelihood over other rows,
 * there are more than {@link WARM_START_ROWS} distinct rows and no `start` option, the model is
 * first fitted to every k-th distinct row (about 20,000, with their weights), and the full fit
 * starts from that optimum and from the curvature per customer of its Hessian: a handful of passes
 * over the rows instead of 20 to 50.
 * @internal
 */
export function fitGroupedRows<K extends string>(
  rows: GroupedRows,
  names: readonly K[],
  evaluate: GroupedLikelihood,
  start: (meanT: number) => Readonly<Record<K, number>>,
  options: FitOptions<K>,
  likelihoodOf: ((rows: GroupedRows) => GroupedLikelihood) | undefined = evaluate.forRows,
): MaximumLikelihoodFit<K> {
  if (likelihoodOf !== undefined && rows.size > WARM_START_ROWS && options.start === undefined) {
    const sample = everyKthRow(rows, Math.floor(rows.size / WARM_SAMPLE_ROWS));
    const warm = fitGroupedRows(sample, names, likelihoodOf(sample), start, { ...options, standardErrors: true });
    if (warm.converged && warm.logParameterCovariance) {
      const warmCurvature = { logParameterCovariance: warm.logParameterCovariance, customers: warm.customers };
      return fitRows(rows, names, evaluate, () => warm.params, options, warmCurvature);
    }
  }
  return fitRows(rows, names, evaluate, start, options, undefined);
}

/** Rows 0, k, 2k, … with their weights. */
function everyKthRow(rows: GroupedRows, k: number): GroupedRows {
  const size = Math.ceil(rows.size / k);
  const columns = rows.columns.map(() => new Float64Array(size));
  const weights = new Float64Array(size);
  let totalWeight = 0;
  for (let i = 0, j = 0; j < size; i += k, j++) {
    for (let c = 0; c < columns.length; c++) columns[c]![j] = rows.columns[c]![i]!;
    weights[j] = rows.weights[i]!;
    totalWeight += weights[j]!;
  }
  return { columns, weights, size, totalWeight };
}

function fitRows<K extends string>(
  rows: GroupedRows,
  names: readonly K[],
  evaluate: GroupedLikelihood,
  start: (meanT: number) => Readonly<Record<K, number>>,
  options: FitOptions<K>,
  warmCurvature: MaximumLikelihoodProblem<K>['warmCurvature'],
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
    ...(evaluate.hessian !== undefined ? { hessian: evaluate.hessian } : {}),
    options,
    repeatBuyers,
    ...(warmCurvature !== undefined ? { warmCurvature } : {}),
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
