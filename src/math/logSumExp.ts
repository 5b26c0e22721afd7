/**
 * log(sum(exp(values))) over an array, without overflow; `-Infinity` for an empty array.
 *
 * @param values - Log-values.
 * @returns The log of the sum of their exponentials.
 * @example
 * ```ts
 * import { logSumExp } from 'loyalty-score/math';
 * logSumExp([0, 0, 0, 0]); // ~> 1.3862943611198906 (1e-14)
 * ```
 */
export function logSumExp(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  if (m === -Infinity || m === Infinity) return m;
  let acc = 0;
  for (let i = 0; i < values.length; i++) acc += Math.exp(values[i]! - m);
  return m + Math.log(acc);
}
