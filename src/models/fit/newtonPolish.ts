import { invertSymmetric } from '../../math/hessian.js';
import type { Gradient, Objective } from '../../math/optimize.js';

/** Newton steps taken at most after BFGS has converged. */
const MAX_STEPS = 2;

/** The end point of {@link newtonPolish}. @internal */
export interface PolishedPoint {
  /** The point (log-parameters). */
  readonly x: Float64Array;
  /** The objective there. */
  readonly value: number;
  /** Largest absolute component of the objective's gradient there. */
  readonly gradientNorm: number;
  /** Objective and gradient evaluations spent. */
  readonly evaluations: number;
}

/**
 * Refines a converged BFGS optimum by up to two Newton steps on a Hessian already in hand (the
 * second only when the first did not cut the gradient's norm a thousandfold).
 *
 * BFGS stops once the gradient of the mean objective is below its tolerance (1e-8 per customer by
 * default). Along a flat ridge of the likelihood (Gamma-Gamma's p–γ direction, BG/NBD's a–b) that
 * leaves the estimate up to about 1e-7 relative from the maximum, and two runs over the same
 * likelihood in another row order (weighted distinct rows from a database against one row per
 * customer) stop at different points of that band. A Newton step x − H⁻¹ g with the Hessian of the
 * objective at the optimum removes that error quadratically. A step is kept only when it lowers the
 * gradient's infinity norm without raising the objective beyond its rounding (`resolution`
 * relative), so a step can never make an estimate worse; a Hessian that is not positive definite, a point on the
 * box, or a non-finite value leaves the point as it was.
 *
 * @param objective - The objective minimised (mean penalised negative log-likelihood).
 * @param gradient - Its analytic gradient.
 * @param x0 - The converged point (not modified).
 * @param value0 - The objective at `x0`.
 * @param hessian - The Hessian of `objective` at `x0`, row-major n × n.
 * @param box - Lower and upper bounds of every coordinate; a step reaching one is refused.
 * @param resolution - Relative rounding of the objective: 1e-12 by default; a sum over millions of
 *   rows rounds at about 1e-12 to 1e-11 in another order, above what a last Newton step gains, so
 *   a warm-started (large) fit passes its objective resolution (1e-10).
 * @returns The polished point, its objective, gradient norm and the evaluations spent.
 * @internal
 */
export function newtonPolish(
  objective: Objective,
  gradient: Gradient,
  x0: Float64Array,
  value0: number,
  hessian: Float64Array,
  box: { readonly lower: number; readonly upper: number },
  resolution = 1e-12,
): PolishedPoint {
  const n = x0.length;
  const inverse = invertSymmetric(hessian, n);
  let x = Float64Array.from(x0);
  let value = value0;
  const g = new Float64Array(n);
  gradient(x, g);
  let evaluations = 1;
  let norm = infinityNorm(g);
  if (!inverse || !Number.isFinite(norm)) return { x, value, gradientNorm: norm, evaluations };
  const next = new Float64Array(n);
  const gNext = new Float64Array(n);
  // A second step only when the first did not already cut the gradient a thousandfold.
  const enough = norm * 1e-3;
  for (let step = 0; step < MAX_STEPS && norm > enough; step++) {
    let inside = true;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d += inverse[i * n + j]! * g[j]!;
      next[i] = x[i]! - d;
      if (!(next[i]! > box.lower && next[i]! < box.upper)) inside = false;
    }
    if (!inside) break;
    const nextValue = objective(next);
    evaluations++;
    if (!(nextValue <= value + resolution * Math.abs(value))) break;
    gradient(next, gNext);
    evaluations++;
    const nextNorm = infinityNorm(gNext);
    if (!(nextNorm < norm)) break;
    x = Float64Array.from(next);
    value = nextValue;
    g.set(gNext);
    norm = nextNorm;
  }
  return { x, value, gradientNorm: norm, evaluations };
}

function infinityNorm(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (Number.isNaN(a)) return NaN;
    if (a > m) m = a;
  }
  return m;
}
