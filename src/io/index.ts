export {
  TransactionTextReader,
  type RejectedLine,
  type TransactionTextOptions,
  type TextResultParts,
  type TransactionTextResult,
} from './TransactionTextReader.js';
export { COLUMN_SYNONYMS, type AmountSource, type ColumnMap, type ColumnRef, type Field } from './columnMapping.js';
export { AUTO_DATE_FORMATS } from './detectDateFormat.js';
export type { Delimiter } from './splitFields.js';
export type { TextEncoding } from './utf8.js';
