export type { CountOnlyTransactionInput, CountOnlyTransactionTable, CustomerId, TransactionInput, TransactionTable } from './types.js';
export {
  parseTransactions,
  type ParseTransactionsOptions,
  type ParseCountOnlyResult,
  type ParseTransactionsResult,
  type RejectedRow,
} from './parseTransactions.js';
export type { AsOfOptions, InvalidRowPolicy, NegativeCostPolicy, OrderIdPolicy, ReturnsPolicy, RowCheckOptions, RowInputOptions, RowPolicyOptions } from './options.js';
export { TransactionTableBuilder } from './TransactionTableBuilder.js';
export type { TransactionTableBuilderOptions, ValidatedRow } from './tableBuilderOptions.js';
export { parseTransactionBatches } from './parseTransactionBatches.js';
export type { TableOrRows } from './toTable.js';
