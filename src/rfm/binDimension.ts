import { quantile } from 'simple-statistics';
import type { RfmBinningMethod, RfmDimensionBinning } from './types.js';
import { smallIntegerRuns, sortAscending, sortedRuns, valueAt, type ValueRuns } from './valueRuns.js';

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
 * Small-range integer values (days, purchase counts) are counted in a histogram; other values
 * go through an O(n) selection for `'quantile'` and an O(n) radix sort of a copy for `'rank'`.
 * Scoring is O(n k). `values` is not modified.
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
  let thresholds: number[] = method === 'fixed' ? [...(breaks ?? [])] : [];
  const runs = method === 'fixed' || n === 0 ? null : smallIntegerRuns(values);
  if (method !== 'fixed' && n > 0) {
    if (method === 'quantile') thresholds = runs ? quantileCutsOfRuns(runs, n, k) : quantileCuts(values, k);
    else thresholds = midRankCuts(runs ?? sortedRuns(values), n, k);
    // a cut point of zero is +0 whichever zero the order statistic held
    for (let j = 0; j < thresholds.length; j++) thresholds[j] = (thresholds[j] as number) + 0;
  }

  const scores = new Uint8Array(n);
  const counts = new Array<number>(k).fill(0);
  const cuts = Float64Array.from(thresholds);
  const c = cuts.length;
  const scoreOf = (v: number): number => {
    let bin = 1;
    for (let j = 0; j < c; j++) bin += +(v > (cuts[j] as number));
    return higherIsBetter ? bin : k + 1 - bin;
  };
  const tally = new Int32Array(k + 1);
  if (runs) {
    // small integers: one score per value of the range, then a table lookup per customer
    const { min, span } = runs;
    const table = new Uint8Array(span);
    for (let d = 0; d < span; d++) table[d] = scoreOf(min + d);
    for (let i = 0; i < n; i++) scores[i] = table[(values[i] as number) - min] as number;
    for (let r = 0; r < runs.values.length; r++) {
      tally[table[(runs.values[r] as number) - min] as number]! += (runs.ends[r] as number) - (r > 0 ? (runs.ends[r - 1] as number) : 0);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let bin = 1;
      for (let j = 0; j < c; j++) bin += +(v > (cuts[j] as number));
      const score = higherIsBetter ? bin : k + 1 - bin;
      scores[i] = score;
      tally[score]!++;
    }
  }
  const scoresUsed: number[] = [];
  for (let s = 1; s <= k; s++) {
    counts[s - 1] = tally[s] as number;
    if (counts[s - 1]! > 0) scoresUsed.push(s);
  }
  return { scores, binning: { method, thresholds, counts, bins: scoresUsed.length, scoresUsed } };
}

/** The quantile levels j/k, j = 1..k-1. */
function levels(k: number): number[] {
  const ps: number[] = [];
  for (let j = 1; j < k; j++) ps.push(j / k);
  return ps;
}

/**
 * Cut points at the k-quantiles j/k, j = 1..k-1: type 7 (linear interpolation between order
 * statistics), by simple-statistics' multi-quantile selection, which works on a copy in O(n).
 */
function quantileCuts(values: Float64Array, k: number): number[] {
  const ps = levels(k);
  // simple-statistics only slices and indexes its argument, so a typed array serves as well.
  const cuts = quantile(values as unknown as number[], ps);
  if (cuts.every(Number.isFinite)) return cuts;
  // a + f (b - a) overflowed (values near +-1.8e308): interpolate as (1 - f) a + f b instead
  const sorted = sortAscending(values);
  return ps.map((p) => {
    const idx = (sorted.length - 1) * p;
    const lo = Math.floor(idx);
    const f = idx - lo;
    const a = sorted[lo] as number;
    return f === 0 ? a : (1 - f) * a + f * (sorted[lo + 1] as number);
  });
}

/**
 * The same cut points as {@link quantileCuts}, read from the runs of small integers (the same
 * order statistics and the same arithmetic as simple-statistics' `quantileSorted`; integers of
 * int32 size cannot overflow it).
 */
function quantileCutsOfRuns(runs: ValueRuns, n: number, k: number): number[] {
  return levels(k).map((p) => {
    const idx = (n - 1) * p;
    if (idx % 1 === 0) return valueAt(runs, idx);
    const lower = Math.floor(idx);
    const a = valueAt(runs, lower);
    return a + (idx - lower) * (valueAt(runs, Math.ceil(idx)) - a);
  });
}

/**
 * Cut points of the mid-rank rule. A block of equal values occupying sorted positions
 * [lo, hi) has mid-rank share p = (lo + hi) / (2n) and goes to bin floor(k p) + 1 (at most k),
 * computed in integers so no rounding can split or shift a block. Cut point j is the largest
 * value whose bin is at most j, or -Infinity when there is none.
 */
function midRankCuts(runs: ValueRuns, n: number, k: number): number[] {
  const cuts = new Array<number>(k - 1).fill(-Infinity);
  let lo = 0;
  for (let r = 0; r < runs.values.length; r++) {
    const v = runs.values[r] as number;
    const hi = runs.ends[r] as number;
    const bin = Math.min(k, Math.floor((k * (lo + hi)) / (2 * n)) + 1);
    // every cut j >= bin lies at or above this block; blocks come in ascending order
    for (let j = bin; j < k; j++) cuts[j - 1] = v;
    lo = hi;
  }
  return cuts;
}
