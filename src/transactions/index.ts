/**
 * Transaction rows in: {@link parseTransactions} validates rows of `{ customerId, date, amount }`
 * into a columnar {@link TransactionTable}, {@link parseTransactionBatches} does the same for an
 * async iterable of row batches, and {@link TransactionTableBuilder} appends rows already parsed.
 * The row options (date format, invalid-row policy, returns) are declared here once and shared by
 * every function that reads rows. Guide: [summaries](../../docs/summaries.md).
 *
 * Import from `loyalty-score`.
 *
 * @module input
 */
export type { CustomerId, TransactionInput, TransactionTable } from './types.js';
export {
  parseTransactions,
  type ParseTransactionsOptions,
  type ParseTransactionsResult,
  type RejectedRow,
} from './parseTransactions.js';
export type { AsOfOptions, InvalidRowPolicy, ReturnsPolicy, RowInputOptions, RowPolicyOptions } from './options.js';
export { TransactionTableBuilder, type ValidatedRow } from './TransactionTableBuilder.js';
export { parseTransactionBatches } from './parseTransactionBatches.js';
export type { TableOrRows } from './toTable.js';
