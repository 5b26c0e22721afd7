import type { DayOrderedColumns } from './dayOrderedColumns.js';

/**
 * How the blocked scan cuts the work: customers per block (their records, 64 + 104 + 8 bytes
 * each, fit in a 2 MB L2 cache at the default 8,192) and rows per chunk of the partition scratch.
 * @internal
 */
export interface ScanBlocking {
  /** log2 of the customers per block. */
  readonly blockShift: number;
  /** Rows partitioned at a time. */
  readonly chunkRows: number;
  /** Customers from which the scan is blocked; below it one plain pass is faster. */
  readonly minCustomers: number;
}

/**
 * Reusable scratch columns holding one chunk of rows, stably partitioned by block of customers
 * (a counting sort on `customer >> blockShift`): every block is a sequential write stream.
 * @internal
 */
export class BlockPartition {
  private readonly next: Int32Array;
  private readonly customer: Int32Array;
  private readonly day: Int32Array;
  private readonly amount: Float64Array;
  private readonly cost: Float64Array | null;
  private readonly order: Int32Array | null;
  private readonly promo: Uint8Array | null;
  private readonly discount: Float64Array | null;

  constructor(
    private readonly cols: DayOrderedColumns,
    customers: number,
    private readonly blocking: ScanBlocking,
    withSignals: boolean,
  ) {
    const size = Math.min(cols.length, blocking.chunkRows);
    this.next = new Int32Array((customers >> blocking.blockShift) + 2);
    this.customer = new Int32Array(size);
    this.day = new Int32Array(size);
    this.amount = new Float64Array(size);
    this.cost = cols.cost ? new Float64Array(size) : null;
    this.order = cols.order ? new Int32Array(size) : null;
    this.promo = withSignals && cols.promo ? new Uint8Array(size) : null;
    this.discount = withSignals && cols.discount ? new Float64Array(size) : null;
  }

  /** Rows `[from, to)` of the table, by block of customers. */
  partition(from: number, to: number): DayOrderedColumns {
    const { cols, next } = this;
    const shift = this.blocking.blockShift;
    const srcCustomer = cols.customer;
    const srcDay = cols.day;
    const srcAmount = cols.amount;
    const srcCost = cols.cost;
    const srcOrder = cols.order;
    const srcPromo = this.promo === null ? null : cols.promo;
    const srcDiscount = this.discount === null ? null : cols.discount;
    const { customer, day, amount, cost, order, promo, discount } = this;
    next.fill(0);
    for (let i = from; i < to; i++) next[(srcCustomer[i]! >> shift) + 1]!++;
    for (let b = 1; b < next.length; b++) next[b] = next[b]! + next[b - 1]!;
    for (let i = from; i < to; i++) {
      const c = srcCustomer[i]!;
      const k = next[c >> shift]!++;
      customer[k] = c;
      day[k] = srcDay[i]!;
      amount[k] = srcAmount[i]!;
      if (srcCost !== null) cost![k] = srcCost[i]!;
      if (srcOrder !== null) order![k] = srcOrder[i]!;
      if (srcPromo !== null) promo![k] = srcPromo[i]!;
      if (srcDiscount !== null) discount![k] = srcDiscount[i]!;
    }
    return {
      length: to - from,
      customer,
      day,
      amount,
      cost: srcCost !== null ? cost : null,
      order: srcOrder !== null ? order : null,
      promo: srcPromo !== null ? promo : null,
      discount: srcDiscount !== null ? discount : null,
      minDay: cols.minDay,
      maxDay: cols.maxDay,
    };
  }
}
