import { logGamma } from './logGamma.js';

/**
 * Natural logarithm of the beta function, log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b).
 *
 * O(1).
 *
 * @param a - First argument, > 0.
 * @param b - Second argument, > 0.
 * @returns log B(a, b).
 * @example
 * ```ts
 * import { logBeta } from 'loyalty-score/math';
 * logBeta(2, 3); // ~> -2.4849066497880004 (1e-14)
 * ```
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
