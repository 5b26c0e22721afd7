/**
 * Minimisation by quasi-Newton BFGS with a weak-Wolfe bracketing line search, optionally inside a box.
 */
import { invalidOption } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import { centralGradient } from './centralGradient.js';
import { allFinite, wolfeSearch } from './wolfeSearch.js';

/** Knobs of {@link minimize}. */
export interface MinimizeOptions {
  /**
   * Maximum number of BFGS iterations (line searches).
   * @defaultValue 500
   */
  maxIterations?: number;
  /**
   * Maximum number of evaluations: calls of `f` (those of a finite-difference gradient included)
   * plus calls of the analytic gradient. The run stops with `converged: false` when it is spent.
   * @defaultValue 10000
   */
  maxEvaluations?: number;
  /**
   * Converged when the largest absolute component of the projected gradient is at most this.
   * @defaultValue 1e-8
   */
  gradientTolerance?: number;
  /**
   * Also converged when an iteration lowers `f` by at most `relativeTolerance * (|f| + 1e-300)`,
   * moves every coordinate by at most `stepTolerance * max(1, |x_i|)`, and the projected gradient
   * is below `sqrt(gradientTolerance)` (the numerical floor of a finite-difference gradient).
   * @defaultValue 1e-14
   */
  relativeTolerance?: number;
  /**
   * The relative step of the criterion above: at the numerical floor the last step moved every
   * coordinate by at most this (relative to `max(1, |x_i|)`).
   * @defaultValue 1e-5
   */
  stepTolerance?: number;
  /**
   * Lower bounds of the box the search stays in, one per coordinate (`-Infinity` for none).
   * @defaultValue no lower bounds
   */
  lower?: ArrayLike<number>;
  /**
   * Upper bounds of the box the search stays in, one per coordinate (`Infinity` for none).
   * @defaultValue no upper bounds
   */
  upper?: ArrayLike<number>;
  /**
   * A starting inverse-Hessian approximation (row-major n x n, symmetric positive definite), for
   * instance the inverse Hessian of a fit to a subsample: the first step is then a quasi-Newton
   * step of length 1 instead of a scaled steepest-descent step. When the direction it gives is not
   * a descent direction, the run falls back to the identity as without it.
   * @defaultValue the identity, rescaled after the first step (Nocedal & Wright eq. 6.20)
   */
  initialInverseHessian?: ArrayLike<number>;
  /**
   * Relative rounding resolution of `f`, for objectives summed over very many terms. Near the
   * optimum a quasi-Newton step promises a decrease that rounding hides, and the sufficient-decrease
   * test on `f` then rejects good steps at random (a million-term sum is only good to about 1e-15
   * relative). When both the decrease asked for and the change found are below
   * `objectiveResolution * |f|`, a step is accepted on the approximate Wolfe conditions of Hager &
   * Zhang (2005) instead: 0.9 g·d <= g(x + t d)·d <= -0.8 g·d, tested on the gradient alone.
   * @defaultValue 0 (every step passes the sufficient-decrease test on `f`)
   */
  objectiveResolution?: number;
}

/**
 * Why {@link minimize} stopped:
 * - `gradient`: the projected gradient is below `gradientTolerance` (converged);
 * - `small_step`: a tiny relative change of `f` and of `x` with a projected gradient below
 *   `sqrt(gradientTolerance)` (converged);
 * - `line_search`: no decrease could be found along two successive directions (converged only
 *   when the projected gradient is below `sqrt(gradientTolerance)`: the numerical floor);
 * - `max_iterations`, `max_evaluations`: a limit was reached (not converged);
 * - `not_finite`: `f` or its gradient is not finite at the start (not converged).
 */
export type MinimizeStop = 'gradient' | 'small_step' | 'line_search' | 'max_iterations' | 'max_evaluations' | 'not_finite';

/** What {@link minimize} found. */
export interface MinimizeResult {
  /** The best point found. */
  readonly x: Float64Array;
  /** `f(x)`. */
  readonly value: number;
  /** Iterations used. */
  readonly iterations: number;
  /** Evaluations used: calls of `f` plus calls of the analytic gradient. */
  readonly evaluations: number;
  /** Whether a convergence criterion was met (see {@link MinimizeStop}). */
  readonly converged: boolean;
  /** Why the run stopped. */
  readonly stop: MinimizeStop;
  /**
   * Largest absolute component of the projected gradient at `x` (infinity norm): components at a
   * bound of the box that point out of it count as 0.
   */
  readonly gradientNorm: number;
}

/** A function to minimise; may return `Infinity` or `NaN` outside its domain. */
export type Objective = (x: Float64Array) => number;
/** Writes the gradient of the objective at `x` into `out`. */
export type Gradient = (x: Float64Array, out: Float64Array) => void;

/**
 * Minimises a smooth function of a few variables by BFGS, optionally inside a box.
 *
 * Quasi-Newton BFGS (Nocedal & Wright 2006, algorithm 6.1) on the inverse-Hessian approximation,
 * with a bracketing line search that enforces the weak Wolfe conditions (Armijo c1 = 1e-4,
 * curvature c2 = 0.9), treats a non-finite `f` as "step too long" and gives up after 30 trial
 * points. With bounds, a coordinate at a bound whose gradient points out of the box is held
 * there (the direction uses the inverse-Hessian block of the free coordinates) and no step goes
 * past the box; convergence is judged on the projected gradient. When `gradient` is omitted,
 * central differences with step `6e-6 * max(1, |x_i|)` are used (2n evaluations per gradient).
 * Never throws on non-convergence: the result says whether it converged and why it stopped.
 * Cost: O(n^2) per iteration plus the evaluations, at most `maxEvaluations`.
 *
 * @param f - The objective.
 * @param x0 - Starting point (not modified; moved into the box when outside); `f(x0)` should be finite.
 * @param options - Limits, tolerances and bounds.
 * @param gradient - Optional analytic gradient.
 * @returns The best point found, its value, iterations, evaluations, convergence flag, stop reason and gradient norm.
 * @throws {InvalidInputError} When `maxIterations` or `maxEvaluations` is not a whole number >= 1,
 * a tolerance is not a finite number > 0, a bound list has the wrong length or a lower bound
 * above its upper bound, `initialInverseHessian` is not n x n finite numbers, or
 * `objectiveResolution` is not in [0, 1).
 * @example
 * ```ts
 * import { minimize } from 'loyalty-score/math';
 * const res = minimize((x) => (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2, [0, 0]);
 * res.converged; // => true
 * res.x[0]; // ~> 3 (1e-6)
 * res.x[1]; // ~> -1 (1e-6)
 * // Inside the box x[0] <= 2 the minimum is on the bound.
 * const boxed = minimize((x) => (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2, [0, 0], { upper: [2, 5] });
 * boxed.x[0]; // ~> 2 (1e-12)
 * boxed.converged; // => true
 * ```
 */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}, gradient?: Gradient): MinimizeResult {
  rejectUnknownKeys(options, MINIMIZE_OPTION_KEYS, 'options', 'minimize');
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const maxEvaluations = options.maxEvaluations ?? 10_000;
  const gtol = options.gradientTolerance ?? 1e-8;
  const rtol = options.relativeTolerance ?? 1e-14;
  const xtol = options.stepTolerance ?? 1e-5;
  const resolution = options.objectiveResolution ?? 0;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) invalidOption('maxIterations', 'expected a whole number of iterations >= 1');
  if (!(Number.isInteger(maxEvaluations) && maxEvaluations >= 1)) invalidOption('maxEvaluations', 'expected a whole number of evaluations >= 1');
  if (!(Number.isFinite(gtol) && gtol > 0)) invalidOption('gradientTolerance', 'expected a finite number > 0');
  if (!(Number.isFinite(rtol) && rtol > 0)) invalidOption('relativeTolerance', 'expected a finite number > 0');
  if (!(Number.isFinite(xtol) && xtol > 0)) invalidOption('stepTolerance', 'expected a finite number > 0');
  if (!(Number.isFinite(resolution) && resolution >= 0 && resolution < 1)) invalidOption('objectiveResolution', 'expected a finite number >= 0 and < 1');
  const lower = boundsOf(options.lower, n, -Infinity, 'lower');
  const upper = boundsOf(options.upper, n, Infinity, 'upper');
  for (let i = 0; i < n; i++) if (!(lower[i]! <= upper[i]!)) invalidOption('lower', `expected lower bound ${i} at most its upper bound`);
  const clamp = (v: Float64Array): void => {
    for (let i = 0; i < n; i++) v[i] = Math.min(upper[i]!, Math.max(lower[i]!, v[i]!));
  };

  let evaluations = 0;
  const counted: Objective = (v) => {
    evaluations++;
    return f(v);
  };
  const grad: Gradient = gradient
    ? (v, out) => {
        evaluations++;
        gradient(v, out);
      }
    : (v, out) => centralGradient(counted, v, out);
  const canEvaluate = (): boolean => evaluations < maxEvaluations;

  let x = Float64Array.from(x0);
  clamp(x);
  let fx = counted(x);
  let g = new Float64Array(n);
  const notFinite = (): MinimizeResult => ({ x, value: fx, iterations: 0, evaluations, converged: false, stop: 'not_finite', gradientNorm: Infinity });
  if (!Number.isFinite(fx)) return notFinite();
  grad(x, g);
  if (!allFinite(g)) return notFinite();

  const H = identity(n);
  let firstStep = true;
  if (options.initialInverseHessian !== undefined) {
    const H0 = options.initialInverseHessian;
    if (H0 === null || typeof H0 !== 'object' || H0.length !== n * n) invalidOption('initialInverseHessian', `expected ${n * n} entries (an n x n matrix, row-major)`);
    for (let i = 0; i < n * n; i++) if (!Number.isFinite(H0[i])) invalidOption('initialInverseHessian', 'expected finite entries');
    H.set(H0);
    firstStep = false;
  }
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  const free = new Uint8Array(n);
  let iterations = 0;
  let pg = projectedNorm(x, g, lower, upper, free);
  let stop: MinimizeStop | null = pg <= gtol ? 'gradient' : null;

  while (stop === null) {
    if (iterations >= maxIterations) {
      stop = 'max_iterations';
      break;
    }
    if (!canEvaluate()) {
      stop = 'max_evaluations';
      break;
    }
    iterations++;
    // Search direction d = -H_FF g_F on the free coordinates; steepest descent if not a descent direction.
    let slope = freeDirection(H, g, free, d, n);
    if (!(slope < 0) || !Number.isFinite(slope)) {
      resetIdentity(H, n);
      slope = freeDirection(H, g, free, d, n);
      firstStep = true;
    }
    let maxStep = Infinity;
    for (let i = 0; i < n; i++) {
      if (d[i]! > 0) maxStep = Math.min(maxStep, (upper[i]! - x[i]!) / d[i]!);
      else if (d[i]! < 0) maxStep = Math.min(maxStep, (lower[i]! - x[i]!) / d[i]!);
    }
    const step0 = firstStep ? Math.min(1, 1 / Math.sqrt(dot(d, d, n))) : 1;
    const ls = wolfeSearch({ f: counted, grad, x, fx, slope, d, step0, maxStep, xNew, gNew, clamp, canEvaluate, resolution });
    if (ls === null) {
      if (!canEvaluate()) {
        stop = 'max_evaluations';
        break;
      }
      if (!firstStep) {
        // Retry once from steepest descent with a fresh curvature model.
        resetIdentity(H, n);
        firstStep = true;
        continue;
      }
      stop = 'line_search';
      break;
    }
    const fOld = fx;
    let relStep = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
      relStep = Math.max(relStep, Math.abs(s[i]!) / Math.max(1, Math.abs(x[i]!)));
    }
    [x, g] = [Float64Array.from(xNew), Float64Array.from(gNew)];
    fx = ls;
    const sy = dot(s, y, n);
    if (sy > 1e-300 && Number.isFinite(sy)) {
      if (firstStep) {
        // Scale the initial inverse Hessian (Nocedal & Wright eq. 6.20).
        resetIdentity(H, n, sy / dot(y, y, n));
      }
      bfgsUpdate(H, s, y, sy, Hy, n);
      firstStep = false;
    }
    pg = projectedNorm(x, g, lower, upper, free);
    if (pg <= gtol) stop = 'gradient';
    else if (Math.abs(fOld - fx) <= rtol * (Math.abs(fx) + 1e-300) && relStep <= xtol && pg <= Math.sqrt(gtol)) stop = 'small_step';
  }
  const converged = stop === 'gradient' || stop === 'small_step' || (stop === 'line_search' && pg <= Math.sqrt(gtol));
  return { x, value: fx, iterations, evaluations, converged, stop, gradientNorm: pg };
}

/** The bounds as a Float64Array of length n (`fill` where none are given). */
function boundsOf(bounds: ArrayLike<number> | undefined, n: number, fill: number, name: string): Float64Array {
  const out = new Float64Array(n).fill(fill);
  if (bounds === undefined) return out;
  if (bounds === null || typeof bounds !== 'object' || bounds.length !== n) invalidOption(name, `expected ${n} bounds, one per coordinate`);
  for (let i = 0; i < n; i++) {
    const b = bounds[i]!;
    if (Number.isNaN(b) || typeof b !== 'number') invalidOption(name, `expected bound ${i} to be a number`);
    out[i] = b;
  }
  return out;
}

/**
 * Marks the free coordinates (not held at a bound by a gradient pointing out of the box) and
 * returns the infinity norm of the projected gradient.
 */
function projectedNorm(x: Float64Array, g: Float64Array, lower: Float64Array, upper: Float64Array, free: Uint8Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const held = (x[i]! <= lower[i]! && g[i]! > 0) || (x[i]! >= upper[i]! && g[i]! < 0);
    free[i] = held ? 0 : 1;
    const a = held ? 0 : Math.abs(g[i]!);
    if (!(a <= m)) m = a;
  }
  return m;
}

/** d = -H_FF g_F on the free coordinates (0 elsewhere); returns the slope d·g. */
function freeDirection(H: Float64Array, g: Float64Array, free: Uint8Array, d: Float64Array, n: number): number {
  let slope = 0;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    if (free[i]) for (let j = 0; j < n; j++) if (free[j]) acc += H[i * n + j]! * g[j]!;
    d[i] = -acc;
    slope += d[i]! * g[i]!;
  }
  return slope;
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

/** The option names of {@link MinimizeOptions}. @internal */
const MINIMIZE_OPTION_KEYS: KeyList<MinimizeOptions> = {
  maxIterations: true,
  maxEvaluations: true,
  gradientTolerance: true,
  relativeTolerance: true,
  stepTolerance: true,
  lower: true,
  upper: true,
  initialInverseHessian: true,
  objectiveResolution: true,
};
