/**
 * A customer identifier as it appears in the caller's records.
 */
export type CustomerId = string | number;

/**
 * One transaction as the caller hands it in, before validation.
 *
 * `date` may be a `Date`, an ISO 8601 string (`2024-03-01`, `2024-03-01T10:00:00Z`), epoch
 * milliseconds, or a string in the format declared by `dateFormat`.
 */
export interface TransactionInput {
  /** The customer's identifier: a non-empty string or a finite number. */
  customerId: CustomerId;
  /** When the purchase happened. Only the calendar day is kept. */
  date: Date | string | number;
  /** Revenue of the record in currency units. Negative amounts are returns (see `returns`). */
  amount: number;
  /** Cost of the goods or service sold, in currency units (optional; enables profit). */
  cost?: number | null | undefined;
  /** Number of items (optional). */
  quantity?: number | null | undefined;
  /** Order identifier: rows sharing one count as one purchase in RFM frequency (optional). */
  orderId?: string | number | null | undefined;
  /** Whether the purchase was made on promotion, with a reward or discount (optional). */
  promo?: boolean | null | undefined;
  /** Discount granted on the record, in currency units, `>= 0` (optional). */
  discount?: number | null | undefined;
}

/**
 * Validated transactions stored by column.
 *
 * Row `i` is customer `customerIds[customer[i]]`, on day `day[i]` (whole days since 1970-01-01,
 * the calendar date of the record), spending `amount[i]`. Optional columns are `null` when no
 * row carried the field; in a present column a row without the value holds `NaN` (numbers) or
 * `0` (flags), and `hasCost` etc. say which rows have it.
 *
 * Tables are plain data: functions never mutate them.
 */
export interface TransactionTable {
  /** Number of rows. */
  readonly length: number;
  /** Distinct customer ids, in first-seen order; `customer[i]` indexes this list. */
  readonly customerIds: readonly CustomerId[];
  /** Per row: index into `customerIds`. */
  readonly customer: Int32Array;
  /** Per row: calendar day as whole days since 1970-01-01 (UTC). */
  readonly day: Int32Array;
  /** Per row: revenue in currency units (negative for returns kept under `returns: 'net'`). */
  readonly amount: Float64Array;
  /** Per row: cost, or `NaN` where the row has none; `null` when no row has a cost. */
  readonly cost: Float64Array | null;
  /** Per row: quantity, or `NaN`; `null` when no row has one. */
  readonly quantity: Float64Array | null;
  /** Per row: interned order id (index into `orderIds`), or -1; `null` when no row has one. */
  readonly order: Int32Array | null;
  /** Distinct order ids; empty when `order` is `null`. */
  readonly orderIds: readonly (string | number)[];
  /** Per row: 1 when bought on promotion, 0 when not, 255 when unknown; `null` when never given. */
  readonly promo: Uint8Array | null;
  /** Per row: discount in currency units, or `NaN`; `null` when no row has one. */
  readonly discount: Float64Array | null;
  /**
   * `true` for count-only data: rows that carry no amount at all (a purchase log such as
   * `customer,date`, read from text without an amount or a price column, or parsed from rows
   * without `amount`); see {@link CountOnlyTransactionTable}. Absent or `false` otherwise.
   */
  readonly countOnly?: boolean;
}

/**
 * One count-only record: who bought and when, with no amount (a purchase log such as
 * `customer,date`). Only the purchase models apply to such data: summaries carry frequency,
 * recency and T with `null` money, and {@link scoreCustomerCounts} gives P(alive) and expected
 * purchases.
 */
export interface CountOnlyTransactionInput {
  /** The customer's identifier: a non-empty string or a finite number. */
  customerId: CustomerId;
  /** When the purchase happened. Only the calendar day is kept. */
  date: Date | string | number;
  /** Order identifier: rows sharing one count as one purchase in RFM frequency (optional). */
  orderId?: string | number | null | undefined;
  /** Whether the purchase was made on promotion, with a reward or discount (optional). */
  promo?: boolean | null | undefined;
  /** No amount: count-only data. */
  amount?: undefined;
}

/**
 * Validated count-only transactions stored by column: a {@link TransactionTable} whose rows carry
 * no amount. `amount` holds zeros and `cost` is `null`; `countOnly` is `true`, and functions that
 * need money (tiers, RFM monetary, spend, lifetime value) refuse it with a message saying so,
 * while summaries give `null` money fields.
 */
export interface CountOnlyTransactionTable extends Omit<TransactionTable, 'countOnly' | 'cost'> {
  readonly cost: null;
  readonly countOnly: true;
}
