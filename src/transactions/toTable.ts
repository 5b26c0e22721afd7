import type { RowInputOptions } from './options.js';
import { parseTransactions } from './parseTransactions.js';
import type { TransactionInput, TransactionTable } from './types.js';

/** A {@link TransactionTable} or plain transaction rows. */
export type TableOrRows = TransactionTable | readonly TransactionInput[];

/**
 * The table itself, or the rows parsed with `options.parse` (invalid rows throw unless the
 * caller chose `onInvalid: 'collect'`, in which case they are left out): how every area that
 * accepts either form reads its input.
 */
export function toTable(input: TableOrRows, options: RowInputOptions): TransactionTable {
  if (isTable(input)) return input;
  return parseTransactions(input, options.parse ?? {}).table;
}

function isTable(x: TableOrRows): x is TransactionTable {
  return !Array.isArray(x) && (x as TransactionTable).day instanceof Int32Array;
}
