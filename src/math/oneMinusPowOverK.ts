/**
 * (1 - (1 + u)^(-k)) / k, stable for k near 0 (limit log(1 + u)) and small u. Used by the
 * Pareto/NBD expectations, where k = s - 1.
 *
 * @param u - Relative increment, > -1.
 * @param k - Exponent.
 * @returns (1 - (1 + u)^-k) / k.
 * @example
 * ```ts
 * import { oneMinusPowOverK } from 'loyalty-score/math';
 * oneMinusPowOverK(1, 1); // ~> 0.5 (1e-15)
 * oneMinusPowOverK(1, 0); // ~> 0.6931471805599453 (1e-15)
 * ```
 */
export function oneMinusPowOverK(u: number, k: number): number {
  const l = Math.log1p(u);
  if (k === 0) return l;
  return -Math.expm1(-k * l) / k;
}
