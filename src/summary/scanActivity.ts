import type { TransactionTable } from '../transactions/types.js';
import { periodIndexer, type PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';

/**
 * Per-customer activity in a window of days, by column (index = customer index of the table).
 * @internal
 */
export interface CustomerActivity {
  /** Rows of the window, returns included. */
  readonly rows: Int32Array;
  /** Purchase rows (amount >= 0). */
  readonly purchaseRows: Int32Array;
  /** Purchases counted by order: distinct order ids, plus purchase rows without one. */
  readonly orders: Int32Array;
  /** Distinct purchase periods. */
  readonly periods: Int32Array;
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  readonly firstPeriod: Int32Array;
  readonly lastPeriod: Int32Array;
  /** Purchase spend within the first purchase period. */
  readonly firstPeriodSpend: Float64Array;
  /** Purchase spend (amount >= 0 rows). */
  readonly purchaseSpend: Float64Array;
  /** Sum of all amounts, returns included. */
  readonly revenue: Float64Array;
  /** Sum of costs; `null` when the table has no cost column. */
  readonly cost: Float64Array | null;
  /** Rows of the window without a cost (when the table has a cost column). */
  readonly rowsMissingCost: Int32Array | null;
  /** Rows of the table after the window's end. */
  readonly rowsAfter: number;
  /** Customers whose rows all fall after the window's end. */
  readonly customersOnlyAfter: number;
}

/** The day window `(fromDay, toDay]` of a scan, and how purchases merge into periods. */
export interface ScanWindow {
  /** Exclusive start; `-Infinity` for no start. */
  readonly fromDay: number;
  /** Inclusive end. */
  readonly toDay: number;
  readonly unit: TimeUnit;
  readonly mode: PeriodMode;
}

/**
 * One pass over the rows in day order, accumulating each customer's activity in the window.
 * Cost: O(n) time, about 60 bytes per customer.
 * @internal
 */
export function scanActivity(table: TransactionTable, order: Int32Array | null, w: ScanWindow): CustomerActivity {
  const k = table.customerIds.length;
  const n = table.length;
  const { customer, day, amount } = table;
  const costCol = table.cost;
  const orderCol = table.order;

  const rows = new Int32Array(k);
  const purchaseRows = new Int32Array(k);
  const orders = new Int32Array(k);
  const periods = new Int32Array(k);
  const firstDay = new Int32Array(k).fill(2147483647);
  const lastDay = new Int32Array(k).fill(-2147483648);
  const firstPeriod = new Int32Array(k).fill(2147483647);
  const lastPeriod = new Int32Array(k).fill(-2147483648);
  const firstPeriodSpend = new Float64Array(k);
  const purchaseSpend = new Float64Array(k);
  const revenue = new Float64Array(k);
  const cost = costCol ? new Float64Array(k) : null;
  const rowsMissingCost = costCol ? new Int32Array(k) : null;
  const seenAfter = new Uint8Array(k);
  const orderOwner = orderCol ? new Int32Array(table.orderIds.length).fill(-1) : null;

  let lo = 2147483647;
  let hi = -2147483648;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const periodOf = periodIndexer(w.unit, w.mode, lo, Math.max(hi, lo));
  const { fromDay, toDay } = w;
  let rowsAfter = 0;

  for (let j = 0; j < n; j++) {
    const i = order ? order[j]! : j;
    const d = day[i]!;
    const c = customer[i]!;
    if (d > toDay) {
      rowsAfter++;
      seenAfter[c] = 1;
      continue;
    }
    if (d <= fromDay) continue;
    const a = amount[i]!;
    rows[c]!++;
    revenue[c]! += a;
    if (cost && rowsMissingCost) {
      const x = costCol![i]!;
      if (x === x) cost[c]! += x;
      else rowsMissingCost[c]!++;
    }
    if (a < 0) continue;
    purchaseRows[c]!++;
    purchaseSpend[c]! += a;
    if (orderOwner) {
      const o = orderCol![i]!;
      if (o < 0) orders[c]!++;
      else if (orderOwner[o] !== c) {
        orderOwner[o] = c;
        orders[c]!++;
      }
    } else orders[c]!++;
    const p = periodOf(d);
    if (periods[c] === 0) {
      firstDay[c] = d;
      firstPeriod[c] = p;
      periods[c] = 1;
      lastPeriod[c] = p;
    } else if (p !== lastPeriod[c]) {
      periods[c]!++;
      lastPeriod[c] = p;
    }
    lastDay[c] = d;
    if (p === firstPeriod[c]) firstPeriodSpend[c]! += a;
  }

  let customersOnlyAfter = 0;
  for (let c = 0; c < k; c++) if (seenAfter[c] === 1 && rows[c] === 0) customersOnlyAfter++;

  return {
    rows,
    purchaseRows,
    orders,
    periods,
    firstDay,
    lastDay,
    firstPeriod,
    lastPeriod,
    firstPeriodSpend,
    purchaseSpend,
    revenue,
    cost,
    rowsMissingCost,
    rowsAfter,
    customersOnlyAfter,
  };
}
