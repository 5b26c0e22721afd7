// The PostgreSQL engine of the CLI (`--engine postgres`): summarySql and compressedSummarySql run
// on the server, the fits here on the distinct rows, scoreSql's join written back to a table.
// Node only; needs the optional peer dependency `pg`. Internal: applications that hold their
// own connection use the SQL functions of the root package directly (docs/large-data.md).
export { loadPgDriver, PgDriverMissingError } from './loadPgDriver.js';
export { describeTarget, openPostgres, PostgresEngineError, withPostgres, type PostgresSession } from './openPostgres.js';
export { createPostgresSummary, fetchInBatches, PG_SUMMARY_TABLE, pgTable, readPostgresCompressedRows, run as runPostgres, tableColumns, type PostgresSummaryOptions } from './postgresSummary.js';
export { scoreWithPostgres, type PostgresScoreOptions, type PostgresScores } from './scoreWithPostgres.js';
