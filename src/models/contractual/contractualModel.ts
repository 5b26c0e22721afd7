import { InvalidInputError, invalidOption } from '../../errors/InvalidInputError.js';
import { residualSurvivalSum } from '../../math/survivalSums.js';
import type { CohortProjection, ContractualModel, SubscriptionClvOptions } from './types.js';

/** What a contractual model is built from. @internal */
export interface ContractualCurve<P> {
  readonly model: 'sbg' | 'bdw';
  readonly params: P;
  /** log S(t) for real t >= 0 (whole t in every public use). */
  readonly logSurvival: (t: number) => number;
  /** r(t) = S(t) / S(t − 1) for whole t >= 1, when the model has a closed form (else from log S). */
  readonly retentionRate?: (t: number) => number;
  /** Closed form of Σ_{k>=0} S(n + 1 + k) / S(n) (no discounting), when the model has one. */
  readonly undiscountedResidual?: (n: number) => number;
}

/** A whole number >= `min`, else an InvalidInputError naming the argument. @internal */
export function wholeArgument(value: unknown, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidInputError([{ code: typeof value === 'number' && Number.isFinite(value) ? 'not_integer' : 'not_finite', path: [name], message: `expected a whole number >= ${min}` }]);
  }
  return value;
}

function discountFactor(discountRate: unknown, name = 'discountRate'): number {
  if (typeof discountRate !== 'number' || !Number.isFinite(discountRate)) invalidOption(name, 'expected a finite discount rate per period >= 0', 'not_finite');
  if (discountRate < 0) invalidOption(name, 'expected a finite discount rate per period >= 0', 'out_of_range');
  return 1 / (1 + discountRate);
}

/**
 * The functions of {@link ContractualModel} from a survivor function.
 * @internal
 */
export function contractualModel<P>(curve: ContractualCurve<P>): ContractualModel<P> {
  const { logSurvival } = curve;
  const residual = (n: number, x: number): number =>
    x === 1 && curve.undiscountedResidual !== undefined ? curve.undiscountedResidual(n) : residualSurvivalSum(logSurvival, n, x);
  let lifetime: number | undefined;
  const derl = (renewals: number, discountRate: number): number => residual(wholeArgument(renewals, 'renewals', 0), discountFactor(discountRate));
  return {
    model: curve.model,
    params: curve.params,
    survival: (t) => Math.exp(logSurvival(wholeArgument(t, 't', 0))),
    retentionRate: (t) => {
      const k = wholeArgument(t, 't', 1);
      return curve.retentionRate ? curve.retentionRate(k) : Math.exp(logSurvival(k) - logSurvival(k - 1));
    },
    get expectedLifetime(): number {
      // E[T] = S(0) + Σ_{k>=0} S(1 + k) = 1 + residual(0, 1).
      lifetime ??= 1 + residual(0, 1);
      return lifetime;
    },
    discountedExpectedResidualLifetime: derl,
    subscriptionClv: (options: SubscriptionClvOptions) => {
      if (options === null || typeof options !== 'object') invalidOption('options', 'expected { margin, discountRate, renewals? }', 'invalid_type');
      const { margin, discountRate, renewals } = options;
      if (typeof margin !== 'number' || !Number.isFinite(margin)) invalidOption('margin', 'expected a finite margin per period', 'not_finite');
      const x = discountFactor(discountRate);
      if (renewals !== undefined) return margin * residual(wholeArgument(renewals, 'renewals', 0), x);
      // A new customer: the first payment now, then DERL(0) one period later.
      return margin * (1 + x * residual(0, x));
    },
    projectCohort: (survivors, horizon, name = 'cohort') => projectCohort(logSurvival, survivors, wholeArgument(horizon, 'horizon', 0), name),
  };
}

function projectCohort(logSurvival: (t: number) => number, survivors: readonly number[], horizon: number, name: string): CohortProjection {
  if (!Array.isArray(survivors) || survivors.length === 0) {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['survivors'], message: 'expected an array of survivor counts from period 0' }]);
  }
  for (let t = 0; t < survivors.length; t++) {
    const v = survivors[t];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InvalidInputError([{ code: 'not_finite', path: ['survivors', t], message: 'expected a finite count >= 0' }]);
  }
  const a = survivors.length - 1;
  const n0 = survivors[0]!;
  const na = survivors[a]!;
  const expected = new Float64Array(a + horizon + 1);
  for (let t = 0; t <= a + horizon; t++) expected[t] = n0 * Math.exp(logSurvival(t));
  const conditional = new Float64Array(horizon + 1);
  const la = logSurvival(a);
  for (let k = 0; k <= horizon; k++) conditional[k] = na * Math.exp(logSurvival(a + k) - la);
  return { name, observedPeriods: a, survivors: [...survivors], expected, conditional };
}
