const HALF_LOG_2PI = 0.9189385332046728;
// Lanczos approximation, g = 607/128, 15 terms (Godfrey's coefficients).
const LANCZOS_G = 4.7421875;
const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
] as const;

/**
 * Natural logarithm of the gamma function, log Γ(x), for x > 0 (and log |Γ(x)| for negative non-integers).
 *
 * Stirling's series with seven correction terms for x >= 10 (relative error below 1e-15); the
 * Lanczos approximation (g = 607/128, Godfrey's 15 coefficients) below 10, whose absolute error is
 * about 1e-15; reflection for x < 0.5. Non-positive integers give `Infinity`. O(1).
 *
 * @param x - The argument.
 * @returns log Γ(x).
 * @example
 * ```ts
 * import { logGamma } from 'loyalty-score/math';
 * logGamma(5); // ~> 3.1780538303479458 (1e-14)
 * logGamma(0.5); // ~> 0.5723649429247001 (1e-14)
 * ```
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x >= 10) {
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series =
      inv *
      (1 / 12 +
        inv2 *
          (-1 / 360 +
            inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  if (x < 0.5) {
    if (x === Math.floor(x)) return Infinity;
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let acc = LANCZOS[0];
  for (let i = 1; i < 15; i++) acc += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(acc);
}
