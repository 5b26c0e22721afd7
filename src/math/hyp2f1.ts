import { logHyp2f1 } from './logHyp2f1.js';

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real z < 1 (see {@link logHyp2f1}).
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter.
 * @param z - Argument, < 1.
 * @returns 2F1(a, b; c; z) (may overflow to ±Infinity where the log form would not).
 * @example
 * ```ts
 * import { hyp2f1 } from 'loyalty-score/math';
 * hyp2f1(1, 1, 2, 0.5); // ~> 1.3862943611198906 (1e-13)
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1(a, b, c, z);
  return r.sign * Math.exp(r.log);
}
