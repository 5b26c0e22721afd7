// loyalty-score/duckdb: the summaries, fits and scores on transactions DuckDB reads (CSV and
// Parquet files, globs, tables of a .duckdb file). Node only; needs the optional peer
// dependency @duckdb/node-api. This file only re-exports.
export { DuckDbDriverMissingError } from './loadDuckDbDriver.js';
export type { DuckDbSource } from './duckDbSource.js';
export type { DuckDbEngineOptions } from './openDuckDb.js';
export { summarizeWithDuckDb, type DuckDbSummary, type DuckDbSummaryOptions, type DuckDbHoldoutColumns } from './summarizeWithDuckDb.js';
export {
  compressedSummaryWithDuckDb,
  type CompressedSummary,
  type CompressedPurchaseRows,
  type CompressedSpendRows,
} from './compressedSummaryWithDuckDb.js';
export { fitCompressedSummary, type CompressedFitOptions } from './fitCompressedSummary.js';
export { scoreWithDuckDb, DUCKDB_SCORE_COLUMNS, type ScoreWithDuckDbOptions, type DuckDbScores } from './scoreWithDuckDb.js';
export { copySummaryWithDuckDb, type CopySummaryWithDuckDbOptions } from './copySummaryWithDuckDb.js';
export { duckDbSourceColumns } from './sourceColumns.js';
export type { DuckDbOutputFormat, DuckDbOutputOptions } from './outputFormat.js';
