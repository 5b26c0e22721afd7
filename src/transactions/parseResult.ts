import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import type { CountOnlyTransactionTable, TransactionTable } from './types.js';

/** A row that did not pass validation, with every issue found in it. */
export interface RejectedRow {
  /** 0-based index of the row in the input. */
  readonly row: number;
  readonly issues: NonEmptyArray<InputIssue>;
}

/** Result of {@link parseTransactions}. */
export interface ParseTransactionsResult {
  /** The valid rows, by column. */
  readonly table: TransactionTable;
  /** The invalid rows (always empty with `onInvalid: 'throw'`). */
  readonly rejected: readonly RejectedRow[];
  /** Number of negative-amount rows left out under `returns: 'drop'`. */
  readonly returnsDropped: number;
  /**
   * Rows kept under `orderIds: 'lenient'` whose order id was used before by another customer or
   * on another day (0 under `'strict'`, where such rows are invalid).
   */
  readonly orderIdConflicts: number;
}

/** Result of {@link parseTransactions} on count-only rows (no row carries an amount). */
export interface ParseCountOnlyResult extends Omit<ParseTransactionsResult, 'table'> {
  /** The valid rows, by column, flagged `countOnly: true` (amounts zero, no cost). */
  readonly table: CountOnlyTransactionTable;
}
