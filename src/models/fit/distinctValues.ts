/** The distinct values of a column and, for each entry, the index of its value among them. */
export interface DistinctValues {
  /** Distinct values, in order of first occurrence. */
  readonly values: Float64Array;
  /** `values[index[i]] === column[i]`. */
  readonly index: Int32Array;
}

/**
 * Distinct values of a column with each entry's index into them, so that terms depending only on
 * the value (log-gamma and digamma of r + x, for instance) are computed once per value. O(n).
 * @internal
 */
export function distinctValues(column: ArrayLike<number>): DistinctValues {
  const n = column.length;
  const seen = new Map<number, number>();
  const index = new Int32Array(n);
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = column[i]!;
    let k = seen.get(v);
    if (k === undefined) {
      k = values.length;
      seen.set(v, k);
      values.push(v);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(values), index };
}
