/**
 * Sums of a survivor function S(t) known through log S at whole t: the discounted residual
 * lifetime and the lifetime, with a stated stopping rule.
 */

/** Terms summed at most when the discount is tiny (beyond, the geometric tail bound is added). */
const MAX_TERMS = 1 << 23;
/** Terms summed exactly before the power-law tail is added, when there is no discounting. */
const UNDISCOUNTED_TERMS = 1 << 20;

/**
 * Σ_{k>=0} S(n + 1 + k) / S(n) · x^k for 0 < x <= 1, from `logS` at whole t.
 *
 * With x < 1 the terms fall at least by the factor x (S never increases), so the sum stops once
 * the remaining terms, at most `term · x / (1 − x)`, are below 1e-16 of the sum. With x = 1 the
 * first 2^20 terms are summed and the tail is the Euler–Maclaurin sum of the power law
 * S(t) ∝ t^(−p) fitted through S(M/2) and S(M) (the large-t form of both contractual models);
 * p <= 1 is a divergent sum, `Infinity`.
 * @internal
 */
export function residualSurvivalSum(logS: (t: number) => number, n: number, x: number): number {
  const base = logS(n);
  if (x < 1) {
    let sum = 0;
    let discount = 1;
    for (let k = 0; k < MAX_TERMS; k++) {
      const term = Math.exp(logS(n + 1 + k) - base) * discount;
      sum += term;
      if (term === 0 || term * x <= 1e-16 * sum * (1 - x)) return sum;
      discount *= x;
    }
    // Not reached for discount rates above about 1e-6 a period: add the bound's midpoint.
    return sum + (0.5 * Math.exp(logS(n + MAX_TERMS) - base) * discount * x) / (1 - x);
  }
  let sum = 0;
  for (let k = 0; k < UNDISCOUNTED_TERMS; k++) sum += Math.exp(logS(n + 1 + k) - base);
  const M = n + UNDISCOUNTED_TERMS;
  const fM = Math.exp(logS(M) - base);
  if (fM === 0) return sum;
  const p = (logS(M / 2) - logS(M)) / Math.LN2;
  if (!(p > 1 + 1e-9)) return Infinity;
  // Σ_{t>M} f(t) for f(t) = f(M) (M / t)^p: ∫_M^∞ f − f(M) / 2 − f'(M) / 12.
  return sum + fM * (M / (p - 1) - 0.5 + p / (12 * M));
}
