import { periodIndexer, type PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { BlockPartition, type ScanBlocking } from './blockPartition.js';
import { countPurchaseDays } from './countPurchaseDays.js';
import type { DayOrderedColumns } from './dayOrderedColumns.js';

export type { ScanBlocking } from './blockPartition.js';

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
  /**
   * With `withSignals`: {@link BSTRIDE} doubles per customer of purchase-timing and deal
   * statistics (read them with the `B_*` offsets); otherwise `null`.
   */
  readonly signals: Float64Array | null;
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

/** Doubles per customer of the signal statistics (104 bytes). @internal */
export const BSTRIDE = 13;
/** Distinct purchase days so far (whatever the period mode). */
export const B_DAYS = 0;
/** Running mean of the gaps between consecutive purchase days (Welford). */
export const B_GAP_MEAN = 1;
/** Running sum of squared deviations of the gaps (Welford). */
export const B_GAP_M2 = 2;
/** Purchase rows with a known promotion flag. */
export const B_PROMO_KNOWN = 3;
/** Purchase rows flagged as bought on promotion. */
export const B_PROMO_YES = 4;
/** Sum of discount depths `discount / (amount + discount)` over purchase rows with a discount. */
export const B_DEPTH_SUM = 5;
/** Purchase rows with a discount and `amount + discount > 0`. */
export const B_DEPTH_COUNT = 6;
/** Summed spend of the first `floor(D / 2)` purchase days (D = all purchase days in the window, counted before the main pass), in day order. */
export const B_EARLY = 7;
/** Summed spend of the last `floor(D / 2)` purchase days, in day order. */
export const B_LATE = 8;
/** Spend of the customer's current (latest) purchase day, added to a block when the day ends. */
export const B_DAY_SPEND = 9;
/**
 * {@link B_DAY_SPEND}, {@link B_EARLY} and {@link B_LATE} in units of 2^1000, which no sum of
 * doubles can overflow: the spend trend falls back on them when a block sums to Infinity
 * (amounts near the double limit).
 */
export const B_DAY_SPEND_SCALED = 10;
export const B_EARLY_SCALED = 11;
export const B_LATE_SCALED = 12;
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

/** Everything one pass over rows reads and accumulates into. */
interface ScanContext {
  readonly st: Float64Array;
  readonly bt: Float64Array | null;
  /** With signals: each customer's purchase days D at `2 c + 1` (see {@link countPurchaseDays}). */
  readonly days: Int32Array | null;
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
  const orderCol = cols.order;
  const st = new Float64Array(customers * STRIDE);
  const seenAfter = new Uint8Array(customers);
  const { fromDay, toDay } = w;

  // Rows before the window are skipped; rows after it are only counted.
  let j = 0;
  while (j < n && day[j]! <= fromDay) j++;
  let end = j;
  while (end < n && day[end]! <= toDay) end++;
  for (let i = end; i < n; i++) seenAfter[customer[i]!] = 1;
  const bt = w.withSignals === true ? new Float64Array(customers * BSTRIDE) : null;
  const days = bt !== null ? countPurchaseDays(cols, customers, j, end) : null;
  const ctx: ScanContext = {
    st,
    bt,
    days,
    // Which customer record first used each order id; ids shared by customers get a set.
    orderOwner: orderCol ? new Int32Array(orderIds).fill(-1) : null,
    sharedOrders: new Map<number, Set<number>>(),
    exact: w.mode === 'exact' || w.unit === 'day',
    periodOf: periodIndexer(w.unit, w.mode, cols.minDay, Math.max(cols.maxDay, cols.minDay)),
  };
  if (customers < blocking.minCustomers) scanRows(ctx, cols, j, end);
  else {
    const chunk = new BlockPartition(cols, customers, blocking, bt !== null);
    for (let k = j; k < end; k += blocking.chunkRows) scanRows(ctx, chunk.partition(k, Math.min(end, k + blocking.chunkRows)), 0, Math.min(end - k, blocking.chunkRows));
  }

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
  return { state: st, customers, rowsAfter: n - end, customersOnlyAfter, customersWithoutPurchase, signals: bt };
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
