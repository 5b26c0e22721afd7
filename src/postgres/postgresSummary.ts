import type { CompressedPurchaseRows, CompressedSpendRows } from '../duckdb/compressedSummaryWithDuckDb.js';
import { engineError } from '../duckdb/engineErrors.js';
import { invalidOption } from '../errors/InvalidInputError.js';
import { compressedSummarySql } from '../sql/compressedSummarySql.js';
import { summarySql, type SummarySqlOptions } from '../sql/summarySql.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { PostgresEngineError, type PostgresSession } from './openPostgres.js';

/** `summarySql`'s options without `dialect` and `source` (the table is given apart).*/
export type PostgresSummaryOptions = Omit<SummarySqlOptions, 'dialect' | 'source'>;

/** The temporary per-customer summary table every engine step reads.*/
export const PG_SUMMARY_TABLE = 'loyalty_summary';

/**
 * A table name as a quoted PostgreSQL identifier: a dot separates the schema, `"` is doubled,
 * control characters are refused, so that no name can inject SQL.
 *
 */
export function pgTable(name: string, option: string): string {
  const parts = typeof name === 'string' ? name.split('.') : [];
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => p.length === 0 || /[\u0000-\u001f\u007f-\u009f]/.test(p))) {
    invalidOption(option, 'expected a table name, optionally schema.table, without control characters');
  }
  return parts.map((p) => `"${p.replaceAll('"', '""')}"`).join('.');
}

/** Runs a statement, turning the checks summarySql raises into InvalidInputError and other server errors into PostgresEngineError.*/
export async function run(session: PostgresSession, sql: string, context: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> {
  try {
    return (await session.query(sql, params)).rows;
  } catch (e) {
    const mapped = engineError(e, context);
    if (mapped !== e) throw mapped;
    const code = (e as { code?: unknown } | null)?.code;
    if (code === '42P01') throw new PostgresEngineError(`${context}: ${(e as Error).message} (name it with --table, schema.table if it is not on the search path)`, { cause: e });
    throw new PostgresEngineError(`${context}: the server refused the query: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** The columns of a table, in order, with their type OIDs.*/
export async function tableColumns(session: PostgresSession, table: string, context: string): Promise<readonly { readonly name: string; readonly dataTypeID: number }[]> {
  try {
    return (await session.query(`SELECT * FROM ${pgTable(table, 'table')} LIMIT 0`)).fields;
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === '42P01') throw new PostgresEngineError(`${context}: no table ${table} on the server (${(e as Error).message})`, { cause: e });
    throw new PostgresEngineError(`${context}: cannot read the table ${table}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** The date expression of summarySql's `dateFormat` over a column, in PostgreSQL. */
function dateExpression(column: string, format: SummarySqlOptions['dateFormat']): string {
  if (format === 'iso') return `CAST(substr(CAST(${column} AS TEXT), 1, 10) AS DATE)`;
  if (format === 'yyyyMMdd') return `to_date(CAST(${column} AS TEXT), 'YYYYMMDD')`;
  return `CAST(${column} AS DATE)`;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Runs summarySql on the server into the temporary table {@link PG_SUMMARY_TABLE}, with the
 * default as-of date (the latest transaction date) made explicit so that it can be reported.
 *
 */
export async function createPostgresSummary(session: PostgresSession, table: string, options: PostgresSummaryOptions, context: string): Promise<{ readonly asOf: string; readonly timeUnit: TimeUnit; readonly periods: PeriodMode }> {
  const c = options.columns ?? {};
  const holdout = options.calibrationEnd !== undefined;
  let sqlOptions: SummarySqlOptions = { ...options, dialect: 'postgres', source: table.split('.') };
  let asOf = holdout ? String(options.calibrationEnd) : options.asOf === undefined ? null : String(options.asOf);
  if (asOf === null) {
    const date = dateExpression(`src.${quote(c.date ?? 'date')}`, options.dateFormat);
    const drop = options.returns === 'drop' ? ` WHERE CAST(src.${quote(c.amount ?? 'amount')} AS DOUBLE PRECISION) >= 0` : '';
    const rows = await run(session, `SELECT CAST(MAX(${date}) AS TEXT) AS latest FROM ${pgTable(table, 'table')} AS src${drop}`, context);
    const latest = rows[0]?.['latest'];
    if (typeof latest !== 'string') throw new PostgresEngineError(`${context}: the table ${table} has no transactions`);
    asOf = latest;
    sqlOptions = { ...sqlOptions, asOf };
  }
  await run(session, `DROP TABLE IF EXISTS ${PG_SUMMARY_TABLE}`, context);
  await run(session, `CREATE TEMP TABLE ${PG_SUMMARY_TABLE} AS ${summarySql(sqlOptions)}`, context);
  return { asOf: asOf.slice(0, 10), timeUnit: options.timeUnit ?? 'day', periods: options.periods ?? 'exact' };
}

/**
 * Groups the stored summary on the server (compressedSummarySql over {@link PG_SUMMARY_TABLE})
 * and reads the distinct rows, sorted, as the fits' weighted columns.
 *
 */
export async function readPostgresCompressedRows(session: PostgresSession, context: string): Promise<{ readonly purchase: CompressedPurchaseRows; readonly spend: CompressedSpendRows; readonly customers: number }> {
  const sql = compressedSummarySql({ dialect: 'postgres', summary: PG_SUMMARY_TABLE });
  const p = await run(session, `SELECT * FROM (${sql.purchases}) AS g ORDER BY 1, 2, 3`, context);
  const s = await run(session, `SELECT * FROM (${sql.spend}) AS g ORDER BY 1, 2`, context);
  const col = (rows: readonly Record<string, unknown>[], k: string): Float64Array => Float64Array.from(rows, (r) => r[k] as number);
  const weights = col(p, 'weight');
  let customers = 0;
  for (const w of weights) customers += w;
  return {
    purchase: { frequency: col(p, 'frequency'), recency: col(p, 'recency'), T: col(p, 'T'), weights },
    spend: { frequency: col(s, 'frequency'), monetaryValue: col(s, 'monetary_value'), weights: col(s, 'weight') },
    customers,
  };
}

/**
 * Reads a query's rows in batches through a server-side cursor (inside a transaction), so that
 * millions of rows never sit in memory at once.
 *
 */
export async function fetchInBatches(session: PostgresSession, sql: string, batch: number, onBatch: (rows: Record<string, unknown>[], fields: readonly { readonly name: string }[]) => Promise<void>, context: string): Promise<number> {
  let total = 0;
  await run(session, 'BEGIN', context);
  try {
    await run(session, `DECLARE loyalty_cursor NO SCROLL CURSOR FOR ${sql}`, context);
    for (;;) {
      let result: Awaited<ReturnType<PostgresSession['query']>>;
      try {
        result = await session.query(`FETCH FORWARD ${batch} FROM loyalty_cursor`);
      } catch (e) {
        // The summary's checks raise while rows are fetched.
        const mapped = engineError(e, context);
        throw mapped !== e ? mapped : new PostgresEngineError(`${context}: the server refused the query: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      if (result.rows.length === 0 && total > 0) break;
      await onBatch(result.rows, result.fields);
      total += result.rows.length;
      if (result.rows.length < batch) break;
    }
    await run(session, 'COMMIT', context);
  } catch (e) {
    await session.query('ROLLBACK').catch(() => {});
    throw e;
  }
  return total;
}
