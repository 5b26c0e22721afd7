import { invalidOption } from '../../errors/InvalidInputError.js';
import type { FitOptions } from '../fit/fitByMaximumLikelihood.js';
import type { FitWarning } from '../fit/fitWarnings.js';
import { fitGroupedRows } from '../fit/fitGroupedRows.js';
import type { BtydFitDiagnostics } from '../types.js';
import type { CovariateFitRows } from './covariateRows.js';
import type { CovariateCoefficients } from './types.js';

/**
 * A covariate likelihood: total log-likelihood at `params` = [base parameters (natural scale),
 * γ_purchase…, γ_dropout…], writing its gradient in the same order into `grad` when given.
 * @internal
 */
export type CovariateLikelihood = (params: Float64Array, grad: Float64Array | null) => number;

/** What {@link fitCovariateRows} returns. @internal */
export interface CovariateRowsFit<K extends string> {
  readonly params: Readonly<Record<K, number>>;
  readonly coefficients: CovariateCoefficients;
  readonly coefficientStandardErrors: CovariateCoefficients | null;
  readonly diagnostics: BtydFitDiagnostics<Record<K, number>>;
}

/**
 * Maximises a covariate likelihood over the base parameters (positive) and the coefficients γ (any
 * sign). The shared optimiser works on the logarithm of every parameter; a coefficient enters it as
 * θ = exp(γ), so the optimiser's coordinate for it is γ itself, its start is γ = 0, and the
 * delta-method standard error SE(θ)/θ is exactly the standard error of γ. Warnings about a
 * coefficient are restated in terms of γ (`parameter_at_boundary` when |γ| > 18.4, that is θ beyond
 * 1e±8); a coefficient's standard error above its value is no warning (it only says the effect is
 * not significant). The design columns arrive divided by `prepared.scales`; the coefficients and
 * their standard errors are returned for the raw columns.
 * @throws {InvalidInputError} `invalid_option` for `l2Penalty` other than 0 (not defined for coefficients).
 * @internal
 */
export function fitCovariateRows<K extends string>(
  prepared: CovariateFitRows,
  baseNames: readonly K[],
  likelihood: CovariateLikelihood,
  start: (meanT: number) => Readonly<Record<K, number>>,
  options: FitOptions<K>,
): CovariateRowsFit<K> {
  if (options.l2Penalty !== undefined && options.l2Penalty !== 0) invalidOption('l2Penalty', 'an L2 penalty is not supported with covariates (expected 0 or no l2Penalty)');
  const { design } = prepared;
  const nb = baseNames.length;
  const keys = [...design.purchase.columns.map((c) => `purchase:${c}`), ...design.dropout.columns.map((c) => `dropout:${c}`)];
  const names = [...baseNames, ...keys] as K[];
  const n = names.length;
  const p = new Float64Array(n);
  const evaluate = (theta: Float64Array, grad: Float64Array): number => {
    for (let j = 0; j < n; j++) p[j] = j < nb ? theta[j]! : Math.log(theta[j]!);
    const ll = likelihood(p, grad);
    for (let j = nb; j < n; j++) grad[j] = grad[j]! / theta[j]!;
    return ll;
  };
  const startAll = (meanT: number): Readonly<Record<K, number>> => {
    const s = { ...start(meanT) } as Record<K, number>;
    for (const k of keys) s[k as K] = 1;
    return s;
  };
  const fit = fitGroupedRows(prepared.rows, names, evaluate, startAll, options);
  // The optimiser's coefficient is that of the scaled column: divide by the scale for the raw one.
  const scaleOf = (k: string): number => prepared.scales[keys.indexOf(k)] ?? 1;
  const gamma = (k: string): number => Math.log(fit.params[k as K]) / scaleOf(k);
  const byProcess = (value: (key: string) => number): CovariateCoefficients => ({
    purchase: Object.fromEntries(design.purchase.columns.map((c) => [c, value(`purchase:${c}`)])),
    dropout: Object.fromEntries(design.dropout.columns.map((c) => [c, value(`dropout:${c}`)])),
  });
  const se = fit.standardErrors;
  const params = Object.fromEntries(baseNames.map((k) => [k, fit.params[k]])) as Record<K, number>;
  const warnings: FitWarning[] = [];
  for (const w of fit.warnings) {
    if (w.parameter === undefined || !keys.includes(w.parameter)) warnings.push(w);
    else if (w.code === 'parameter_at_boundary') {
      const g = gamma(w.parameter);
      warnings.push({
        code: 'parameter_at_boundary',
        parameter: w.parameter,
        message: `The coefficient ${w.parameter} is ${g.toPrecision(4)}: the likelihood keeps rising along it (for instance a category whose customers never repeat), so this effect is not really estimated.`,
        value: g,
      });
    }
  }
  return {
    params,
    coefficients: byProcess(gamma),
    coefficientStandardErrors: se === null ? null : byProcess((k) => se[k as K] / fit.params[k as K] / scaleOf(k)),
    diagnostics: {
      logLikelihood: fit.logLikelihood,
      standardErrors: se === null ? null : (Object.fromEntries(baseNames.map((k) => [k, se[k]])) as Record<K, number>),
      iterations: fit.iterations,
      ...((fit as { evaluations?: number }).evaluations !== undefined ? { evaluations: (fit as { evaluations?: number }).evaluations } : {}),
      converged: fit.converged,
      gradientNorm: fit.gradientNorm,
      customers: fit.customers,
      warnings,
      justAcquired: prepared.justAcquired,
    },
  };
}
