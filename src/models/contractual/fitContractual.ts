import { fitByMaximumLikelihood, type FitOptions } from '../fit/fitByMaximumLikelihood.js';
import type { CheckedCohort } from './survivorData.js';
import type { CohortProjection, ContractualFit, ContractualModel } from './types.js';

/**
 * The total log-likelihood of cohorts given their log survivor curve:
 * Σ_cohorts [Σ_{t=1}^{a} (n_{t−1} − n_t) log(S(t − 1) − S(t)) + n_a log S(a)]; the last term is
 * the right-censoring of those still subscribed at the cohort's age a.
 * @internal
 */
export function cohortLogLikelihood(cohorts: readonly CheckedCohort[], logS: Float64Array): number {
  let ll = 0;
  for (const { survivors } of cohorts) {
    const a = survivors.length - 1;
    for (let t = 1; t <= a; t++) {
      const lost = survivors[t - 1]! - survivors[t]!;
      if (lost > 0) ll += lost * (logS[t - 1]! + Math.log(-Math.expm1(logS[t]! - logS[t - 1]!)));
    }
    if (survivors[a]! > 0) ll += survivors[a]! * logS[a]!;
  }
  return ll;
}

/** Fits a contractual model by maximum likelihood over checked cohorts. @internal */
export function fitContractual<K extends string, P extends Record<K, number>>(
  cohorts: readonly CheckedCohort[],
  names: readonly K[],
  start: Readonly<Record<K, number>>,
  logSurvivalCurve: (theta: Float64Array, maxAge: number, logS: Float64Array) => void,
  build: (params: P) => ContractualModel<P>,
  options: FitOptions<K>,
  gradient?: (theta: Float64Array, out: Float64Array) => void,
): ContractualFit<P> {
  const maxAge = Math.max(...cohorts.map((c) => c.survivors.length - 1));
  const logS = new Float64Array(maxAge + 1);
  let customers = 0;
  for (const c of cohorts) customers += c.survivors[0]!;
  const fit = fitByMaximumLikelihood({
    paramNames: names,
    start,
    customers,
    options,
    logLikelihood(theta) {
      logSurvivalCurve(theta, maxAge, logS);
      return cohortLogLikelihood(cohorts, logS);
    },
    ...(gradient ? { gradient } : {}),
  });
  const model = build(fit.params as unknown as P);
  const projections = (horizon: number): CohortProjection[] => cohorts.map((c) => model.projectCohort(c.survivors, horizon, c.name));
  // Descriptors, not a spread: the model's expectedLifetime is a lazy getter (a long sum for the BdW).
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(model));
  // Every diagnostic the driver reports (log-likelihood, standard errors, iterations, warnings, …).
  const { params: _estimates, ...diagnostics } = fit;
  return Object.assign(out, diagnostics, {
    cohorts: cohorts.map((c) => ({ name: c.name, survivors: [...c.survivors] })),
    projections,
  }) as unknown as ContractualFit<P>;
}
