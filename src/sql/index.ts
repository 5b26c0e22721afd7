export { SQL_DIALECTS, type SqlDialect } from './dialects.js';
export type { SqlSource } from './sqlLiterals.js';
export { summarySql, SUMMARY_SQL_COLUMNS, type SummarySqlOptions, type SqlTransactionColumns } from './summarySql.js';
export { compressedSummarySql, type CompressedSummarySql, type CompressedFromSummaryOptions } from './compressedSummarySql.js';
export { probabilityAliveSql, type ClosedFormAliveModel, type HistoryExpressions } from './probabilityAliveSql.js';
export { scoreSql, type ScoreSql, type ScoreSqlOptions, type ScorablePurchaseModel } from './scoreSql.js';
