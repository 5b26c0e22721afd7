/**
 * log(exp(a) - exp(b)) for a >= b, without overflow; `-Infinity` when a = b, `NaN` when a < b.
 *
 * @param a - The larger log-value.
 * @param b - The smaller log-value.
 * @returns log(e^a - e^b).
 * @example
 * ```ts
 * import { logSubExp } from 'loyalty-score/math';
 * logSubExp(Math.log(5), Math.log(3)); // ~> 0.6931471805599453 (1e-14)
 * ```
 */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (a < b) return NaN;
  if (a === b) return -Infinity;
  const d = b - a;
  // log(1 - e^d): log(-expm1(d)) near 0, log1p(-exp(d)) for very negative d.
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}
