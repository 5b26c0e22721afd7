import type { TransactionTable } from './types.js';

/** The columns of one filled block of rows; an optional column is null when the block holds none of it. */
interface Block {
  readonly size: number;
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly cost: Float64Array | null;
  readonly quantity: Float64Array | null;
  readonly discount: Float64Array | null;
  readonly order: Int32Array | null;
  readonly promo: Uint8Array | null;
}

/** Largest block allocated at once (rows). */
const MAX_BLOCK = 1 << 24;

/**
 * The growing columns of a {@link TransactionTableBuilder}, in blocks: when the current block is
 * full, it is kept as it is and a new one (as large as all rows so far, so the blocks double) is
 * started, so no row is copied while rows are appended; {@link columns} copies every row once
 * into columns of the exact length. Optional columns (cost, quantity, discount, order, promo)
 * are only allocated from the row that first carries one; earlier rows read as absent (`NaN`,
 * order `-1`, promo `255`).
 *
 * The builder writes row `k` of the current block straight into the public arrays
 * ({@link customer}, ...), with `k` from {@link next}.
 * @internal
 */
export class TableColumns {
  /** Rows in the filled blocks before the current one. */
  private base = 0;
  /** Rows written to the current block. */
  private used = 0;
  private size: number;
  private readonly filled: Block[] = [];
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  cost: Float64Array | null = null;
  quantity: Float64Array | null = null;
  discount: Float64Array | null = null;
  order: Int32Array | null = null;
  promo: Uint8Array | null = null;

  /** @param capacity - Rows of the first block. */
  constructor(capacity: number) {
    this.size = capacity;
    this.customer = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
  }

  /** Rows stored. */
  get length(): number {
    return this.base + this.used;
  }

  /** The index in the current block of the next row (a new block is started when it is full). */
  next(): number {
    if (this.used === this.size) this.startBlock();
    return this.used++;
  }

  /** The current block's cost column, allocated (earlier rows `NaN`) when absent. */
  costColumn(): Float64Array {
    return (this.cost ??= this.nanColumn());
  }

  quantityColumn(): Float64Array {
    return (this.quantity ??= this.nanColumn());
  }

  discountColumn(): Float64Array {
    return (this.discount ??= this.nanColumn());
  }

  orderColumn(): Int32Array {
    return (this.order ??= new Int32Array(this.size).fill(-1, 0, this.used));
  }

  promoColumn(): Uint8Array {
    return (this.promo ??= new Uint8Array(this.size).fill(255, 0, this.used));
  }

  /** Re-dates stored row `i`. */
  setDay(i: number, day: number): void {
    if (i >= this.base) {
      this.day[i - this.base] = day;
      return;
    }
    let at = 0;
    for (const b of this.filled) {
      if (i < at + b.size) {
        b.day[i - at] = day;
        return;
      }
      at += b.size;
    }
  }

  /** Sets the customer of stored rows `from .. from + n - 1` to `customers[0..n)`. */
  setCustomers(from: number, customers: Int32Array, n: number): void {
    let i = 0;
    let at = 0;
    for (const b of this.filled) {
      if (i === n) return;
      const row = from + i;
      if (row < at + b.size) {
        const take = Math.min(n - i, at + b.size - row);
        b.customer.set(customers.subarray(i, i + take), row - at);
        i += take;
      }
      at += b.size;
    }
    if (i < n) this.customer.set(customers.subarray(i, n), from + i - this.base);
  }

  /**
   * The rows stored so far as exact-length columns (as {@link columns}); the columns then start
   * empty again, with a first block of `capacity` rows. For readers that hand rows on in chunks.
   */
  take(capacity: number): ReturnType<TableColumns['columns']> {
    const out = this.columns();
    this.filled.length = 0;
    this.base = 0;
    this.used = 0;
    this.size = capacity;
    this.customer = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.cost = this.quantity = this.discount = null;
    this.order = null;
    this.promo = null;
    return out;
  }

  /** The rows as exact-length columns (optional ones null when no row carried them). */
  columns(): Pick<TransactionTable, 'customer' | 'day' | 'amount' | 'cost' | 'quantity' | 'discount' | 'order' | 'promo'> {
    const blocks = [...this.filled, this.block(this.used)];
    const n = this.length;
    const join = <A extends Int32Array | Float64Array | Uint8Array>(pick: (b: Block) => A | null, make: (n: number) => A, absent: number): A | null => {
      if (!blocks.some((b) => pick(b) !== null)) return null;
      const out = make(n);
      let at = 0;
      for (const b of blocks) {
        const col = pick(b);
        if (col === null) out.fill(absent, at, at + b.size);
        else out.set(col.subarray(0, b.size), at);
        at += b.size;
      }
      return out;
    };
    const f64 = (k: number): Float64Array => new Float64Array(k);
    const i32 = (k: number): Int32Array => new Int32Array(k);
    return {
      customer: join((b) => b.customer, i32, 0)!,
      day: join((b) => b.day, i32, 0)!,
      amount: join((b) => b.amount, f64, 0)!,
      cost: join((b) => b.cost, f64, Number.NaN),
      quantity: join((b) => b.quantity, f64, Number.NaN),
      discount: join((b) => b.discount, f64, Number.NaN),
      order: join((b) => b.order, i32, -1),
      promo: join((b) => b.promo, (k) => new Uint8Array(k), 255),
    };
  }

  private block(size: number): Block {
    return { size, customer: this.customer, day: this.day, amount: this.amount, cost: this.cost, quantity: this.quantity, discount: this.discount, order: this.order, promo: this.promo };
  }

  private startBlock(): void {
    this.filled.push(this.block(this.used));
    this.base += this.used;
    const size = Math.min(MAX_BLOCK, Math.max(this.size, this.base));
    this.size = size;
    this.used = 0;
    this.customer = new Int32Array(size);
    this.day = new Int32Array(size);
    this.amount = new Float64Array(size);
    // A column carried so far stays allocated: every row then writes it.
    if (this.cost) this.cost = new Float64Array(size);
    if (this.quantity) this.quantity = new Float64Array(size);
    if (this.discount) this.discount = new Float64Array(size);
    if (this.order) this.order = new Int32Array(size);
    if (this.promo) this.promo = new Uint8Array(size);
  }

  private nanColumn(): Float64Array {
    return new Float64Array(this.size).fill(Number.NaN, 0, this.used);
  }
}
