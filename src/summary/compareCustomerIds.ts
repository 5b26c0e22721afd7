import type { CustomerId } from '../transactions/types.js';
import { packedStringOrder } from './packedStringOrder.js';
import { sortWholeKeys } from './sortWholeKeys.js';

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
 * and sorted by a radix sort on the keys ({@link sortWholeKeys}: no comparator call per comparison); other
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
    sortWholeKeys(keys);
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

/**
 * Writes the indices of the string ids into `order` from `offset`, by UTF-16 code units: one
 * native sort of packed keys when the ids are short over a small alphabet
 * ({@link packedStringOrder}), else a multikey quicksort (Bentley & Sedgewick 1997) on the code
 * unit at a growing position, so a comparison reads one code unit instead of comparing whole
 * strings through a callback.
 */
function stringOrder(ids: readonly string[], at: readonly number[], order: Int32Array, offset: number): void {
  const m = at.length;
  if (m === 0) return;
  const idx = Int32Array.from(at);
  if (!packedStringOrder(ids, idx)) multikeySort(ids, idx, 0, m, 0);
  order.set(idx, offset);
}

const SMALL = 16;

/** The code unit of `s` at `d`, or -1 past its end (a prefix sorts first). */
function unitAt(s: string, d: number): number {
  return d < s.length ? s.charCodeAt(d) : -1;
}

/** Sorts `idx[lo, hi)`, whose ids agree on their first `d` code units. */
function multikeySort(ids: readonly string[], idx: Int32Array, lo: number, hi: number, d: number): void {
  for (;;) {
    const n = hi - lo;
    if (n <= SMALL) {
      insertionSort(ids, idx, lo, hi, d);
      return;
    }
    const pivot = unitAt(ids[idx[lo + (n >> 1)]!]!, d);
    // Three-way partition: [lo, lt) below the pivot, [lt, gt) equal, [gt, hi) above.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i < gt) {
      const c = unitAt(ids[idx[i]!]!, d);
      if (c < pivot) {
        const t = idx[lt]!;
        idx[lt++] = idx[i]!;
        idx[i++] = t;
      } else if (c > pivot) {
        const t = idx[--gt]!;
        idx[gt] = idx[i]!;
        idx[i] = t;
      } else i++;
    }
    multikeySort(ids, idx, lo, lt, d);
    multikeySort(ids, idx, gt, hi, d);
    // The equal part: distinct ids that all end here cannot occur (ids are distinct), so go on
    // with the next code unit unless the pivot was the end of the strings.
    if (pivot === -1) return;
    lo = lt;
    hi = gt;
    d++;
  }
}

/** Insertion sort of `idx[lo, hi)` by code units from position `d` on. */
function insertionSort(ids: readonly string[], idx: Int32Array, lo: number, hi: number, d: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = idx[i]!;
    const s = ids[v]!;
    let j = i - 1;
    while (j >= lo && compareFrom(ids[idx[j]!]!, s, d) > 0) {
      idx[j + 1] = idx[j]!;
      j--;
    }
    idx[j + 1] = v;
  }
}

/** Code-unit comparison of two strings that agree on their first `d` code units. */
function compareFrom(a: string, b: string, d: number): number {
  const n = Math.min(a.length, b.length);
  for (let k = d; k < n; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}
