export type { CustomerId, TransactionInput, TransactionTable } from './types.js';
export {
  parseTransactions,
  type InvalidRowPolicy,
  type ParseTransactionsOptions,
  type ParseTransactionsResult,
  type RejectedRow,
  type ReturnsPolicy,
} from './parseTransactions.js';
export { TransactionTableBuilder, type ValidatedRow } from './TransactionTableBuilder.js';
