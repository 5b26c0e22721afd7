import type { DateLike, DateRangeOption } from '../time/dateRange.js';

/** What to do with returns and refunds (rows with a negative amount). */
export type ReturnsPolicy = 'net' | 'drop' | 'reject';

/** What to do with invalid rows. */
export type InvalidRowPolicy = 'throw' | 'collect';

/** What to do with a negative cost on a purchase (profit above revenue). */
export type NegativeCostPolicy = 'error' | 'allow';

/** What to do with one order id used by two customers or on two days. */
export type OrderIdPolicy = 'strict' | 'lenient';

/**
 * Options fragment: the rules every stored row must meet, whoever reads it. Checked by
 * {@link TransactionTableBuilder} as rows are appended, so {@link parseTransactions},
 * {@link parseTransactionBatches} and the text reader all apply them. See docs/input.md,
 * "Rules every row meets".
 */
export interface RowCheckOptions {
  /**
   * The accepted transaction dates, both ends inclusive. A row dated outside is invalid
   * (`date_out_of_range`, naming the row and `date`).
   * @defaultValue `{ from: '1900-01-01', to: '2199-12-31' }`
   */
  dateRange?: DateRangeOption;
  /**
   * A purchase (amount `>= 0`) with a negative cost, whose profit would exceed its revenue:
   * `'error'` makes the row invalid (`negative_cost`, naming the row and `cost`); `'allow'`
   * keeps it, for businesses where it is real (a supplier rebate or a bonus larger than the
   * cost of the goods). A return (negative amount) may always carry a negative cost: the cost of
   * the goods taken back.
   * @defaultValue `'error'`
   */
  negativeCost?: NegativeCostPolicy;
  /**
   * One order id on rows of two customers or of two days. `'strict'`: the later row is invalid
   * (`order_id_conflict`, naming the field `orderId` and both rows). `'lenient'`: the rows are
   * kept and counted in `orderIdConflicts`; summaries then count the order once for each
   * customer who uses it, and its rows on different days as purchases on those days.
   * @defaultValue `'strict'`
   */
  orderIds?: OrderIdPolicy;
}

/**
 * Options fragment: how transaction rows are read. Declared once here and shared by
 * {@link parseTransactions}, {@link TransactionTextReader} and everything that accepts plain rows.
 */
export interface RowPolicyOptions extends RowCheckOptions {
  /**
   * How string dates are written: `'iso'` (`yyyy-MM-dd`, optionally with a time that is ignored)
   * or a date-fns format string such as `'yyyyMMdd'` or `'dd/MM/yyyy'`. With a format other than
   * `'iso'`, numeric dates are read as digits in that format (`19970101` with `'yyyyMMdd'`);
   * with `'iso'` they are epoch milliseconds. `Date` objects and epoch milliseconds give their
   * UTC calendar date.
   * @defaultValue `'iso'`
   */
  dateFormat?: string;
  /**
   * Invalid rows: `'throw'` an {@link InvalidInputError} carrying every issue, or `'collect'`
   * them in `rejected` and go on with the valid rows.
   * @defaultValue `'throw'`
   */
  onInvalid?: InvalidRowPolicy;
  /**
   * Rows with a negative amount: `'net'` keeps them as returns (they reduce revenue, cost and
   * profit totals but are not purchases), `'drop'` leaves them out (counted in
   * `returnsDropped`), `'reject'` treats them as invalid rows.
   * @defaultValue `'net'`
   */
  returns?: ReturnsPolicy;
  /**
   * Include the offending raw value in issue messages. Off by default: transaction data is
   * personal data and error messages end up in logs.
   * @defaultValue `false`
   */
  revealValues?: boolean;
}

/** Options fragment: how rows are read when plain objects are passed instead of a table. */
export interface RowInputOptions {
  /** Options for {@link parseTransactions} when rows are given. @defaultValue `{}` */
  parse?: RowPolicyOptions;
}

/** Options fragment: the end of observation, and what happens to rows after it. */
export interface AsOfOptions {
  /**
   * The as-of date: end of observation, from which recency, tenure and T are measured
   * (inclusive). A `yyyy-MM-dd` string, a `Date` or epoch milliseconds (its UTC date).
   * @defaultValue the latest transaction date in the data
   */
  asOf?: DateLike;
  /**
   * Transactions dated after `asOf`: `'exclude'` leaves them out and counts them in
   * `excluded.rowsAfterAsOf`; `'reject'` throws an {@link InvalidInputError} naming them.
   * @defaultValue `'exclude'`
   */
  afterAsOf?: 'exclude' | 'reject';
}
