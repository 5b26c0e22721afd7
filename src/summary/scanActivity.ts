import { periodIndexer, type PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { BlockPartition, type ScanBlocking } from './blockPartition.js';
import { countPurchaseDays } from './countPurchaseDays.js';
import type { DayOrderedColumns } from './dayOrderedColumns.js';
import {
  A_COST,
  A_FIRST_DAY,
  A_FIRST_PERIOD_SPEND,
  A_LAST_DAY,
  A_ORDERS,
  A_PERIODS,
  A_PURCHASE_SPEND,
  A_REVENUE,
  B_DAY_SPEND,
  B_DAY_SPEND_SCALED,
  B_DAYS,
  B_DEPTH_COUNT,
  B_DEPTH_SUM,
  B_EARLY,
  B_EARLY_SCALED,
  B_GAP_M2,
  B_GAP_MEAN,
  B_LATE,
  B_LATE_SCALED,
  B_PROMO_KNOWN,
  B_PROMO_YES,
  BSTRIDE,
  STRIDE,
  type CustomerActivity,
} from './activityRecord.js';

export type { ScanBlocking } from './blockPartition.js';

export * from './activityRecord.js';

/** The scale of the `*_SCALED` sums. */
const UNIT = 2 ** -1000;

/** The day window `(fromDay, toDay]` of a scan, and how purchases merge into periods. @internal */
export interface ScanWindow {
  /** Exclusive start; `-Infinity` for no start. */
  readonly fromDay: number;
  /** Inclusive end. */
  readonly toDay: number;
  readonly unit: TimeUnit;
  readonly mode: PeriodMode;
  /**
   * Also gather the purchase-timing and deal statistics behind the behaviour signals (gaps
   * between purchase days, promotion and discount shares, spend trend blocks) in the same pass.
   */
  readonly withSignals?: boolean;
}

/** The blocking of {@link scanActivity}. @internal */
export const SCAN_BLOCKING: ScanBlocking = { blockShift: 13, chunkRows: 1 << 20, minCustomers: 1 << 15 };

/** Everything one pass over rows reads and accumulates into ({@link startScan}). @internal */
export interface ScanContext {
  readonly st: Float64Array;
  readonly bt: Float64Array | null;
  /** With signals: each customer's purchase days D at `2 c + 1` (see {@link countPurchaseDays}). */
  readonly days: Int32Array | null;
  readonly customers: number;
  readonly orderOwner: Int32Array | null;
  readonly sharedOrders: Map<number, Set<number>>;
  readonly exact: boolean;
  readonly periodOf: (day: number) => number;
}

/**
 * One sequential pass over day-ordered rows, accumulating each customer's activity in the window.
 * With `withSignals`, the same pass also gathers the statistics behind the behaviour signals; the
 * spend trend needs each customer's number of purchase days up front, which a counting sweep over
 * the day, customer and amount columns gives first (8 bytes per customer).
 *
 * With many customers the records (176 bytes each with signals) far exceed the caches, and a
 * day-ordered pass touches a random record per row. The rows are then taken a chunk at a time
 * and partitioned (stably) by block of customers, so each block's records stay in cache while its
 * rows are added. Each customer still sees her rows in day order, so every sum is the same, bit
 * for bit, as in one plain pass.
 * Cost: O(n) time; 64 bytes per customer (176 with signals), plus up to 33 bytes per row of a
 * chunk (1M rows) of partition scratch.
 * @internal
 */
export function scanActivity(cols: DayOrderedColumns, customers: number, orderIds: number, w: ScanWindow, blocking: ScanBlocking = SCAN_BLOCKING): CustomerActivity {
  const n = cols.length;
  const { customer, day } = cols;
  const seenAfter = new Uint8Array(customers);
  // Rows before the window are skipped; rows after it are only counted.
  let j = 0;
  while (j < n && day[j]! <= w.fromDay) j++;
  let end = j;
  while (end < n && day[end]! <= w.toDay) end++;
  for (let i = end; i < n; i++) seenAfter[customer[i]!] = 1;
  const days = w.withSignals === true ? countPurchaseDays(cols, customers, j, end) : null;
  const ctx = startScan(customers, cols.order !== null ? orderIds : -1, w, days, cols.minDay, cols.maxDay);
  scanRange(ctx, cols, j, end, blocking);
  return endScan(ctx, seenAfter, n - end);
}

/**
 * The empty records of a scan over `customers` customers: `orderIds` distinct order ids (-1 when
 * the rows carry none), `days` each customer's purchase days D at `2 c + 1` (with signals), and
 * the day range of all rows (for calendar periods). @internal
 */
export function startScan(customers: number, orderIds: number, w: ScanWindow, days: Int32Array | null, minDay: number, maxDay: number): ScanContext {
  return {
    st: new Float64Array(customers * STRIDE),
    bt: w.withSignals === true ? new Float64Array(customers * BSTRIDE) : null,
    days,
    customers,
    // Which customer record first used each order id; ids shared by customers get a set.
    orderOwner: orderIds >= 0 ? new Int32Array(orderIds).fill(-1) : null,
    sharedOrders: new Map<number, Set<number>>(),
    exact: w.mode === 'exact' || w.unit === 'day',
    periodOf: periodIndexer(w.unit, w.mode, minDay, Math.max(maxDay, minDay)),
  };
}

/**
 * Adds the rows `[from, to)` of `cols` (all in the window; each customer's rows in day order, in
 * this and every earlier range) to the records, blocked by customers when they are many. @internal
 */
export function scanRange(ctx: ScanContext, cols: DayOrderedColumns, from: number, to: number, blocking: ScanBlocking = SCAN_BLOCKING): void {
  if (ctx.customers < blocking.minCustomers) {
    scanRows(ctx, cols, from, to);
    return;
  }
  const chunk = new BlockPartition(cols, ctx.customers, blocking, ctx.bt !== null);
  for (let k = from; k < to; k += blocking.chunkRows) scanRows(ctx, chunk.partition(k, Math.min(to, k + blocking.chunkRows)), 0, Math.min(to - k, blocking.chunkRows));
}

/** Closes the records: the last purchase day's spend into its trend block, and the customers without a purchase. @internal */
export function endScan(ctx: ScanContext, seenAfter: Uint8Array, rowsAfter: number): CustomerActivity {
  const { st, bt, days, customers } = ctx;
  if (bt !== null) for (let c = 0; c < customers; c++) if (bt[c * BSTRIDE + B_DAYS]! > 0) endPurchaseDay(bt, c * BSTRIDE, days![2 * c + 1]!);

  // No row in the window: revenue is 0 and no period; returns only: negative revenue, no period.
  let customersOnlyAfter = 0;
  let customersWithoutPurchase = 0;
  for (let c = 0; c < customers; c++) {
    const s = c * STRIDE;
    if (st[s + A_PERIODS] !== 0) continue;
    if (st[s + A_REVENUE]! < 0) customersWithoutPurchase++;
    else if (seenAfter[c] === 1) customersOnlyAfter++;
  }
  return { state: st, customers, rowsAfter, customersOnlyAfter, customersWithoutPurchase, signals: bt };
}

/** Adds the rows `[from, to)` of `src` to the records (any order across customers, day order within each). */
function scanRows(ctx: ScanContext, src: DayOrderedColumns, from: number, to: number): void {
  const { st, bt, days, orderOwner, sharedOrders, exact, periodOf } = ctx;
  const { customer, day, amount } = src;
  const costCol = src.cost;
  const orderCol = src.order;
  const promoCol = bt !== null ? src.promo : null;
  const discountCol = bt !== null ? src.discount : null;
  for (let i = from; i < to; i++) {
    const d = day[i]!;
    const c = customer[i]!;
    const s = c * STRIDE;
    const a = amount[i]!;
    st[s + A_REVENUE]! += a;
    if (costCol !== null) st[s + A_COST]! += costCol[i]!;
    if (a < 0) continue;
    st[s + A_PURCHASE_SPEND]! += a;
    if (bt !== null) {
      const b = c * BSTRIDE;
      signalRow(bt, b, d, a, st[s + A_PERIODS] === 0, st[s + A_LAST_DAY]!, days![2 * c + 1]!);
      if (promoCol !== null) {
        const f = promoCol[i]!;
        if (f !== 255) {
          bt[b + B_PROMO_KNOWN]!++;
          bt[b + B_PROMO_YES]! += f;
        }
      }
      if (discountCol !== null) {
        const x = discountCol[i]!;
        if (x === x && a + x > 0) {
          bt[b + B_DEPTH_SUM]! += x / (a + x);
          bt[b + B_DEPTH_COUNT]!++;
        }
      }
    }
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
}

/**
 * Adds one purchase row (day `d`, spend `a`) to a customer's signal record at `b`. A new purchase
 * day extends the gap statistics (Welford's running mean and sum of squared deviations, in day
 * order) and ends the previous day, whose spend goes to the early block when it was among the
 * first `floor(D / 2)` purchase days and to the late block when among the last `floor(D / 2)`.
 */
function signalRow(bt: Float64Array, b: number, d: number, a: number, first: boolean, lastDay: number, total: number): void {
  if (first) {
    bt[b + B_DAYS] = 1;
    bt[b + B_DAY_SPEND] = a;
    bt[b + B_DAY_SPEND_SCALED] = a * UNIT;
  } else if (d !== lastDay) {
    const days = bt[b + B_DAYS]!;
    endPurchaseDay(bt, b, total);
    const gap = d - lastDay;
    const mean = bt[b + B_GAP_MEAN]!;
    const delta = gap - mean;
    const next = mean + delta / days; // days = number of gaps so far, this one included
    bt[b + B_GAP_MEAN] = next;
    bt[b + B_GAP_M2]! += delta * (gap - next);
    bt[b + B_DAYS] = days + 1;
    bt[b + B_DAY_SPEND] = a;
    bt[b + B_DAY_SPEND_SCALED] = a * UNIT;
  } else {
    bt[b + B_DAY_SPEND]! += a;
    bt[b + B_DAY_SPEND_SCALED]! += a * UNIT;
  }
}

/** Adds the spend of the customer's current purchase day to its trend block, if any (`total`: her purchase days D). @internal */
export function endPurchaseDay(bt: Float64Array, b: number, total: number): void {
  const days = bt[b + B_DAYS]!;
  const half = Math.floor(total / 2);
  if (days <= half) {
    bt[b + B_EARLY]! += bt[b + B_DAY_SPEND]!;
    bt[b + B_EARLY_SCALED]! += bt[b + B_DAY_SPEND_SCALED]!;
  } else if (days > total - half) {
    bt[b + B_LATE]! += bt[b + B_DAY_SPEND]!;
    bt[b + B_LATE_SCALED]! += bt[b + B_DAY_SPEND_SCALED]!;
  }
}
