import type { CustomerId } from '../transactions/types.js';

/**
 * The order of customers in every result: numeric ids first, ascending; then string ids by
 * UTF-16 code units (locale-independent, so results are the same everywhere).
 *
 * @example
 * ```ts
 * import { compareCustomerIds } from 'loyalty-score';
 * ['b', 10, 'a', 2].sort(compareCustomerIds); // => [2, 10, 'a', 'b']
 * ```
 */
export function compareCustomerIds(a: CustomerId, b: CustomerId): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Customer indices `0..ids.length-1` ordered by {@link compareCustomerIds}: the one customer
 * order of every result, shared with the areas that build per-customer results from a table (not
 * part of the package's API).
 */
export function customerIndexOrder(ids: readonly CustomerId[]): Int32Array {
  const n = ids.length;
  const numbers: number[] = [];
  const strings: number[] = [];
  for (let i = 0; i < n; i++) (typeof ids[i] === 'number' ? numbers : strings).push(i);
  const order = new Int32Array(n);
  const k = numberOrder(ids as readonly number[], numbers, order);
  stringOrder(ids as readonly string[], strings, order, k);
  return order;
}

/**
 * Writes the indices of the numeric ids into `order` in ascending id order; returns their count.
 * Whole ids in [0, 2^53 / n) are packed with their index into one exact double, `id · n + index`,
 * and sorted by the engine's native numeric sort (no comparator call per comparison); other
 * numbers fall back to a comparator sort.
 */
function numberOrder(ids: readonly number[], at: readonly number[], order: Int32Array): number {
  const m = at.length;
  const n = ids.length;
  const limit = Number.MAX_SAFE_INTEGER / Math.max(n, 1);
  let packable = true;
  for (let j = 0; j < m; j++) {
    const v = ids[at[j]!]!;
    if (!(Number.isInteger(v) && v >= 0 && v < limit)) {
      packable = false;
      break;
    }
  }
  if (packable) {
    const keys = new Float64Array(m);
    for (let j = 0; j < m; j++) keys[j] = ids[at[j]!]! * n + at[j]!;
    keys.sort();
    for (let j = 0; j < m; j++) {
      const key = keys[j]!;
      order[j] = key - Math.floor(key / n) * n;
    }
    return m;
  }
  const idx = Int32Array.from(at);
  idx.sort((a, b) => ids[a]! - ids[b]!);
  order.set(idx, 0);
  return m;
}

/** Writes the indices of the string ids into `order` from `offset`, by UTF-16 code units. */
function stringOrder(ids: readonly string[], at: readonly number[], order: Int32Array, offset: number): void {
  if (at.length === 0) return;
  const idx = Int32Array.from(at);
  idx.sort((a, b) => {
    const x = ids[a]!;
    const y = ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  order.set(idx, offset);
}
