import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { IssueCode } from '../errors/issues.js';
import { rejectUnknownKeys } from '../errors/knownKeys.js';
import { OrderIdRegistry } from './orderIdRegistry.js';
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
import { TABLE_BUILDER_OPTION_KEYS, type TransactionTableBuilderOptions, type ValidatedRow } from './tableBuilderOptions.js';
import { TableColumns } from './TableColumns.js';
import type { CustomerId, TransactionTable } from './types.js';

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
  private n = 0;
  /** Rows handed on by {@link takeRows}: row `i` of the input is row `i - taken` of the columns. */
  private taken = 0;
  private readonly idIndex = new Map<CustomerId, number>();
  private ids: CustomerId[] = [];
  private readonly orders = new OrderIdRegistry();
  private readonly cols: TableColumns;
  /**
   * The money and quantity of the row {@link appendValues} appends: amount, cost, quantity,
   * discount (`NaN` when absent). Readers write them here, so no number is boxed per row.
   * @internal
   */
  readonly values = new Float64Array(4);
  private minDay = 0;
  private maxDay = 0;
  private allowNegativeCost = false;
  private lenientOrderIds = false;
  private checks!: RowChecks;
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
    this.cols = new TableColumns(Math.max(16, Math.min(capacity, 1 << 30) | 0));
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

  /** Rows whose order id was used before by another customer or on another day, kept under `orderIds: 'lenient'` (0 under `'strict'`). */
  get orderIdConflicts(): number {
    return this.conflicts;
  }

  /**
   * Sends refused rows to `sink` instead of throwing, with the caller's `position()` of the row
   * (its input index, its line; `label` names it) in the refusal and later order-id messages. @internal
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

  /** Rows appended and still held (not handed on by {@link takeRows}). @internal */
  get held(): number {
    return this.n - this.taken;
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
    const v = this.values;
    v[0] = amount;
    v[1] = cost;
    v[2] = quantity;
    v[3] = discount;
    return this.appendValues(c, day, orderId, promo);
  }

  /**
   * {@link appendAt} with the amount, cost, quantity and discount already in {@link values}.
   * @internal
   */
  appendValues(c: number, day: number, orderId: string | number | null, promo: number): boolean {
    const v = this.values;
    const amount = v[0]!;
    const cost = v[1]!;
    const quantity = v[2]!;
    const discount = v[3]!;
    this.offered++;
    // `!(a && b)` so that a NaN day is refused too; the Int32 column never sees a wrapped day.
    if (!(day >= this.minDay && day <= this.maxDay)) return refuse(this, 'date', 'date_out_of_range', dateOutOfRangeMessage(day, this.checks));
    if (cost < 0 && amount >= 0 && !this.allowNegativeCost) return refuse(this, 'cost', 'negative_cost', NEGATIVE_COST_MESSAGE);
    if (quantity < 0 && amount > 0) return refuse(this, 'quantity', 'negative_quantity', NEGATIVE_QUANTITY_MESSAGE);
    const o = orderId === null ? -1 : this.orderIndexOf(orderId, c, day);
    if (o === -2) return false;
    const cols = this.cols;
    const k = cols.next();
    this.n++;
    cols.customer[k] = c;
    cols.day[k] = day;
    cols.amount[k] = amount;
    if (cost === cost) (cols.cost ?? cols.costColumn())[k] = cost;
    else if (cols.cost) cols.cost[k] = Number.NaN;
    if (quantity === quantity) (cols.quantity ?? cols.quantityColumn())[k] = quantity;
    else if (cols.quantity) cols.quantity[k] = Number.NaN;
    if (discount === discount) (cols.discount ?? cols.discountColumn())[k] = discount;
    else if (cols.discount) cols.discount[k] = Number.NaN;
    if (promo !== 255) (cols.promo ?? cols.promoColumn())[k] = promo;
    else if (cols.promo) cols.promo[k] = 255;
    if (o >= 0) (cols.order ?? cols.orderColumn())[k] = o;
    else if (cols.order) cols.order[k] = -1;
    return true;
  }

  /** The index of `orderId` (registered with its customer and day when new); -2 when the row is refused for a conflict. */
  private orderIndexOf(orderId: string | number, c: number, day: number): number {
    const orders = this.orders;
    const known = orders.find(orderId);
    if (known < 0) return orders.add(orderId, c, day, this.positionOf === null ? this.offered - 1 : this.positionOf());
    if (!orders.matches(known, c, day)) {
      if (!this.lenientOrderIds) {
        refuse(this, 'orderId', 'order_id_conflict', orderConflictMessage(this.label, orders.firstAt(known), orders.customerOf(known) !== c));
        return -2;
      }
      this.conflicts++;
    }
    return known;
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

  /** Re-dates row `i` (already appended): for readers that learn a file's date format late. @internal */
  setDay(i: number, day: number): void {
    this.cols.setDay(i - this.taken, day);
  }

  /**
   * Sets the customer of rows `from` to `from + n - 1` (already appended) to `customers[0..n)`:
   * for readers that intern a batch of rows' ids after appending them.
   * @internal
   */
  setCustomers(from: number, customers: Int32Array, n: number): void {
    this.cols.setCustomers(from - this.taken, customers, n);
  }

  /** Makes `ids` (kept, not copied: the caller may keep pushing to it) the customer ids, index = position, for {@link appendAt}. @internal */
  addCustomerIds(ids: CustomerId[]): void {
    this.ids = ids;
  }

  /**
   * The rows appended since the last call as a table, no longer held afterwards (for readers that
   * summarise a long input chunk by chunk). `customerIds` and `orderIds` are the builder's growing
   * arrays, so an index means the same in every chunk; {@link setDay} and {@link setCustomers}
   * keep whole-input row indices. @internal
   */
  takeRows(): TransactionTable {
    const rows = this.n - this.taken;
    const c = this.cols.take(Math.max(1024, Math.min(rows, 1 << 20)));
    this.taken = this.n;
    return this.table(rows, c);
  }

  /** Returns the table, trimmed to the rows appended (those not yet handed on in chunks). The builder must not be used afterwards. */
  finish(): TransactionTable {
    return this.table(this.n - this.taken, this.cols.columns());
  }

  private table(length: number, c: ReturnType<TableColumns['columns']>): TransactionTable {
    return { length, customerIds: this.ids, customer: c.customer, day: c.day, amount: c.amount, cost: c.cost, quantity: c.quantity, order: c.order, orderIds: this.orders.ids, promo: c.promo, discount: c.discount };
  }
}

/** Refuses the row `builder` is appending (a function, so that the issue-code test sees each code raised). */
function refuse(builder: TransactionTableBuilder, field: CheckedField, code: IssueCode, message: string): false {
  return builder.refuseRow(field, code, message);
}
