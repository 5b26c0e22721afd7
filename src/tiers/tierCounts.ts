import { invalidOption } from '../errors/InvalidInputError.js';
import type { TierCounts, TierShares } from './types.js';

/** The default shares: A 1%, B 4%, C 15% (D the remaining 80%), after the CRM course (seed 002). */
export const DEFAULT_TIER_SHARES: TierShares = { A: 0.01, B: 0.04, C: 0.15 };

/**
 * How many of N customers each tier gets, by the library's rounding rule.
 *
 * The rule rounds cumulative boundaries, not tier sizes: with cumulative shares
 * c1 = A, c2 = A + B, c3 = A + B + C, boundary j is `round(N * cj)` rounded half up, and
 * A = b1, B = b2 - b1, C = b3 - b2, D = N - b3. So the sizes always add up to N, and the top
 * 5% (A + B) is always the nearest whole number to 5% of N. A guard of 1e-9 relative absorbs
 * the binary error of decimal shares (150 x 0.01 counts as exactly 1.5, which rounds to 2).
 * With the defaults, 1,000 customers give 10, 40, 150, 800; 150 give 2, 6, 22, 120.
 * Cost: O(1).
 *
 * @param n - Number of customers, a non-negative integer.
 * @param shares - Shares of A, B and C, each in [0, 1], summing to at most 1.
 * @returns The number of customers in each tier.
 * @throws {InvalidInputError} When `n` or a share is invalid.
 *
 * @example
 * ```ts
 * import { tierCounts } from 'loyalty-score';
 * tierCounts(1000); // => { A: 10, B: 40, C: 150, D: 800 }
 * tierCounts(150); // => { A: 2, B: 6, C: 22, D: 120 }
 * tierCounts(10, { A: 0.1, B: 0.2, C: 0.3 }); // => { A: 1, B: 2, C: 3, D: 4 }
 * ```
 */
export function tierCounts(n: number, shares: Partial<TierShares> = DEFAULT_TIER_SHARES): TierCounts {
  if (!Number.isInteger(n) || n < 0) invalidOption('n', 'expected a non-negative integer number of customers');
  const s = resolveTierShares(shares);
  const b1 = roundHalfUp(n * s.A);
  const b2 = Math.max(b1, roundHalfUp(n * (s.A + s.B)));
  const b3 = Math.min(n, Math.max(b2, roundHalfUp(n * (s.A + s.B + s.C))));
  return { A: b1, B: b2 - b1, C: b3 - b2, D: n - b3 };
}

/**
 * Fills in default shares and validates them.
 * @internal
 */
export function resolveTierShares(shares: Partial<TierShares> | undefined): TierShares {
  if (shares === undefined) return DEFAULT_TIER_SHARES;
  if (shares === null || typeof shares !== 'object' || !Object.keys(shares).every((key) => key === 'A' || key === 'B' || key === 'C')) {
    invalidOption('shares', 'expected an object { A?, B?, C? } of shares (D takes the rest)');
  }
  const out = {
    A: shares.A ?? DEFAULT_TIER_SHARES.A,
    B: shares.B ?? DEFAULT_TIER_SHARES.B,
    C: shares.C ?? DEFAULT_TIER_SHARES.C,
  };
  for (const t of ['A', 'B', 'C'] as const) {
    const v = out[t];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      invalidOption('shares', `expected the share of tier ${t} to be a number between 0 and 1`);
    }
  }
  if (out.A + out.B + out.C > 1 + 1e-12) invalidOption('shares', 'expected shares A + B + C to add up to at most 1');
  return out;
}

/** Nearest integer, halves up, with a relative guard against binary representation error. */
function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9 * Math.max(1, x));
}
