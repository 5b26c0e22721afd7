const CUBE_ROOT_EPS = 6.055454452393343e-6;

/**
 * Central-difference gradient of `f` at `x`, written into `out`.
 *
 * Step `h_i = cbrt(eps) * max(1, |x_i|)` (about 6e-6), which balances truncation and rounding
 * error: the result is accurate to roughly `eps^(2/3)` relative to the scale of `f`. Cost: 2n
 * evaluations of `f`.
 *
 * @param f - The function.
 * @param x - The point (not modified).
 * @param out - Receives the n partial derivatives.
 * @example
 * ```ts
 * import { centralGradient } from 'loyalty-score/math';
 * const out = new Float64Array(2);
 * centralGradient((x) => x[0]! * x[0]! + 3 * x[1]!, Float64Array.of(2, 5), out);
 * out[0]; // ~> 4 (1e-8)
 * out[1]; // ~> 3 (1e-8)
 * ```
 */
export function centralGradient(f: (x: Float64Array) => number, x: Float64Array, out: Float64Array): void {
  const xi = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = CUBE_ROOT_EPS * Math.max(1, Math.abs(x[i]!));
    xi[i] = x[i]! + h;
    const fp = f(xi);
    xi[i] = x[i]! - h;
    const fm = f(xi);
    xi[i] = x[i]!;
    out[i] = (fp - fm) / (2 * h);
  }
}
