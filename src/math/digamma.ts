/**
 * The digamma function ψ(x) = d/dx log Γ(x), for x > 0.
 *
 * Upward recurrence to x >= 10, then the asymptotic series (relative error about 1e-15). O(1).
 *
 * @param x - The argument, > 0 (negative non-integers use reflection).
 * @returns ψ(x).
 * @example
 * ```ts
 * import { digamma } from 'loyalty-score/math';
 * digamma(1); // ~> -0.5772156649015329 (1e-14)
 * ```
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (x === Math.floor(x)) return NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    acc +
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))))
  );
}
