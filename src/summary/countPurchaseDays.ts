import type { DayOrderedColumns } from './dayOrderedColumns.js';

/**
 * Each customer's distinct purchase days D over the purchase rows of `[from, to)`: at `2 c + 1`
 * beside her latest purchase day at `2 c` (rows are in day order, so a new day is a day unlike the
 * customer's previous one). One 8-byte record per customer, small enough for the last-level cache
 * where the signal records are not, so this sweep runs in the rows' order.
 * @internal
 */
export function countPurchaseDays(cols: DayOrderedColumns, customers: number, from: number, to: number): Int32Array {
  const { customer, day, amount } = cols;
  const days = new Int32Array(2 * customers);
  for (let c = 0; c < customers; c++) days[2 * c] = -2147483648;
  for (let i = from; i < to; i++) {
    if (amount[i]! < 0) continue;
    const k = 2 * customer[i]!;
    const d = day[i]!;
    if (d !== days[k]) {
      days[k] = d;
      days[k + 1]!++;
    }
  }
  return days;
}
