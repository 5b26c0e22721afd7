export {
  TransactionTextReader,
  type RejectedLine,
  type TransactionTextOptions,
  type TransactionTextResult,
} from './TransactionTextReader.js';
export type { ColumnMap, ColumnRef } from './columnMapping.js';
export type { Delimiter } from './splitFields.js';
