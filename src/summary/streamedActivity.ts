import type { TransactionTable } from '../transactions/types.js';
import type { CustomerActivity } from './activityRecord.js';
import type { DayOrderedColumns } from './dayOrderedColumns.js';
import { endScan, scanRange, SCAN_BLOCKING, startScan, type ScanBlocking, type ScanContext, type ScanWindow } from './scanActivity.js';

const NO_DAY = -2147483648;

/**
 * The first of the two passes of a summary over rows that arrive in chunks (a file too large to
 * hold): each customer's distinct purchase days D up to `toDay` (which the spend trend needs
 * before the main pass), the day range, which optional columns occur, and whether each customer's
 * rows come in day order, which the chunked summary needs (a row dated before an earlier row of
 * the same customer ends the pass). 12 bytes per customer, nothing per row.
 *
 * Chunks are tables sharing one customer index (see {@link TransactionTextReader.takeRows}).
 * @internal
 */
export class PurchaseDayCount {
  /** Per customer: latest purchase day at `2 c`, purchase days D at `2 c + 1` (the layout of {@link countPurchaseDays}). */
  days = new Int32Array(0);
  /** Each customer's latest row day (purchases and returns). */
  private lastRow = new Int32Array(0);
  /** Customers seen. */
  customers = 0;
  /** Rows seen. */
  rows = 0;
  /** Smallest and largest day of all rows (0 and -1 before any row, as {@link DayOrderedColumns}). */
  minDay = 0;
  maxDay = -1;
  hasCost = false;
  hasOrder = false;
  hasPromo = false;
  hasDiscount = false;
  /** The first row dated before an earlier row of its customer: its position among all rows; -1 while every customer's rows are in day order. */
  outOfOrder = -1;

  /** @param toDay - Last day counted for D (the as-of day; `Infinity` when it is the latest day of the rows). */
  constructor(private readonly toDay: number) {}

  /**
   * Counts a chunk.
   * @returns `false` (and counts nothing more) once a customer's rows are found out of day order.
   */
  add(chunk: TransactionTable): boolean {
    if (this.outOfOrder >= 0) return false;
    this.grow(chunk.customerIds.length);
    const { customer, day, amount } = chunk;
    const { days, lastRow, toDay } = this;
    const n = chunk.length;
    let lo = this.rows === 0 && n > 0 ? day[0]! : this.minDay;
    let hi = this.rows === 0 && n > 0 ? day[0]! : this.maxDay;
    for (let i = 0; i < n; i++) {
      const c = customer[i]!;
      const d = day[i]!;
      if (d < lastRow[c]!) {
        this.outOfOrder = this.rows + i;
        return false;
      }
      lastRow[c] = d;
      if (d < lo) lo = d;
      else if (d > hi) hi = d;
      if (amount[i]! < 0 || d > toDay) continue;
      const k = 2 * c;
      if (d !== days[k]) {
        days[k] = d;
        days[k + 1]!++;
      }
    }
    this.minDay = lo;
    this.maxDay = hi;
    this.rows += n;
    this.hasCost ||= chunk.cost !== null;
    this.hasOrder ||= chunk.order !== null;
    this.hasPromo ||= chunk.promo !== null;
    this.hasDiscount ||= chunk.discount !== null;
    return true;
  }

  private grow(customers: number): void {
    if (customers <= this.customers) return;
    if (customers > this.lastRow.length) {
      const size = Math.max(customers, 2 * this.lastRow.length, 1024);
      const days = new Int32Array(2 * size);
      days.set(this.days);
      const lastRow = new Int32Array(size);
      lastRow.set(this.lastRow);
      for (let c = this.customers; c < size; c++) {
        days[2 * c] = NO_DAY;
        lastRow[c] = NO_DAY;
      }
      this.days = days;
      this.lastRow = lastRow;
    }
    this.customers = customers;
  }
}

/**
 * The second pass of a chunked summary: the same records as {@link scanActivity}, filled chunk
 * by chunk. Each customer's rows must come in day order across the chunks (as
 * {@link PurchaseDayCount} checked); every sum then adds the same numbers in the same order as
 * the table scan, so the activity is identical to it, bit for bit. A chunk that lacks an
 * optional column the input carries elsewhere reads it as absent (cost `NaN`, no order id,
 * unknown promotion and discount), as the table would.
 *
 * Memory: the records (64 bytes per customer, 176 with signals) and the counts of the first
 * pass; a chunk is dropped once added.
 * @internal
 */
export class ActivityStream {
  private readonly ctx: ScanContext;
  private readonly seenAfter: Uint8Array;
  private rowsAfter = 0;

  /**
   * @param count - The first pass over the same rows.
   * @param w - The window, as for {@link scanActivity}.
   * @param orderIds - Distinct order ids of the input.
   */
  constructor(
    private readonly count: PurchaseDayCount,
    private readonly w: ScanWindow,
    orderIds: number,
    private readonly blocking: ScanBlocking = SCAN_BLOCKING,
  ) {
    if (count.outOfOrder >= 0) throw new Error('ActivityStream: the rows are not in day order for each customer');
    const withSignals = w.withSignals === true;
    this.ctx = startScan(count.customers, count.hasOrder ? orderIds : -1, w, withSignals ? count.days : null, count.minDay, count.maxDay);
    this.seenAfter = new Uint8Array(count.customers);
  }

  /** Adds a chunk (the first pass saw the same chunks, in the same order). */
  add(chunk: TransactionTable): void {
    const { count, w } = this;
    if (chunk.customerIds.length > count.customers) throw new Error('ActivityStream: a customer the first pass did not see (did the input change between the passes?)');
    const n = chunk.length;
    const withSignals = w.withSignals === true;
    let cols: DayOrderedColumns = {
      length: n,
      customer: chunk.customer,
      day: chunk.day,
      amount: chunk.amount,
      cost: count.hasCost ? (chunk.cost ?? new Float64Array(n).fill(Number.NaN)) : null,
      order: count.hasOrder ? (chunk.order ?? new Int32Array(n).fill(-1)) : null,
      promo: withSignals && count.hasPromo ? (chunk.promo ?? new Uint8Array(n).fill(255)) : null,
      discount: withSignals && count.hasDiscount ? (chunk.discount ?? new Float64Array(n).fill(Number.NaN)) : null,
      minDay: count.minDay,
      maxDay: count.maxDay,
    };
    const { day } = chunk;
    let inside = 0;
    for (let i = 0; i < n; i++) if (day[i]! > w.fromDay && day[i]! <= w.toDay) inside++;
    if (inside < n) cols = this.window(cols, inside);
    scanRange(this.ctx, cols, 0, cols.length, this.blocking);
  }

  /** The rows of `cols` inside the window (in their order); the later ones are counted. */
  private window(cols: DayOrderedColumns, inside: number): DayOrderedColumns {
    const { fromDay, toDay } = this.w;
    const pick = new Int32Array(inside);
    let k = 0;
    for (let i = 0; i < cols.length; i++) {
      const d = cols.day[i]!;
      if (d > toDay) {
        this.rowsAfter++;
        this.seenAfter[cols.customer[i]!] = 1;
      } else if (d > fromDay) pick[k++] = i;
    }
    const take = <A extends Int32Array | Float64Array | Uint8Array>(a: A | null, make: (n: number) => A): A | null => {
      if (a === null) return null;
      const out = make(inside);
      for (let j = 0; j < inside; j++) out[j] = a[pick[j]!]!;
      return out;
    };
    const i32 = (m: number): Int32Array => new Int32Array(m);
    const f64 = (m: number): Float64Array => new Float64Array(m);
    return {
      length: inside,
      customer: take(cols.customer, i32)!,
      day: take(cols.day, i32)!,
      amount: take(cols.amount, f64)!,
      cost: take(cols.cost, f64),
      order: take(cols.order, i32),
      promo: take(cols.promo, (m) => new Uint8Array(m)),
      discount: take(cols.discount, f64),
      minDay: cols.minDay,
      maxDay: cols.maxDay,
    };
  }

  /** The activity of every customer, as {@link scanActivity} gives it for the whole input. */
  finish(): CustomerActivity {
    return endScan(this.ctx, this.seenAfter, this.rowsAfter);
  }
}
