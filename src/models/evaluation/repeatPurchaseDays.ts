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
 * `trackRepeatPurchases`. Cost O(n + days + customers) for n records over a range of `days` (two
 counting sorts; a comparison sort, O(n log n), when the day range is far wider than the data).
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
  const { customer, day } = table;
  const order = byCustomerThenDay(customer, day, table.customerIds.length);
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

/**
 * Row indices ordered by customer, then by day: a stable counting sort by day, then a stable
 * counting sort by customer (each a sequential pass). Rows of one customer on one day keep their
 * table order (the caller only reads distinct days). A comparison sort when the day range is far
 * wider than the data.
 */
function byCustomerThenDay(customer: Int32Array, day: Int32Array, customers: number): Uint32Array {
  const n = customer.length;
  const order = new Uint32Array(n);
  let lo = n > 0 ? day[0]! : 0;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const d = day[i]!;
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  if (hi - lo > 4 * n + 1_000_000) {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => customer[a]! - customer[b]! || day[a]! - day[b]!);
    return order;
  }
  const atDay = new Int32Array(hi - lo + 2);
  for (let i = 0; i < n; i++) atDay[day[i]! - lo + 1]!++;
  for (let k = 1; k < atDay.length; k++) atDay[k] = atDay[k]! + atDay[k - 1]!;
  const byDay = new Uint32Array(n);
  for (let i = 0; i < n; i++) byDay[atDay[day[i]! - lo]!++] = i;
  const atCustomer = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) atCustomer[customer[i]! + 1]!++;
  for (let c = 1; c <= customers; c++) atCustomer[c] = atCustomer[c]! + atCustomer[c - 1]!;
  for (let k = 0; k < n; k++) {
    const i = byDay[k]!;
    order[atCustomer[customer[i]!]!++] = i;
  }
  return order;
}
