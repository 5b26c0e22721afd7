import type { TransactionTable } from '../transactions/types.js';

/**
 * The indices of a table's rows up to a day, grouped by customer, each customer's rows in day order.
 * @internal
 */
export interface CustomerRowGroups {
  /** Customer `c`'s rows are `rows[start[c]]` to `rows[start[c + 1] - 1]`. */
  readonly start: Int32Array;
  /** Row indices into the table's columns. */
  readonly rows: Int32Array;
  /** Most rows of any one customer. */
  readonly maxRows: number;
  /** Rows dated after `lastDay`, left out. */
  readonly rowsAfter: number;
}

/**
 * Groups the rows dated on or before `lastDay` by customer (a stable counting sort of row
 * indices), then puts each customer's rows in day order, stably; logs in date order need no
 * second step. Cost: O(n) for day-ordered logs (O(n log n) worst case); 4 bytes per row plus 4
 * per customer. (Copying the columns into customer order instead costs 21 bytes a row and, on
 * 4M rows of 1M customers, saves no time: the scattered writes cost what the gathers do.)
 * @internal
 */
export function groupRowsByCustomer(table: TransactionTable, lastDay: number): CustomerRowGroups {
  const n = table.length;
  const k = table.customerIds.length;
  const { customer, day } = table;

  const start = new Int32Array(k + 1);
  let rowsAfter = 0;
  for (let i = 0; i < n; i++) {
    if (day[i]! > lastDay) rowsAfter++;
    else start[customer[i]! + 1]!++;
  }
  let maxRows = 0;
  for (let c = 0; c < k; c++) {
    const size = start[c + 1]!;
    if (size > maxRows) maxRows = size;
    start[c + 1] = size + start[c]!;
  }
  const fill = start.slice(0, k);
  const rows = new Int32Array(n - rowsAfter);
  for (let i = 0; i < n; i++) if (day[i]! <= lastDay) rows[fill[customer[i]!]!++] = i;
  // A log in day order needs no sorting (rows were filled in index order); checking it once,
  // sequentially, saves a scattered read of every row's day.
  let ordered = true;
  for (let i = 1; i < n; i++) {
    if (day[i]! < day[i - 1]!) {
      ordered = false;
      break;
    }
  }
  if (!ordered) for (let c = 0; c < k; c++) sortByDay(rows, start[c]!, start[c + 1]!, day);
  return { start, rows, maxRows, rowsAfter };
}

/** Sorts `rows[from..to)` by day, stably; only a check when already in order (the usual case). */
function sortByDay(rows: Int32Array, from: number, to: number, day: Int32Array): void {
  let r = from + 1;
  while (r < to && day[rows[r]!]! >= day[rows[r - 1]!]!) r++;
  if (r >= to) return;
  if (to - from <= 32) {
    // insertion sort from the first row out of order
    for (; r < to; r++) {
      const x = rows[r]!;
      const d = day[x]!;
      let q = r - 1;
      while (q >= from && day[rows[q]!]! > d) {
        rows[q + 1] = rows[q]!;
        q--;
      }
      rows[q + 1] = x;
    }
    return;
  }
  // Row indices were filled in increasing order, so ties by index keep the sort stable.
  rows.subarray(from, to).sort((a, b) => day[a]! - day[b]! || a - b);
}
