import type { CustomerId, TransactionTable } from './types.js';

/** Values of one validated row, ready to append. Optional numbers are `NaN` when absent. */
export interface ValidatedRow {
  customerId: CustomerId;
  day: number;
  amount: number;
  cost: number;
  quantity: number;
  orderId: string | number | null;
  /** 1 promo, 0 not, 255 unknown */
  promo: number;
  discount: number;
}

/**
 * Builds a {@link TransactionTable} row by row into growing typed arrays, interning customer and
 * order ids. Used by {@link parseTransactions} and by the streaming file readers.
 *
 * Optional columns are only materialised once a row carries the field, and come out `null` when
 * no row did. Values are not validated here: use it for data already checked, as the file
 * readers do.
 *
 * @example
 * ```ts
 * import { TransactionTableBuilder, dayFromIso } from 'loyalty-score';
 * const builder = new TransactionTableBuilder();
 * builder.append('ann', dayFromIso('2024-01-05'), 20);
 * builder.append('ann', dayFromIso('2024-01-09'), 15, 9);
 * const table = builder.finish();
 * table.customerIds; // => ['ann']
 * Array.from(table.cost); // => [NaN, 9]
 * ```
 */
export class TransactionTableBuilder {
  private capacity: number;
  private n = 0;
  private readonly idIndex = new Map<CustomerId, number>();
  private ids: CustomerId[] = [];
  private readonly orderIndex = new Map<string | number, number>();
  private readonly orders: (string | number)[] = [];
  private customer: Int32Array;
  private day: Int32Array;
  private amount: Float64Array;
  private cost: Float64Array | null = null;
  private quantity: Float64Array | null = null;
  private order: Int32Array | null = null;
  private promo: Uint8Array | null = null;
  private discount: Float64Array | null = null;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity | 0);
    this.customer = new Int32Array(this.capacity);
    this.day = new Int32Array(this.capacity);
    this.amount = new Float64Array(this.capacity);
  }

  /** Number of rows appended so far. */
  get length(): number {
    return this.n;
  }

  /** Appends one row of already-validated values. */
  push(row: ValidatedRow): void {
    this.append(row.customerId, row.day, row.amount, row.cost, row.quantity, row.orderId, row.promo, row.discount);
  }

  /**
   * Appends one row. `cost`, `quantity` and `discount` are `NaN` when absent, `orderId` `null`,
   * `promo` 255.
   */
  append(
    customerId: CustomerId,
    day: number,
    amount: number,
    cost = Number.NaN,
    quantity = Number.NaN,
    orderId: string | number | null = null,
    promo = 255,
    discount = Number.NaN,
  ): void {
    let c = this.idIndex.get(customerId);
    if (c === undefined) {
      c = this.ids.length;
      this.ids.push(customerId);
      this.idIndex.set(customerId, c);
    }
    this.appendAt(c, day, amount, cost, quantity, orderId, promo, discount);
  }

  /**
   * Appends one row for the customer at index `c` of ids registered with {@link addCustomerIds}.
   * For readers that intern ids themselves; do not mix with {@link append}.
   * @internal
   */
  appendAt(c: number, day: number, amount: number, cost: number, quantity: number, orderId: string | number | null, promo: number, discount: number): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    this.customer[i] = c;
    this.day[i] = day;
    this.amount[i] = amount;
    if (cost === cost) (this.cost ??= this.nanColumn())[i] = cost;
    else if (this.cost) this.cost[i] = Number.NaN;
    if (quantity === quantity) (this.quantity ??= this.nanColumn())[i] = quantity;
    else if (this.quantity) this.quantity[i] = Number.NaN;
    if (discount === discount) (this.discount ??= this.nanColumn())[i] = discount;
    else if (this.discount) this.discount[i] = Number.NaN;
    if (promo !== 255) (this.promo ??= new Uint8Array(this.capacity).fill(255))[i] = promo;
    else if (this.promo) this.promo[i] = 255;
    if (orderId !== null) {
      let o = this.orderIndex.get(orderId);
      if (o === undefined) {
        o = this.orders.length;
        this.orders.push(orderId);
        this.orderIndex.set(orderId, o);
      }
      (this.order ??= new Int32Array(this.capacity).fill(-1))[i] = o;
    } else if (this.order) this.order[i] = -1;
  }

  /**
   * Re-dates row `i` (already appended): for readers that learn a file's date format late.
   * @internal
   */
  setDay(i: number, day: number): void {
    this.day[i] = day;
  }

  /**
   * Makes `ids` the table's customer ids (index = position), for {@link appendAt}. The array is
   * kept, not copied: the caller may keep pushing new ids to it.
   * @internal
   */
  addCustomerIds(ids: CustomerId[]): void {
    this.ids = ids;
  }

  /** Returns the table, trimmed to the rows appended. The builder must not be used afterwards. */
  finish(): TransactionTable {
    const n = this.n;
    return {
      length: n,
      customerIds: this.ids,
      customer: this.customer.slice(0, n),
      day: this.day.slice(0, n),
      amount: this.amount.slice(0, n),
      cost: this.cost ? this.cost.slice(0, n) : null,
      quantity: this.quantity ? this.quantity.slice(0, n) : null,
      order: this.order ? this.order.slice(0, n) : null,
      orderIds: this.orders,
      promo: this.promo ? this.promo.slice(0, n) : null,
      discount: this.discount ? this.discount.slice(0, n) : null,
    };
  }

  private nanColumn(): Float64Array {
    const col = new Float64Array(this.capacity);
    col.fill(Number.NaN, 0, this.n);
    return col;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    this.customer = growInt32(this.customer, cap, 0);
    this.day = growInt32(this.day, cap, 0);
    this.amount = growFloat64(this.amount, cap);
    if (this.cost) this.cost = growFloat64(this.cost, cap);
    if (this.quantity) this.quantity = growFloat64(this.quantity, cap);
    if (this.discount) this.discount = growFloat64(this.discount, cap);
    if (this.order) this.order = growInt32(this.order, cap, -1);
    if (this.promo) {
      const p = new Uint8Array(cap).fill(255);
      p.set(this.promo);
      this.promo = p;
    }
    this.capacity = cap;
  }
}

function growInt32(a: Int32Array, cap: number, fill: number): Int32Array {
  const b = new Int32Array(cap);
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a);
  return b;
}

function growFloat64(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
