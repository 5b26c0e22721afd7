import type { TransactionTable } from '../transactions/types.js';

/**
 * The row order by day, stable: `null` when the rows are already in day order (the common case
 * for transaction logs), else a permutation. Counting sort over the day range, O(n + days);
 * a comparison sort when the range is far wider than the data.
 * @internal
 */
export function chronologicalOrder(table: TransactionTable): Int32Array | null {
  const { day, length: n } = table;
  let sorted = true;
  let lo = n > 0 ? day[0]! : 0;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const d = day[i]!;
    if (d < day[i - 1]!) sorted = false;
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  if (sorted) return null;
  const range = hi - lo + 1;
  const perm = new Int32Array(n);
  if (range > 4 * n + 1_000_000) {
    for (let i = 0; i < n; i++) perm[i] = i;
    perm.sort((a, b) => day[a]! - day[b]! || a - b);
    return perm;
  }
  const start = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) start[day[i]! - lo + 1]!++;
  for (let k = 1; k <= range; k++) start[k] = start[k]! + start[k - 1]!;
  for (let i = 0; i < n; i++) {
    const k = day[i]! - lo;
    perm[start[k]!] = i;
    start[k]!++;
  }
  return perm;
}
