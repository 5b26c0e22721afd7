import type { DateLike } from '../time/toEpochDay.js';

/** What to do with returns and refunds (rows with a negative amount). */
export type ReturnsPolicy = 'net' | 'drop' | 'reject';

/** What to do with invalid rows. */
export type InvalidRowPolicy = 'throw' | 'collect';

/**
 * Options fragment: how transaction rows are read. Declared once here and shared by
 * {@link parseTransactions}, {@link TransactionTextReader} and everything that accepts plain rows.
 */
export interface RowPolicyOptions {
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
