/**
 * The `p`-quantile of values sorted ascending, by linear interpolation between order statistics
 * (Hyndman & Fan's type 7, the default of R's `quantile` and NumPy's `percentile`): with n values,
 * h = (n − 1) p, the result is v[⌊h⌋] + (h − ⌊h⌋)(v[⌊h⌋ + 1] − v[⌊h⌋]). O(1).
 *
 * @param sorted - Values sorted ascending, at least one (the first `n` entries are read).
 * @param p - Probability in [0, 1].
 * @param n - Number of values to read. @defaultValue sorted.length
 * @returns The quantile (NaN for no values).
 * @internal
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number, n: number = sorted.length): number {
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const v = sorted[lo]!;
  return v + (h - lo) * (sorted[hi]! - v);
}
