import { parseTransactions } from '../transactions/parseTransactions.js';
import type { TransactionInput, TransactionTable } from '../transactions/types.js';
import type { RowInputOptions } from './options.js';

/** A {@link TransactionTable} or plain transaction rows. */
export type TableOrRows = TransactionTable | readonly TransactionInput[];

/**
 * The table itself, or the rows parsed with `options.parse` (invalid rows throw unless the
 * caller chose `onInvalid: 'collect'`, in which case they are left out).
 * @internal
 */
export function toTable(input: TableOrRows, options: RowInputOptions): TransactionTable {
  if (isTable(input)) return input;
  return parseTransactions(input, options.parse ?? {}).table;
}

function isTable(x: TableOrRows): x is TransactionTable {
  return !Array.isArray(x) && (x as TransactionTable).day instanceof Int32Array;
}
