import { periodIndexer, type PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { DayOrderedColumns } from './dayOrderedColumns.js';

/**
 * Per-customer activity in a window of days. One record of {@link STRIDE} doubles per customer
 * (index = the table's customer index), so that each row touches one cache line.
 * @internal
 */
export interface CustomerActivity {
  /** `STRIDE` doubles per customer; read them with the `A_*` offsets. */
  readonly state: Float64Array;
  /** Number of customers. */
  readonly customers: number;
  /** Rows of the table after the window's end. */
  readonly rowsAfter: number;
  /** Customers with rows after the window's end and none in it. */
  readonly customersOnlyAfter: number;
  /** Customers with rows in the window but no purchase (returns only). */
  readonly customersWithoutPurchase: number;
}

/** Doubles per customer record (64 bytes). @internal */
export const STRIDE = 8;
/** Sum of all amounts in the window, returns included. */
export const A_REVENUE = 0;
/** Sum of purchase amounts (amount >= 0). */
export const A_PURCHASE_SPEND = 1;
/** Purchase spend within the first purchase period. */
export const A_FIRST_PERIOD_SPEND = 2;
/** Sum of costs; NaN once any row of the customer lacks a cost; 0 when the table has none. */
export const A_COST = 3;
/** First purchase day. */
export const A_FIRST_DAY = 4;
/** Last purchase day. */
export const A_LAST_DAY = 5;
/** Distinct purchase periods (0: no purchase in the window). */
export const A_PERIODS = 6;
/** Purchases counted by order: distinct order ids plus purchase rows without one. */
export const A_ORDERS = 7;

/** The day window `(fromDay, toDay]` of a scan, and how purchases merge into periods. @internal */
export interface ScanWindow {
  /** Exclusive start; `-Infinity` for no start. */
  readonly fromDay: number;
  /** Inclusive end. */
  readonly toDay: number;
  readonly unit: TimeUnit;
  readonly mode: PeriodMode;
}

/**
 * One sequential pass over day-ordered rows, accumulating each customer's activity in the window.
 * Cost: O(n) time; 64 bytes per customer.
 * @internal
 */
export function scanActivity(cols: DayOrderedColumns, customers: number, orderIds: number, w: ScanWindow): CustomerActivity {
  const n = cols.length;
  const { customer, day, amount } = cols;
  const costCol = cols.cost;
  const orderCol = cols.order;
  const st = new Float64Array(customers * STRIDE);
  const seenAfter = new Uint8Array(customers);
  // Which customer record first used each order id; ids shared by customers get a set.
  const orderOwner = orderCol ? new Int32Array(orderIds).fill(-1) : null;
  const sharedOrders = new Map<number, Set<number>>();
  const exact = w.mode === 'exact' || w.unit === 'day';
  const periodOf = periodIndexer(w.unit, w.mode, cols.minDay, Math.max(cols.maxDay, cols.minDay));
  const { fromDay, toDay } = w;

  // Rows before the window are skipped; rows after it are only counted.
  let j = 0;
  while (j < n && day[j]! <= fromDay) j++;
  let end = j;
  while (end < n && day[end]! <= toDay) end++;
  for (let i = end; i < n; i++) seenAfter[customer[i]!] = 1;

  for (let i = j; i < end; i++) {
    const d = day[i]!;
    const s = customer[i]! * STRIDE;
    const a = amount[i]!;
    st[s + A_REVENUE]! += a;
    if (costCol !== null) st[s + A_COST]! += costCol[i]!;
    if (a < 0) continue;
    st[s + A_PURCHASE_SPEND]! += a;
    if (orderOwner !== null) {
      const o = orderCol![i]!;
      if (o < 0) st[s + A_ORDERS]!++;
      else {
        const owner = orderOwner[o]!;
        if (owner === -1) {
          orderOwner[o] = s;
          st[s + A_ORDERS]!++;
        } else if (owner !== s) {
          // An order id used by several customers: count it once for each of them.
          let owners = sharedOrders.get(o);
          if (owners === undefined) sharedOrders.set(o, (owners = new Set([owner])));
          if (!owners.has(s)) {
            owners.add(s);
            st[s + A_ORDERS]!++;
          }
        }
      }
    } else st[s + A_ORDERS]!++;
    if (st[s + A_PERIODS] === 0) {
      st[s + A_PERIODS] = 1;
      st[s + A_FIRST_DAY] = d;
      st[s + A_LAST_DAY] = d;
      st[s + A_FIRST_PERIOD_SPEND] = a;
      continue;
    }
    const last = st[s + A_LAST_DAY]!;
    if (exact) {
      if (d !== last) st[s + A_PERIODS]!++;
      if (d === st[s + A_FIRST_DAY]) st[s + A_FIRST_PERIOD_SPEND]! += a;
    } else {
      const p = periodOf(d);
      if (p !== periodOf(last)) st[s + A_PERIODS]!++;
      if (p === periodOf(st[s + A_FIRST_DAY]!)) st[s + A_FIRST_PERIOD_SPEND]! += a;
    }
    st[s + A_LAST_DAY] = d;
  }

  // No row in the window: revenue is 0 and no period; returns only: negative revenue, no period.
  let customersOnlyAfter = 0;
  let customersWithoutPurchase = 0;
  for (let c = 0; c < customers; c++) {
    const s = c * STRIDE;
    if (st[s + A_PERIODS] !== 0) continue;
    if (st[s + A_REVENUE]! < 0) customersWithoutPurchase++;
    else if (seenAfter[c] === 1) customersOnlyAfter++;
  }
  return { state: st, customers, rowsAfter: n - end, customersOnlyAfter, customersWithoutPurchase };
}
