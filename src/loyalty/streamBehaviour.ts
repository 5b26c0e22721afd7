import { customerIndexOrder } from '../summary/compareCustomerIds.js';
import type { TransactionTable, CustomerId } from '../transactions/types.js';
import { ColumnsBuilder, rejectRowsAfter, trendOf, type DerivedBehaviour } from './behaviourScanShared.js';

// Per-customer state of the day-ordered stream: S doubles per customer (one record, so that a
// row touches one or two cache lines rather than one per column).
const S = 14;
/** Purchase days in the window (from the counting pass). */
const S_DAYS = 0;
/** Last day seen by the counting pass. */
const S_SEEN = 1;
/** Purchase days so far. */
const S_P = 2;
const S_FIRST = 3;
const S_LAST = 4;
const S_TOTAL = 5;
const S_GAP_MEAN = 6;
const S_GAP_M2 = 7;
const S_PROMO_KNOWN = 8;
const S_PROMO_YES = 9;
const S_DEPTH_SUM = 10;
const S_DEPTH_COUNT = 11;
const S_EARLY = 12;
const S_LATE = 13;

/**
 * Rows in day order: two sequential passes with a record per customer, no grouping. The first
 * counts each customer's purchase days (the spend trend needs the count up front), the second
 * accumulates every statistic exactly as {@link scanGrouped} does, in the same order, so the two
 * give the same bits. @internal
 */
export function streamDayOrdered(table: TransactionTable, asOf: number, afterAsOf: 'exclude' | 'reject', cacheBytes: number = CACHE_BYTES): DerivedBehaviour {
  const k = table.customerIds.length;
  const { customer, day, amount, promo, discount } = table;
  // rows after asOf are a suffix of a day-ordered log
  let end = table.length;
  while (end > 0 && day[end - 1]! > asOf) end--;
  const rowsAfter = table.length - end;
  if (rowsAfter > 0 && afterAsOf === 'reject') rejectRowsAfter(day, asOf);

  const st = new Float64Array(k * S);
  // Spend of each customer's current purchase day, kept apart from the records.
  const cur = new Float64Array(k);
  const cols: RowColumns = { customer, day, amount, promo, discount };
  if (k * S * 8 <= cacheBytes) accumulate(cols, 0, end, st, cur);
  else {
    // Too many customers for their records to stay in cache: partition the rows by blocks of
    // customers (stable, so each block keeps day order), then stream block by block.
    const parts = partitionByCustomerBlock(cols, end, k, cacheBytes);
    for (let b = 0; b + 1 < parts.start.length; b++) accumulate(parts.cols, parts.start[b]!, parts.start[b + 1]!, st, cur);
  }

  const out = new ColumnsBuilder(k, promo !== null, discount !== null);
  const ids: CustomerId[] = [];
  const byId = customerIndexOrder(table.customerIds);
  let overflow: number[] | null = null;
  for (let o = 0; o < k; o++) {
    const c = byId[o]!;
    const s = c * S;
    const purchases = st[s + S_P]!;
    if (purchases === 0) continue;
    closeDay(st, s, purchases - 1, cur[c]!);
    const at = ids.length;
    ids.push(table.customerIds[c]!);
    const first = st[s + S_FIRST]!;
    const last = st[s + S_LAST]!;
    const meanGapDays = purchases >= 2 ? (last - first) / (purchases - 1) : Number.NaN;
    out.purchases[at] = purchases;
    out.tenureDays[at] = asOf - first;
    out.daysSinceLastPurchase[at] = asOf - last;
    out.meanGapDays[at] = meanGapDays;
    out.recencyRatio[at] = purchases >= 2 ? (asOf - last) / meanGapDays : Number.NaN;
    out.gapCv[at] = purchases >= 3 ? Math.sqrt(Math.max(0, st[s + S_GAP_M2]!) / (purchases - 1)) / st[s + S_GAP_MEAN]! : Number.NaN;
    if (purchases >= 2) {
      const early = st[s + S_EARLY]!;
      const late = st[s + S_LATE]!;
      if (early + late === Infinity) (overflow ??= []).push(c, at);
      out.spendTrend[at] = trendOf(early, late);
    } else out.spendTrend[at] = Number.NaN;
    out.totalSpend[at] = st[s + S_TOTAL]!;
    if (out.promoShare !== null) {
      const known = st[s + S_PROMO_KNOWN]!;
      out.promoShare[at] = known > 0 ? st[s + S_PROMO_YES]! / known : Number.NaN;
    }
    if (out.discountDepth !== null) {
      const n = st[s + S_DEPTH_COUNT]!;
      out.discountDepth[at] = n > 0 ? st[s + S_DEPTH_SUM]! / n : Number.NaN;
    }
  }
  if (overflow !== null) rescaleTrends(table, end, st, overflow, out.spendTrend);
  const excluded = { rowsAfterAsOf: rowsAfter, customersWithoutPurchase: k - ids.length };
  return { columns: out.finish(ids.length), customerIds: ids, excluded };
}

/** The row columns a stream reads. */
interface RowColumns {
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly promo: Uint8Array | null;
  readonly discount: Float64Array | null;
}

/** Bytes of customer records that a single stream keeps in cache (about a core's L2). */
const CACHE_BYTES = 1 << 19;

/**
 * Rows `[0, end)` copied into blocks of customers (customer indices `b << shift` to
 * `((b + 1) << shift) - 1`), keeping the row order within each block: 21 bytes a row, and each
 * block's customer records (at most `cacheBytes`) stay in cache while it streams.
 */
function partitionByCustomerBlock(cols: RowColumns, end: number, k: number, cacheBytes: number): { cols: RowColumns; start: Int32Array } {
  let shift = 0;
  while (shift < 30 && (1 << shift) * S * 8 < cacheBytes) shift++;
  shift = Math.max(0, shift - 1);
  const blocks = ((k - 1) >>> shift) + 1;
  const start = new Int32Array(blocks + 1);
  const { customer, day, amount, promo, discount } = cols;
  for (let i = 0; i < end; i++) start[(customer[i]! >>> shift) + 1]!++;
  for (let b = 0; b < blocks; b++) start[b + 1] = start[b + 1]! + start[b]!;
  const fill = start.slice(0, blocks);
  const c2 = new Int32Array(end);
  const d2 = new Int32Array(end);
  const a2 = new Float64Array(end);
  const p2 = promo ? new Uint8Array(end) : null;
  const x2 = discount ? new Float64Array(end) : null;
  for (let i = 0; i < end; i++) {
    const c = customer[i]!;
    const j = fill[c >>> shift]!++;
    c2[j] = c;
    d2[j] = day[i]!;
    a2[j] = amount[i]!;
    if (p2 !== null) p2[j] = promo![i]!;
    if (x2 !== null) x2[j] = discount![i]!;
  }
  return { cols: { customer: c2, day: d2, amount: a2, promo: p2, discount: x2 }, start };
}

/**
 * Streams rows `[from, to)` (in day order) into the customer records: first counts each
 * customer's purchase days, then accumulates every statistic.
 */
function accumulate(cols: RowColumns, from: number, to: number, st: Float64Array, cur: Float64Array): void {
  const { customer, day, amount, promo, discount } = cols;
  for (let i = from; i < to; i++) {
    const a = amount[i]!;
    if (a < 0) continue;
    const s = customer[i]! * S;
    const d = day[i]!;
    if (st[s + S_DAYS] === 0 || st[s + S_SEEN] !== d) {
      st[s + S_DAYS]!++;
      st[s + S_SEEN] = d;
    }
  }

  for (let i = from; i < to; i++) {
    const c = customer[i]!;
    const s = c * S;
    const a = amount[i]!;
    st[s + S_TOTAL]! += a;
    if (a < 0) continue;
    const d = day[i]!;
    const p = st[s + S_P]!;
    if (p === 0) {
      st[s + S_FIRST] = d;
      st[s + S_LAST] = d;
      st[s + S_P] = 1;
      cur[c] = a;
    } else if (d !== st[s + S_LAST]) {
      closeDay(st, s, p - 1, cur[c]!);
      const gap = d - st[s + S_LAST]!;
      const mean = st[s + S_GAP_MEAN]!;
      const delta = gap - mean;
      const next = mean + delta / p; // p = number of gaps so far, this one included
      st[s + S_GAP_MEAN] = next;
      st[s + S_GAP_M2]! += delta * (gap - next);
      st[s + S_LAST] = d;
      st[s + S_P] = p + 1;
      cur[c] = a;
    } else {
      cur[c]! += a;
    }
    if (promo) {
      const f = promo[i]!;
      if (f !== 255) {
        st[s + S_PROMO_KNOWN]!++;
        st[s + S_PROMO_YES]! += f;
      }
    }
    if (discount) {
      const x = discount[i]!;
      if (x === x && a + x > 0) {
        st[s + S_DEPTH_SUM]! += x / (a + x);
        st[s + S_DEPTH_COUNT]!++;
      }
    }
  }

}

/** Adds the spend of purchase day `p` (0-based) of the customer at record `s` to its early or late block. */
function closeDay(st: Float64Array, s: number, p: number, spend: number): void {
  const days = st[s + S_DAYS]!;
  const h = Math.floor(days / 2);
  if (p < h) st[s + S_EARLY]! += spend;
  else if (p >= days - h) st[s + S_LATE]! += spend;
}

/**
 * The spend trends of the customers whose block sums overflowed (pairs of record index and
 * output position), summed again row by row in units of 2^1000 as {@link spendTrend} does: one
 * more pass over the rows, only when amounts come near the double limit.
 */
function rescaleTrends(table: TransactionTable, end: number, st: Float64Array, pairs: readonly number[], trend: Float64Array): void {
  const { customer, day, amount } = table;
  const unit = 2 ** -1000;
  const slot = new Map<number, number>();
  for (let j = 0; j < pairs.length; j += 2) slot.set(pairs[j]!, j / 2);
  const m = pairs.length / 2;
  const early = new Float64Array(m);
  const late = new Float64Array(m);
  const p = new Float64Array(m).fill(-1);
  const seen = new Float64Array(m).fill(Number.NaN);
  for (let i = 0; i < end; i++) {
    const a = amount[i]!;
    if (a < 0) continue;
    const q = slot.get(customer[i]!);
    if (q === undefined) continue;
    if (day[i] !== seen[q]) {
      seen[q] = day[i]!;
      p[q]!++;
    }
    const days = st[customer[i]! * S + S_DAYS]!;
    const h = Math.floor(days / 2);
    if (p[q]! < h) early[q]! += a * unit;
    else if (p[q]! >= days - h) late[q]! += a * unit;
  }
  for (let q = 0; q < m; q++) trend[pairs[2 * q + 1]!] = trendOf(early[q]!, late[q]!);
}
