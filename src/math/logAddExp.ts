/**
 * log(exp(a) + exp(b)) without overflow or underflow.
 *
 * @param a - A log-value (may be -Infinity).
 * @param b - A log-value (may be -Infinity).
 * @returns log(e^a + e^b).
 * @example
 * ```ts
 * import { logAddExp } from 'loyalty-score/math';
 * logAddExp(1000, 1000); // ~> 1000.6931471805599 (1e-12)
 * ```
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
