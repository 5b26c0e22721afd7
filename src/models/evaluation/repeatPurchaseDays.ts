import type { TransactionTable } from '../../transactions/types.js';

/** What {@link repeatPurchaseDays} returns. */
export interface RepeatPurchaseDays {
  /** Each customer's first purchase day (epoch day), indexed like `table.customerIds`. */
  readonly firstPurchaseDay: Int32Array;
  /** Every repeat purchase day (epoch days): each customer's distinct purchase days after the first, in no particular order. */
  readonly repeatDays: Int32Array;
}

/**
 * First-purchase days and repeat-purchase days of every customer: the inputs of a tracking plot.
 *
 * All records of one customer on one calendar day count as one purchase (the BTYD convention);
 * the first purchase day of each customer is not a repeat. Convert the days to model time
 * (e.g. `(day - cohortStart) / 7` for weeks) and pass them to `countPurchasesByPeriod` and
 * `trackRepeatPurchases`. Cost O(n log n) for n records.
 *
 * @param table - A transaction table (from `parseTransactions`); not modified.
 * @returns First purchase day per customer and all repeat purchase days.
 * @example
 * ```ts
 * import { parseTransactions, repeatPurchaseDays } from 'loyalty-score';
 * const { table } = parseTransactions([
 *   { customerId: 'a', date: '2024-01-01', amount: 5 },
 *   { customerId: 'a', date: '2024-01-01', amount: 7 },
 *   { customerId: 'a', date: '2024-01-09', amount: 3 },
 *   { customerId: 'b', date: '2024-01-03', amount: 4 },
 * ]);
 * const days = repeatPurchaseDays(table);
 * days.repeatDays.length; // => 1
 * ```
 */
export function repeatPurchaseDays(table: TransactionTable): RepeatPurchaseDays {
  const n = table.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const { customer, day } = table;
  order.sort((a, b) => (customer[a] as number) - (customer[b] as number) || (day[a] as number) - (day[b] as number));
  const firstPurchaseDay = new Int32Array(table.customerIds.length);
  const repeat: number[] = [];
  let lastCustomer = -1;
  let lastDay = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const c = customer[i] as number;
    const d = day[i] as number;
    if (c !== lastCustomer) {
      firstPurchaseDay[c] = d;
      lastCustomer = c;
      lastDay = d;
    } else if (d !== lastDay) {
      repeat.push(d);
      lastDay = d;
    }
  }
  return { firstPurchaseDay, repeatDays: Int32Array.from(repeat) };
}
