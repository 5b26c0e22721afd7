/**
 * The line search of `minimize`: weak-Wolfe bracketing (Lewis & Overton) along a direction,
 * never past a given longest step, within a fixed number of trials; optionally with the
 * approximate Wolfe conditions of Hager & Zhang where `f` is at its rounding floor.
 * @internal
 */

/** The objective (may return a non-finite value outside its domain). */
type Objective = (x: Float64Array) => number;
/** Writes the gradient at `x` into `out`. */
type Gradient = (x: Float64Array, out: Float64Array) => void;

/** Trial points one line search may evaluate before it gives up (it fails fast instead of creeping). @internal */
export const LINE_SEARCH_TRIALS = 30;

/** Where a line search runs and what it may spend. @internal */
export interface LineSearch {
  readonly f: Objective;
  readonly grad: Gradient;
  /** Current point, its value and the directional derivative `g·d` (negative). */
  readonly x: Float64Array;
  readonly fx: number;
  readonly slope: number;
  readonly d: Float64Array;
  /** First trial step and the longest step allowed (the box boundary along `d`). */
  readonly step0: number;
  readonly maxStep: number;
  /** Receives the accepted point and its gradient. */
  readonly xNew: Float64Array;
  readonly gNew: Float64Array;
  /** Keeps a trial point inside the box (rounding at the boundary). */
  readonly clamp: (x: Float64Array) => void;
  /** Whether the evaluation budget allows one more call. */
  readonly canEvaluate: () => boolean;
  /**
   * Relative resolution of `f` (0: none assumed). When both the decrease a trial step is asked for
   * and the change of `f` it finds are below `resolution * |f|`, the step is judged on the
   * directional derivative instead (the approximate Wolfe conditions).
   */
  readonly resolution: number;
}

/**
 * Returns `f` at the accepted point (written into `xNew`, its gradient into `gNew`), or `null` when
 * no decrease was found within {@link LINE_SEARCH_TRIALS} trials or the budget.
 * @internal
 */
export function wolfeSearch(s: LineSearch): number | null {
  const { f, grad, x, fx, slope, d, xNew, gNew, maxStep } = s;
  const n = x.length;
  const c1 = 1e-4;
  const c2 = 0.9;
  let lo = 0;
  let hi = Infinity;
  let t = Math.min(s.step0, maxStep);
  let bestT = 0;
  let bestF = fx;
  const place = (step: number): void => {
    for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
    s.clamp(xNew);
  };
  for (let k = 0; k < LINE_SEARCH_TRIALS && s.canEvaluate(); k++) {
    place(t);
    const ft = f(xNew);
    if (s.resolution > 0 && Number.isFinite(ft) && ft > fx + c1 * t * slope && belowResolution(s.resolution, fx, ft, t * slope) && s.canEvaluate() && approximateWolfe(s, t)) return ft;
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
      if (!s.canEvaluate()) break;
      grad(xNew, gNew);
      if (!allFinite(gNew)) {
        hi = t;
        t = 0.5 * (lo + hi);
        continue;
      }
      let gd = 0;
      for (let i = 0; i < n; i++) gd += gNew[i]! * d[i]!;
      // Sufficient decrease holds; the curvature condition, or the box boundary, ends the search.
      if (gd >= c2 * slope || t >= maxStep) return ft;
      lo = t;
      bestF = ft;
      bestT = t;
      t = hi === Infinity ? Math.min(2 * lo, maxStep) : 0.5 * (lo + hi);
    }
    if (hi - lo < 1e-16 * Math.max(1, hi)) break;
  }
  if (bestT > 0 && bestF < fx && s.canEvaluate()) {
    place(bestT);
    grad(xNew, gNew);
    if (allFinite(gNew)) return bestF;
  }
  return null;
}

/** Whether the decrease asked for and the change found are both below the resolution of `f`. */
function belowResolution(resolution: number, fx: number, ft: number, expected: number): boolean {
  const floor = resolution * Math.abs(fx);
  return -expected <= floor && ft - fx <= floor;
}

/**
 * The approximate Wolfe conditions of Hager & Zhang (2005), tested on the directional derivative
 * alone: 0.9 φ'(0) <= φ'(t) <= (2δ − 1) φ'(0) with δ = 0.1, which for a quadratic along `d` is the
 * sufficient decrease that `f` itself can no longer resolve. Writes the gradient into `gNew`.
 */
function approximateWolfe(s: LineSearch, t: number): boolean {
  s.grad(s.xNew, s.gNew);
  if (!allFinite(s.gNew)) return false;
  let gd = 0;
  for (let i = 0; i < s.x.length; i++) gd += s.gNew[i]! * s.d[i]!;
  return gd >= 0.9 * s.slope && gd <= -0.8 * s.slope && t <= s.maxStep;
}

/** Whether every entry is finite. @internal */
export function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}
