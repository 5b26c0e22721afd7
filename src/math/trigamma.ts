/**
 * The trigamma function ψ₁(x) = d²/dx² log Γ(x), for x > 0.
 *
 * Upward recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² to x >= 10, then the asymptotic series
 * 1/x + 1/(2x²) + Σ B₂ₖ / x²ᵏ⁺¹ (Bernoulli numbers B₂ … B₁₄; relative error about 1e-15). O(1).
 * Negative non-integers use the reflection ψ₁(1 − x) + ψ₁(x) = π² / sin²(πx); poles (0, −1, …) give NaN.
 *
 * @param x - The argument.
 * @returns ψ₁(x).
 * @example
 * ```ts
 * import { trigamma } from 'loyalty-score/math';
 * trigamma(1); // ~> 1.6449340668482264 (1e-14)
 * ```
 */
export function trigamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (x === Math.floor(x)) return NaN;
    const s = Math.sin(Math.PI * x);
    return (Math.PI * Math.PI) / (s * s) - trigamma(1 - x);
  }
  let acc = 0;
  while (x < 10) {
    acc += 1 / (x * x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    acc +
    inv +
    0.5 * inv2 +
    inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - inv2 * (5 / 66 - inv2 * (691 / 2730 - inv2 * (7 / 6)))))))
  );
}
