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
  const idx = new Int32Array(ids.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  let allNumbers = true;
  for (const id of ids) if (typeof id !== 'number') { allNumbers = false; break; }
  if (allNumbers) {
    const nums = ids as readonly number[];
    return idx.sort((a, b) => nums[a]! - nums[b]!);
  }
  return idx.sort((a, b) => compareCustomerIds(ids[a]!, ids[b]!));
}
