import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { createSummaryTable, SUMMARY_TABLE } from './compressedSummaryWithDuckDb.js';
import { duckDbLiteral, type DuckDbSource } from './duckDbSource.js';
import { engineError } from './engineErrors.js';
import { withDuckDb } from './openDuckDb.js';
import { outputClause, type DuckDbOutputOptions } from './outputFormat.js';
import { readColumns } from './readColumns.js';
import { DUCKDB_SUMMARY_OPTION_KEYS, rejectUnknownDuckDbKeys, type DuckDbSummaryOptions } from './summarizeWithDuckDb.js';
import type { KeyList } from '../errors/knownKeys.js';

/** Options of {@link copySummaryWithDuckDb}: the summary's, the engine's, and the output. */
export interface CopySummaryWithDuckDbOptions extends DuckDbSummaryOptions, DuckDbOutputOptions {}

/**
 * Summarises transactions inside an embedded DuckDB and has DuckDB write the summary, one row per
 * customer in customer id order, with `summarySql`'s columns, to a Parquet, CSV or JSON file:
 * nothing per customer passes through JavaScript.
 * @param source - `{ csv }`, `{ parquet }` or `{ database, table }`.
 * @param options - As {@link summarizeWithDuckDb}, plus `output` (required) and `format`.
 * @returns The as-of date, time unit, periods and the number of customers written.
 * @throws {DuckDbDriverMissingError} when `@duckdb/node-api` is not installed.
 * @throws {InvalidInputError} as {@link summarizeWithDuckDb}, and for an output without a known format.
 * @example
 * ```ts
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { copySummaryWithDuckDb } from 'loyalty-score/duckdb';
 * const output = join(tmpdir(), 'loyalty-score-example-summary.parquet');
 * const done = await copySummaryWithDuckDb({ csv: 'examples/data/transactions.csv' }, { timeUnit: 'week', output });
 * done.customers; // => 3000
 * ```
 */
export async function copySummaryWithDuckDb(source: DuckDbSource, options: CopySummaryWithDuckDbOptions): Promise<{ readonly asOf: string; readonly timeUnit: TimeUnit; readonly periods: PeriodMode; readonly customers: number }> {
  rejectUnknownDuckDbKeys(options, COPY_SUMMARY_WITH_DUCKDB_OPTION_KEYS, 'copySummaryWithDuckDb');
  const clause = outputClause(options);
  const { output, format: _f, ...summary } = options;
  return withDuckDb(options, async (session) => {
    const resolved = await createSummaryTable(session, source, summary, 'copySummaryWithDuckDb');
    try {
      await session.run(`COPY (SELECT * FROM ${SUMMARY_TABLE} ORDER BY customer_id) TO ${duckDbLiteral(output)} ${clause}`);
    } catch (e) {
      throw engineError(e, 'copySummaryWithDuckDb');
    }
    const { columns } = await readColumns(session, `SELECT CAST(COUNT(*) AS DOUBLE) AS n FROM ${SUMMARY_TABLE}`, { n: 'number' });
    return { ...resolved, customers: columns.n[0] ?? 0 };
  });
}

/** The option names of {@link CopySummaryWithDuckDbOptions}. */
const COPY_SUMMARY_WITH_DUCKDB_OPTION_KEYS: KeyList<CopySummaryWithDuckDbOptions> = { ...DUCKDB_SUMMARY_OPTION_KEYS, output: true, format: true };
