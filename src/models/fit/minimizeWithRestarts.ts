import { invalidOption } from '../../errors/InvalidInputError.js';
import { minimize, type Gradient, type MinimizeResult, type Objective } from '../../math/optimize.js';
import { LOWER_BOUNDARY, UPPER_BOUNDARY } from './fitWarnings.js';

/**
 * The box every maximum-likelihood fit searches in: each parameter θ between 1e-10 and 1e10, that
 * is log θ in [log 1e-10, log 1e10]. Wider than the `parameter_at_boundary` thresholds (1e-8,
 * 1e8), so an estimate on the box is always reported as at a boundary; narrow enough that the
 * likelihoods are still evaluated accurately there, and that no search walks off to 1e20.
 * @internal
 */
export const PARAMETER_BOX = { lower: 1e-10, upper: 1e10 } as const;

/** Default cap on evaluations of one fit, all starts together. @internal */
export const DEFAULT_MAX_EVALUATIONS = 10_000;

/** Multipliers of the model's default start tried after a suspicious stop, in order. */
const RESTART_SCALES = [1, 10, 0.1] as const;

/** The optimiser's knobs as a fit passes them on. @internal */
export interface RestartKnobs {
  readonly maxIterations?: number;
  readonly maxEvaluations?: number;
  readonly gradientTolerance?: number;
  readonly relativeTolerance?: number;
  /** Starting inverse Hessian of the first run only (the restarts start from the identity). */
  readonly initialInverseHessian?: ArrayLike<number>;
  /** Relative resolution of the objective (see `MinimizeOptions`). */
  readonly objectiveResolution?: number;
}

/** A {@link MinimizeResult} over several starts: iterations and evaluations are totals. @internal */
export interface RestartResult extends MinimizeResult {
  /** Starts tried (1 when the first run stopped cleanly). */
  readonly starts: number;
}

/**
 * Minimises a fit's objective over log-parameters inside {@link PARAMETER_BOX}, and restarts after a
 * suspicious stop.
 *
 * A stop is suspicious unless the run converged with a projected gradient within 10 times
 * `gradientTolerance` and every parameter inside [1e-8, 1e8]: a stall on a plateau (BG/BB on weekly CDNOW from some starts stops there, 149
 * log-likelihood units below the optimum), a limit reached, a non-finite start, or an estimate
 * drifting to a limit of the model. Then the search is run again from the model's default start
 * and from it scaled by 10 and by 1/10 (those not equal to the first start), until a start stops
 * cleanly, and the best objective wins (a clean stop on ties). All runs share one budget of
 * iterations (`maxIterations`) and of evaluations (`maxEvaluations`), so a fit costs at most that
 * many whatever the start; a run that a restart may follow gets at most half of what is left.
 * @internal
 */
export function minimizeWithRestarts(objective: Objective, u0: Float64Array, defaultStart: Float64Array, knobs: RestartKnobs, gradient?: Gradient): RestartResult {
  const n = u0.length;
  const lower = new Float64Array(n).fill(Math.log(PARAMETER_BOX.lower));
  const upper = new Float64Array(n).fill(Math.log(PARAMETER_BOX.upper));
  const budget = knobs.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const iterationBudget = knobs.maxIterations ?? 500;
  if (!(Number.isInteger(iterationBudget) && iterationBudget >= 1)) invalidOption('maxIterations', 'expected a whole number of iterations >= 1');
  if (!(Number.isInteger(budget) && budget >= 1)) invalidOption('maxEvaluations', 'expected a whole number of evaluations >= 1');
  let spent = 0;
  let iterations = 0;
  let starts = 0;
  // A run may spend half of what is left while a restart could follow it, so a start that crawls
  // cannot use up the budget of the restarts.
  const share = (left: number, last: boolean): number => Math.max(1, last ? left : Math.ceil(left / 2));
  const { initialInverseHessian, ...common } = knobs;
  const run = (start: Float64Array, last: boolean): MinimizeResult => {
    const left = { maxIterations: share(iterationBudget - iterations, last), maxEvaluations: share(budget - spent, last) };
    const first = starts === 0 && initialInverseHessian !== undefined ? { initialInverseHessian } : {};
    const res = minimize(objective, start, { ...common, ...first, ...left, lower, upper }, gradient);
    spent += res.evaluations;
    iterations += res.iterations;
    starts++;
    return res;
  };
  let best = run(u0, false);
  const gtol = knobs.gradientTolerance ?? 1e-8;
  if (!isClean(best, gtol)) {
    for (let k = 0; k < RESTART_SCALES.length; k++) {
      const scale = RESTART_SCALES[k]!;
      if (spent >= budget || iterations >= iterationBudget) break;
      const start = defaultStart.map((u) => u + Math.log(scale));
      if (sameStart(start, u0)) continue;
      const res = run(start, k === RESTART_SCALES.length - 1);
      if (better(res, best)) best = res;
      if (isClean(res, gtol) && best === res) break;
    }
  }
  return { ...best, iterations, evaluations: spent, starts };
}

/**
 * Converged with a projected gradient within 10 times the tolerance (the numerical floor of a
 * converged run; a plateau stall sits far above it) and every parameter inside the warning thresholds.
 */
function isClean(res: MinimizeResult, gradientTolerance: number): boolean {
  if (!res.converged || !(res.gradientNorm <= 10 * gradientTolerance)) return false;
  for (let i = 0; i < res.x.length; i++) {
    const theta = Math.exp(res.x[i]!);
    if (!(theta >= LOWER_BOUNDARY && theta <= UPPER_BOUNDARY)) return false;
  }
  return true;
}

/** A lower objective (beyond rounding), or the same one with a clean stop where the other is not. */
function better(a: MinimizeResult, b: MinimizeResult): boolean {
  if (!Number.isFinite(a.value)) return false;
  if (!Number.isFinite(b.value)) return true;
  const tie = 1e-12 * Math.max(1, Math.abs(b.value));
  if (a.value < b.value - tie) return true;
  return a.value <= b.value + tie && a.converged && !b.converged;
}

function sameStart(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 1e-12) return false;
  return true;
}
