/**
 * Summaries, fits and scores on transactions an embedded DuckDB reads: CSV and Parquet files
 * (globs too) and tables of a `.duckdb` file. The summary is `summarySql` run by DuckDB; only the
 * distinct (x, t_x, T) and (x, mean spend) rows with their counts come to JavaScript for the
 * fits, and DuckDB writes the per-customer rows. Node only; needs the optional peer dependency
 * `@duckdb/node-api` (`npm install @duckdb/node-api`). The guide is `docs/large-data.md`.
 *
 * @module loyalty-score/duckdb
 */
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
