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
