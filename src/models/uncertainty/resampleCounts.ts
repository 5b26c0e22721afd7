import type { Rng } from '../../math/random.js';

/**
 * Draws one bootstrap resample of customers as counts per input row: `total` customers drawn with
 * replacement, row i with probability w_i / Σw (1 / n each without weights), so the counts are
 * multinomial(total; w / Σw). Sampling uses Walker's alias table, built once by
 * {@link customerSampler}; each resample costs O(total + n).
 * @internal
 */
export interface CustomerSampler {
  /** Number of customers in one resample: the number of rows, or the rounded sum of the weights. */
  readonly total: number;
  /** Writes one resample's counts per input row into `out` (length n, overwritten). */
  draw(rng: Rng, out: Float64Array): void;
}

/**
 * The sampler of {@link CustomerSampler} for `n` rows with optional weights (validated by the
 * caller: finite, >= 0, positive sum).
 * @internal
 */
export function customerSampler(n: number, weights: ArrayLike<number> | undefined): CustomerSampler {
  if (weights === undefined) {
    return {
      total: n,
      draw(rng, out) {
        out.fill(0);
        for (let k = 0; k < n; k++) out[Math.floor(rng() * n)]! += 1;
      },
    };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  // Walker's alias method: row i is kept with probability prob[i], else replaced by alias[i].
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (weights[i]! * n) / sum;
    (prob[i]! < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    alias[s] = l;
    prob[l] = prob[l]! + prob[s]! - 1;
    if (prob[l]! < 1) {
      large.pop();
      small.push(l);
    }
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  const total = Math.max(1, Math.round(sum));
  return {
    total,
    draw(rng, out) {
      out.fill(0);
      for (let k = 0; k < total; k++) {
        const u = rng() * n;
        const i = Math.floor(u);
        out[u - i < prob[i]! ? i : alias[i]!]! += 1;
      }
    },
  };
}
