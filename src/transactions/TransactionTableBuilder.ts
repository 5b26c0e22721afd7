import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { IssueCode } from '../errors/issues.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import type { RowCheckOptions } from './options.js';
import {
  dateOutOfRangeMessage,
  NEGATIVE_COST_MESSAGE,
  NEGATIVE_QUANTITY_MESSAGE,
  orderConflictMessage,
  resolveRowChecks,
  type CheckedField,
  type PositionLabel,
  type RefusedRow,
  type RowChecks,
} from './rowChecks.js';
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

/** Options of {@link TransactionTableBuilder}: the row rules of {@link RowCheckOptions}, and sizing. */
export interface TransactionTableBuilderOptions extends RowCheckOptions {
  /** Rows to allocate for up front (the columns double as they fill). @defaultValue `1024` */
  initialCapacity?: number;
  /** Show the refused value (a date) in messages. @defaultValue `false` */
  revealValues?: boolean;
}

/** The option names of {@link TransactionTableBuilderOptions}. @internal */
export const TABLE_BUILDER_OPTION_KEYS: KeyList<TransactionTableBuilderOptions> = { initialCapacity: true, revealValues: true, dateRange: true, negativeCost: true, orderIds: true };

/**
 * Builds a {@link TransactionTable} row by row into growing typed arrays, interning customer and
 * order ids. Used by {@link parseTransactions} and by the streaming file readers.
 *
 * Optional columns are only materialised once a row carries the field, and come out `null` when
 * no row did. Field types are not validated here (use it for values already read, as the file
 * readers do), but the rules every row must meet are (see {@link RowCheckOptions}): the date in
 * `dateRange`, no negative cost on a purchase unless `negativeCost: 'allow'`, no negative
 * quantity on a positive amount, and one customer and one day per order id unless
 * `orderIds: 'lenient'`. A row that breaks one throws an {@link InvalidInputError} naming it
 * (`row N`: the N-th row offered, from 0) and the field, and is not stored.
 *
 * Cost: O(1) per row (integer comparisons; order ids interned, with their first customer, day
 * and row kept per order id, not per row).
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
 * const strict = new TransactionTableBuilder({ dateRange: { from: '2000-01-01' } });
 * try {
 *   strict.append('bob', dayFromIso('1999-12-31'), 5);
 * } catch (e) {
 *   e.issues[0].path; // => [0, 'date']
 *   e.issues[0].code; // => 'date_out_of_range'
 * }
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
  private minDay = 0;
  private maxDay = 0;
  private allowNegativeCost = false;
  private lenientOrderIds = false;
  private checks!: RowChecks;
  /** Per order id: the customer, day and caller position of its first row. */
  private orderCustomer = new Int32Array(64);
  private orderDay = new Int32Array(64);
  private orderAt = new Float64Array(64);
  private conflicts = 0;
  /** Rows offered to {@link appendAt}, stored or refused. */
  private offered = 0;
  private positionOf: (() => number) | null = null;
  private label: PositionLabel = 'row';
  private refused: ((row: RefusedRow) => void) | null = null;

  /**
   * @param options - The row rules and sizing ({@link TransactionTableBuilderOptions}), or the
   *   initial capacity alone (then every rule has its default).
   * @throws {@link InvalidInputError} for an unknown option key (with the nearest valid name) or a bad value.
   */
  constructor(options: number | TransactionTableBuilderOptions = {}) {
    let capacity = 1024;
    if (typeof options === 'number') capacity = options;
    else {
      rejectUnknownKeys(options, TABLE_BUILDER_OPTION_KEYS, 'options', 'TransactionTableBuilder');
      const c = options.initialCapacity ?? 1024;
      if (typeof c !== 'number' || !(c >= 0) || !Number.isFinite(c)) throw new InvalidInputError([{ code: 'invalid_option', path: ['options', 'initialCapacity'], message: 'expected a finite number >= 0' }]);
      capacity = c;
    }
    this.useChecks(resolveRowChecks(typeof options === 'number' ? {} : options));
    this.capacity = Math.max(16, Math.min(capacity, 1 << 30) | 0);
    this.customer = new Int32Array(this.capacity);
    this.day = new Int32Array(this.capacity);
    this.amount = new Float64Array(this.capacity);
  }

  /**
   * A builder applying rules already resolved (by the row-policy resolution, for parsers and
   * readers that validated their options once).
   * @internal
   */
  static withChecks(initialCapacity: number, checks: RowChecks): TransactionTableBuilder {
    const builder = new TransactionTableBuilder(initialCapacity);
    builder.useChecks(checks);
    return builder;
  }

  private useChecks(checks: RowChecks): void {
    this.checks = checks;
    this.minDay = checks.range.minDay;
    this.maxDay = checks.range.maxDay;
    this.allowNegativeCost = checks.allowNegativeCost;
    this.lenientOrderIds = checks.lenientOrderIds;
  }

  /**
   * Rows whose order id was used before by another customer or on another day, kept under
   * `orderIds: 'lenient'` (under `'strict'` they are refused, so this stays 0).
   */
  get orderIdConflicts(): number {
    return this.conflicts;
  }

  /**
   * Sends refused rows to `sink` instead of throwing, with the caller's `position()` of the row
   * being appended (its input index, its line) in the refusal and in later order-id messages
   * (`label` names it). For parsers and readers, which collect or report the rows themselves.
   * @internal
   */
  refuseTo(position: () => number, label: PositionLabel, sink: (row: RefusedRow) => void): void {
    this.positionOf = position;
    this.label = label;
    this.refused = sink;
  }

  /** Number of rows appended so far. */
  get length(): number {
    return this.n;
  }

  /**
   * Appends one row of values already read (see {@link append}).
   * @returns `true` when stored; `false` when refused by a rule and handed to a reader's own sink.
   * @throws {@link InvalidInputError} for a row that breaks a rule.
   */
  push(row: ValidatedRow): boolean {
    return this.append(row.customerId, row.day, row.amount, row.cost, row.quantity, row.orderId, row.promo, row.discount);
  }

  /**
   * Appends one row. `cost`, `quantity` and `discount` are `NaN` when absent, `orderId` `null`,
   * `promo` 255.
   * @returns `true` when stored; `false` when refused by a rule and handed to a reader's own sink.
   * @throws {@link InvalidInputError} for a row that breaks a rule, naming it (the N-th row offered) and the field.
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
  ): boolean {
    const known = this.idIndex.get(customerId);
    const c = known ?? this.ids.length;
    // A new id is registered only once its row is stored: a refused row leaves no customer behind.
    if (!this.appendAt(c, day, amount, cost, quantity, orderId, promo, discount)) return false;
    if (known === undefined) {
      this.ids.push(customerId);
      this.idIndex.set(customerId, c);
    }
    return true;
  }

  /**
   * Appends one row for the customer at index `c` of ids registered with {@link addCustomerIds}.
   * For readers that intern ids themselves; do not mix with {@link append}. Checks the row rules
   * first: integer comparisons, and for an order id one map lookup and the comparison with the
   * customer and day of its first row.
   * @returns `true` when stored, `false` when refused (and sent to the sink).
   * @internal
   */
  appendAt(c: number, day: number, amount: number, cost: number, quantity: number, orderId: string | number | null, promo: number, discount: number): boolean {
    this.offered++;
    // `!(a && b)` so that a NaN day is refused too; the Int32 column never sees a wrapped day.
    if (!(day >= this.minDay && day <= this.maxDay)) return refuse(this, 'date', 'date_out_of_range', dateOutOfRangeMessage(day, this.checks));
    if (cost < 0 && amount >= 0 && !this.allowNegativeCost) return refuse(this, 'cost', 'negative_cost', NEGATIVE_COST_MESSAGE);
    if (quantity < 0 && amount > 0) return refuse(this, 'quantity', 'negative_quantity', NEGATIVE_QUANTITY_MESSAGE);
    let o = -1;
    if (orderId !== null) {
      const known = this.orderIndex.get(orderId);
      if (known === undefined) {
        o = this.orders.length;
        if (o === this.orderCustomer.length) this.growOrders();
        this.orderCustomer[o] = c;
        this.orderDay[o] = day;
        this.orderAt[o] = this.positionOf === null ? this.offered - 1 : this.positionOf();
        this.orders.push(orderId);
        this.orderIndex.set(orderId, o);
      } else {
        o = known;
        if (this.orderCustomer[o] !== c || this.orderDay[o] !== day) {
          if (!this.lenientOrderIds) return refuse(this, 'orderId', 'order_id_conflict', orderConflictMessage(this.label, this.orderAt[o]!, this.orderCustomer[o] !== c));
          this.conflicts++;
        }
      }
    }
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
    if (o >= 0) (this.order ??= new Int32Array(this.capacity).fill(-1))[i] = o;
    else if (this.order) this.order[i] = -1;
    return true;
  }

  /**
   * Refuses the row being appended: to the sink of {@link refuseTo}, or as an {@link InvalidInputError}.
   * @internal
   */
  refuseRow(field: CheckedField, code: IssueCode, message: string): false {
    const position = this.positionOf === null ? this.offered - 1 : this.positionOf();
    if (this.refused === null) throw new InvalidInputError([{ code, path: [position, field], message }]);
    this.refused({ position, field, code, message });
    return false;
  }

  private growOrders(): void {
    const cap = this.orderCustomer.length * 2;
    const customer = new Int32Array(cap);
    customer.set(this.orderCustomer);
    this.orderCustomer = customer;
    const day = new Int32Array(cap);
    day.set(this.orderDay);
    this.orderDay = day;
    const at = new Float64Array(cap);
    at.set(this.orderAt);
    this.orderAt = at;
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

/** Refuses the row `builder` is appending (a function, so that the issue-code test sees each code raised). */
function refuse(builder: TransactionTableBuilder, field: CheckedField, code: IssueCode, message: string): false {
  return builder.refuseRow(field, code, message);
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
