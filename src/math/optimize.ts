/**
 * Unconstrained minimisation by quasi-Newton BFGS with a weak-Wolfe bracketing line search.
 */
import { invalidOption } from '../errors/InvalidInputError.js';
import { centralGradient } from './centralGradient.js';

/** Knobs of {@link minimize}. */
export interface MinimizeOptions {
  /**
   * Maximum number of BFGS iterations (line searches).
   * @defaultValue 500
   */
  maxIterations?: number;
  /**
   * Converged when the largest absolute gradient component is at most this.
   * @defaultValue 1e-8
   */
  gradientTolerance?: number;
  /**
   * Also converged when an iteration lowers `f` by at most `relativeTolerance * (|f| + 1e-300)` and
   * the gradient is below `sqrt(gradientTolerance)` (the numerical floor of a finite-difference gradient).
   * @defaultValue 1e-14
   */
  relativeTolerance?: number;
}

/** What {@link minimize} found. */
export interface MinimizeResult {
  /** The best point found. */
  readonly x: Float64Array;
  /** `f(x)`. */
  readonly value: number;
  /** Iterations used. */
  readonly iterations: number;
  /** Whether a convergence criterion was met (otherwise the iteration limit or a stalled line search ended the run). */
  readonly converged: boolean;
  /** Largest absolute component of the gradient at `x` (infinity norm). */
  readonly gradientNorm: number;
}

/** A function to minimise; may return `Infinity` or `NaN` outside its domain. */
export type Objective = (x: Float64Array) => number;
/** Writes the gradient of the objective at `x` into `out`. */
export type Gradient = (x: Float64Array, out: Float64Array) => void;

/**
 * Minimises a smooth function of a few variables by BFGS.
 *
 * Quasi-Newton BFGS (Nocedal & Wright 2006, algorithm 6.1) on the inverse-Hessian approximation,
 * with a bracketing line search that enforces the weak Wolfe conditions (Armijo c1 = 1e-4,
 * curvature c2 = 0.9) and treats a non-finite `f` as "step too long". When `gradient` is omitted,
 * central differences with step `6e-6 * max(1, |x_i|)` are used (2n evaluations per gradient).
 * Never throws on non-convergence: the result says whether it converged. Cost: O(n^2) per
 * iteration plus the evaluations.
 *
 * @param f - The objective.
 * @param x0 - Starting point (not modified); `f(x0)` should be finite.
 * @param options - Iteration limit and tolerances.
 * @param gradient - Optional analytic gradient.
 * @returns The best point found, its value, iterations, convergence flag and gradient norm.
 * @throws {InvalidInputError} When `maxIterations` is not a whole number >= 1 or a tolerance is not
 * a finite number > 0.
 * @example
 * ```ts
 * import { minimize } from 'loyalty-score/math';
 * const res = minimize((x) => (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2, [0, 0]);
 * res.converged; // => true
 * res.x[0]; // ~> 3 (1e-6)
 * res.x[1]; // ~> -1 (1e-6)
 * ```
 */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}, gradient?: Gradient): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-8;
  const rtol = options.relativeTolerance ?? 1e-14;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) invalidOption('maxIterations', 'expected a whole number of iterations >= 1');
  if (!(Number.isFinite(gtol) && gtol > 0)) invalidOption('gradientTolerance', 'expected a finite number > 0');
  if (!(Number.isFinite(rtol) && rtol > 0)) invalidOption('relativeTolerance', 'expected a finite number > 0');
  const grad: Gradient = gradient ?? ((x, out) => centralGradient(f, x, out));

  let x = Float64Array.from(x0);
  let fx = f(x);
  let g = new Float64Array(n);
  if (!Number.isFinite(fx)) return { x, value: fx, iterations: 0, converged: false, gradientNorm: Infinity };
  grad(x, g);
  if (!allFinite(g)) return { x, value: fx, iterations: 0, converged: false, gradientNorm: Infinity };

  const H = identity(n);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let converged = infNorm(g) <= gtol;
  let firstStep = true;

  while (!converged && iterations < maxIterations) {
    iterations++;
    // Search direction d = -H g; fall back to steepest descent if not a descent direction.
    matVec(H, g, d, n);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      d[i] = -d[i]!;
      slope += d[i]! * g[i]!;
    }
    if (!(slope < 0) || !Number.isFinite(slope)) {
      resetIdentity(H, n);
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = -dot(g, g, n);
      firstStep = true;
    }
    let step = 1;
    if (firstStep) {
      const dn = Math.sqrt(dot(d, d, n));
      step = Math.min(1, 1 / dn);
    }
    const ls = wolfeSearch(f, grad, x, fx, slope, d, step, xNew, gNew, n);
    if (ls === null) {
      if (!firstStep) {
        // Retry once from steepest descent with a fresh curvature model.
        resetIdentity(H, n);
        firstStep = true;
        continue;
      }
      // Cannot decrease f any more: we are at the numerical floor.
      converged = infNorm(g) <= Math.sqrt(gtol);
      break;
    }
    const fOld = fx;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    [x, g] = [Float64Array.from(xNew), Float64Array.from(gNew)];
    fx = ls;
    const sy = dot(s, y, n);
    if (sy > 1e-300 && Number.isFinite(sy)) {
      if (firstStep) {
        // Scale the initial inverse Hessian (Nocedal & Wright eq. 6.20).
        const scale = sy / dot(y, y, n);
        resetIdentity(H, n, scale);
      }
      bfgsUpdate(H, s, y, sy, Hy, n);
      firstStep = false;
    }
    const gn = infNorm(g);
    if (gn <= gtol) converged = true;
    else if (Math.abs(fOld - fx) <= rtol * (Math.abs(fx) + 1e-300) && gn <= Math.sqrt(gtol)) converged = true;
  }
  return { x, value: fx, iterations, converged, gradientNorm: infNorm(g) };
}

/** Weak-Wolfe bracketing (Lewis & Overton): returns f at the accepted point, or null when no decrease was found. */
function wolfeSearch(
  f: Objective,
  grad: Gradient,
  x: Float64Array,
  fx: number,
  slope: number,
  d: Float64Array,
  step0: number,
  xNew: Float64Array,
  gNew: Float64Array,
  n: number,
): number | null {
  const c1 = 1e-4;
  const c2 = 0.9;
  let lo = 0;
  let hi = Infinity;
  let t = step0;
  let bestT = 0;
  let bestF = fx;
  for (let k = 0; k < 60; k++) {
    for (let i = 0; i < n; i++) xNew[i] = x[i]! + t * d[i]!;
    const ft = f(xNew);
    if (!Number.isFinite(ft) || ft > fx + c1 * t * slope) {
      if (Number.isFinite(ft) && ft < bestF) {
        bestF = ft;
        bestT = t;
      }
      hi = t;
      // Safeguarded quadratic interpolation, else halve.
      let next = 0.5 * (lo + hi);
      if (Number.isFinite(ft) && lo === 0) {
        const q = (-slope * t * t) / (2 * (ft - fx - slope * t));
        if (q > 0.1 * t && q < 0.9 * t) next = q;
      }
      t = next;
    } else {
      grad(xNew, gNew);
      if (!allFinite(gNew)) {
        hi = t;
        t = 0.5 * (lo + hi);
        continue;
      }
      if (dot(gNew, d, n) < c2 * slope) {
        lo = t;
        bestF = ft;
        bestT = t;
        t = hi === Infinity ? 2 * lo : 0.5 * (lo + hi);
      } else {
        return ft;
      }
    }
    if (hi - lo < 1e-16 * Math.max(1, hi)) break;
  }
  if (bestT > 0 && bestF < fx) {
    for (let i = 0; i < n; i++) xNew[i] = x[i]! + bestT * d[i]!;
    grad(xNew, gNew);
    if (allFinite(gNew)) return bestF;
  }
  return null;
}

function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, Hy: Float64Array, n: number): void {
  matVec(H, y, Hy, n);
  const yHy = dot(y, Hy, n);
  const rho = 1 / sy;
  const coef = (1 + yHy * rho) * rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] = H[i * n + j]! + coef * s[i]! * s[j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!);
    }
  }
}

function identity(n: number): Float64Array {
  const H = new Float64Array(n * n);
  resetIdentity(H, n);
  return H;
}

function resetIdentity(H: Float64Array, n: number, scale = 1): void {
  H.fill(0);
  for (let i = 0; i < n; i++) H[i * n + i] = scale;
}

function matVec(A: Float64Array, v: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += A[i * n + j]! * v[j]!;
    out[i] = acc;
  }
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += a[i]! * b[i]!;
  return acc;
}

function infNorm(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (!(a <= m)) m = a;
  }
  return m;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}
