import { quantile } from 'simple-statistics';
import type { RfmBinningMethod, RfmDimensionBinning } from './types.js';

/** Scores of one dimension plus how they were made. @internal */
export interface BinnedDimension {
  readonly scores: Uint8Array;
  readonly binning: RfmDimensionBinning;
}

/**
 * Bins one dimension's values into scores 1..k.
 *
 * `values` must be finite and `breaks` (for `'fixed'`) already validated: k - 1 finite, strictly
 * increasing numbers. `higherIsBetter` is false for recency (score = k + 1 - bin).
 * Cost: O(n) selection for `'quantile'`, O(n log n) sort of a copy for `'rank'`, O(n k) scoring.
 * @internal
 */
export function binDimension(
  values: Float64Array,
  k: number,
  method: RfmBinningMethod,
  breaks: readonly number[] | undefined,
  higherIsBetter: boolean,
): BinnedDimension {
  const n = values.length;
  let thresholds: number[];
  if (method === 'fixed') {
    thresholds = [...(breaks ?? [])];
  } else if (n === 0) {
    thresholds = [];
  } else if (method === 'quantile') {
    thresholds = quantileCuts(values, k);
  } else {
    thresholds = midRankCuts(Float64Array.from(values).sort(), k);
  }

  const scores = new Uint8Array(n);
  const counts = new Array<number>(k).fill(0);
  const cuts = Float64Array.from(thresholds);
  const c = cuts.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let bin = 1;
    for (let j = 0; j < c; j++) if (v > (cuts[j] as number)) bin++;
    const score = higherIsBetter ? bin : k + 1 - bin;
    scores[i] = score;
    counts[score - 1]!++;
  }
  const scoresUsed: number[] = [];
  for (let s = 1; s <= k; s++) if (counts[s - 1]! > 0) scoresUsed.push(s);
  return { scores, binning: { method, thresholds, counts, bins: scoresUsed.length, scoresUsed } };
}

/**
 * Cut points at the k-quantiles j/k, j = 1..k-1: type 7 (linear interpolation between order
 * statistics), by simple-statistics' multi-quantile selection, which works on a copy in O(n).
 */
function quantileCuts(values: Float64Array, k: number): number[] {
  const ps: number[] = [];
  for (let j = 1; j < k; j++) ps.push(j / k);
  // simple-statistics only slices and indexes its argument, so a typed array serves as well.
  const cuts = quantile(values as unknown as number[], ps);
  if (cuts.every(Number.isFinite)) return cuts;
  // a + f (b - a) overflowed (values near +-1.8e308): interpolate as (1 - f) a + f b instead
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const idx = (sorted.length - 1) * p;
    const lo = Math.floor(idx);
    const f = idx - lo;
    const a = sorted[lo] as number;
    return f === 0 ? a : (1 - f) * a + f * (sorted[lo + 1] as number);
  });
}

/**
 * Cut points of the mid-rank rule. A block of equal values occupying sorted positions
 * [lo, hi) has mid-rank share p = (lo + hi) / (2n) and goes to bin floor(k p) + 1 (at most k),
 * computed in integers so no rounding can split or shift a block. Cut point j is the largest
 * value whose bin is at most j, or -Infinity when there is none.
 */
function midRankCuts(sorted: Float64Array, k: number): number[] {
  const n = sorted.length;
  const cuts = new Array<number>(k - 1).fill(-Infinity);
  let lo = 0;
  while (lo < n) {
    const v = sorted[lo] as number;
    let hi = lo + 1;
    while (hi < n && sorted[hi] === v) hi++;
    const bin = Math.min(k, Math.floor((k * (lo + hi)) / (2 * n)) + 1);
    // every cut j >= bin lies at or above this block; blocks come in ascending order
    for (let j = bin; j < k; j++) cuts[j - 1] = v;
    lo = hi;
  }
  return cuts;
}
