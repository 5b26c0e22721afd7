import type { SqlTransactionColumns, SummarySqlOptions } from '../sql/summarySql.js';
import { SQL_TRANSACTION_COLUMN_KEYS, SUMMARY_SQL_OPTION_KEYS, summarySql } from '../sql/summarySql.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import type { SummaryColumns } from '../summary/summaryColumns.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { attachStatement, duckDbIdentifier, sourceQuery, type DuckDbSource } from './duckDbSource.js';
import { engineError } from './engineErrors.js';
import { withDuckDb, type DuckDbEngineOptions, type DuckDbSession } from './openDuckDb.js';
import { readColumns } from './readColumns.js';

/** Options of {@link summarizeWithDuckDb}: `summarySql`'s (without `dialect` and `source`) and the engine's. */
export interface DuckDbSummaryOptions extends Omit<SummarySqlOptions, 'dialect' | 'source' | 'timeUnit' | 'periods' | 'asOf' | 'calibrationEnd'>, DuckDbEngineOptions {
  /** Unit of every duration, as in `summarizeCustomers`: `'day'`, `'week'`, `'month'` or `'year'`. @defaultValue `'day'` */
  readonly timeUnit?: NonNullable<SummarySqlOptions['timeUnit']>;
  /** `'exact'` or `'calendar'` periods, as in `summarizeCustomers`. @defaultValue `'exact'` */
  readonly periods?: NonNullable<SummarySqlOptions['periods']>;
  /** End of observation (inclusive), as in `summarizeCustomers`; not with `calibrationEnd`. @defaultValue the latest transaction date in the source */
  readonly asOf?: NonNullable<SummarySqlOptions['asOf']>;
  /**
   * Makes the summary the calibration summary of `calibrationAndHoldout` (as of this date,
   * customers first buying later left out) with the holdout columns up to `observationEnd`.
   * @defaultValue none (no holdout)
   */
  readonly calibrationEnd?: NonNullable<SummarySqlOptions['calibrationEnd']>;
}

/** The holdout columns of a summary with `calibrationEnd`, in the order of its customers. */
export interface DuckDbHoldoutColumns {
  /** Last holdout day, `yyyy-MM-dd`. */
  readonly observationEnd: string;
  /** Distinct purchase periods in the holdout. */
  readonly frequency: Float64Array;
  /** Mean spend of the holdout purchase periods; 0 without any. */
  readonly monetaryValue: Float64Array;
  /** Length of the holdout, in the time unit. */
  readonly duration: Float64Array;
}

/** What {@link summarizeWithDuckDb} returns. */
export interface DuckDbSummary {
  /** End of observation, `yyyy-MM-dd` (the calibration end with `calibrationEnd`). */
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  /** Customers with at least one purchase up to `asOf`, in customer id order (`tableIndex` is `0, 1, 2, …`). */
  readonly columns: SummaryColumns;
  /** The holdout columns with `calibrationEnd`, else `null`. */
  readonly holdout: DuckDbHoldoutColumns | null;
}

/** The date expression of summarySql's `dateFormat`, in DuckDB, over a raw column. */
function dateExpression(column: string, format: SummarySqlOptions['dateFormat']): string {
  if (format === 'iso') return `CAST(substr(CAST(${column} AS VARCHAR), 1, 10) AS DATE)`;
  if (format === 'yyyyMMdd') return `CAST(strptime(CAST(${column} AS VARCHAR), '%Y%m%d') AS DATE)`;
  return `CAST(${column} AS DATE)`;
}

/**
 * The latest transaction date of the source (rows with negative amounts left out under
 * `returns: 'drop'`), as `yyyy-MM-dd`, or `null` for an empty source: the default `asOf` (or
 * `observationEnd`) of the JS path, made explicit so that the result can report it.
 * @internal
 */
export async function latestDate(session: DuckDbSession, source: DuckDbSource, options: { readonly columns?: SqlTransactionColumns; readonly dateFormat?: SummarySqlOptions['dateFormat']; readonly returns?: SummarySqlOptions['returns'] }): Promise<string | null> {
  const c = options.columns ?? {};
  const date = dateExpression(`src.${duckDbIdentifier(c.date ?? 'date')}`, options.dateFormat);
  const drop = options.returns === 'drop' ? ` WHERE CAST(src.${duckDbIdentifier(c.amount ?? 'amount')} AS DOUBLE) >= 0` : '';
  const { columns } = await readColumns(session, `SELECT CAST(MAX(${date}) AS VARCHAR) AS latest FROM (${sourceQuery(source)}) AS src${drop}`, { latest: 'text' });
  const latest = columns.latest[0];
  return latest === undefined || latest === '' ? null : latest;
}

/**
 * Attaches a database source, fills in the default `asOf` / `observationEnd`, and gives the
 * summary query over the source with the options resolved.
 * @internal
 */
export async function prepareSummary(session: DuckDbSession, source: DuckDbSource, options: DuckDbSummaryOptions, context: string): Promise<{ readonly sql: string; readonly sqlOptions: SummarySqlOptions; readonly asOf: string | null; readonly observationEnd: string | null }> {
  const { memoryLimit: _m, threads: _t, tempDirectory: _d, ...rest } = options;
  const query = sourceQuery(source);
  const attach = attachStatement(source);
  try {
    if (attach !== null) await session.run(attach);
    const holdout = rest.calibrationEnd !== undefined;
    const needsLatest = holdout ? rest.observationEnd === undefined : rest.asOf === undefined;
    const latest = needsLatest ? await latestDate(session, source, rest) : null;
    const sqlOptions: SummarySqlOptions = {
      ...rest,
      dialect: 'duckdb',
      source: { query },
      ...(latest !== null ? (holdout ? { observationEnd: latest } : { asOf: latest }) : {}),
    };
    const asOf = holdout ? isoOf(rest.calibrationEnd) : (latest ?? isoOf(rest.asOf));
    const observationEnd = holdout ? (latest ?? isoOf(rest.observationEnd)) : null;
    return { sql: summarySql(sqlOptions), sqlOptions, asOf, observationEnd };
  } catch (e) {
    throw engineError(e, context);
  }
}

function isoOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const d = value instanceof Date ? value : new Date(value as number);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/**
 * Summarises transactions inside an embedded DuckDB: the `summarySql` query over CSV files, Parquet
 * files (globs too) or a table in a `.duckdb` file, read back as columns. The numbers are those of
 * `summarizeCustomerColumns` on the same rows (counts and dates identical, durations and money
 * within 1e-9: the engine sums in another order); only the summary columns, one entry per customer,
 * reach JavaScript, never the transactions. With `memoryLimit` DuckDB spills to disk past it.
 *
 * Memory: about 110 bytes per customer in JavaScript (ten `Float64Array` entries, two day
 * numbers and the id); the transactions stay in DuckDB. For the fits alone use
 * {@link compressedSummaryWithDuckDb}, which returns distinct rows with counts.
 *
 * @param source - `{ csv }`, `{ parquet }` or `{ database, table }`.
 * @param options - `summarySql`'s options (columns, dateFormat, asOf, timeUnit, periods, returns,
 *   calibrationEnd, observationEnd) and the engine's (memoryLimit, threads, tempDirectory).
 * @returns The as-of date, the time unit, the summary columns and, with `calibrationEnd`, the holdout.
 * @throws {DuckDbDriverMissingError} when `@duckdb/node-api` is not installed.
 * @throws {InvalidInputError} for an invalid option, a missing column, or a row the summary
 *   refuses (no customer id, no valid date, a non-finite amount; a return under `returns: 'reject'`).
 * @example
 * ```ts
 * import { summarizeWithDuckDb } from 'loyalty-score/duckdb';
 * const summary = await summarizeWithDuckDb({ csv: 'examples/data/transactions.csv' }, { columns: { cost: 'cost' }, timeUnit: 'week' });
 * summary.columns.length; // => 3000
 * summary.asOf; // => '2025-12-31'
 * ```
 */
export async function summarizeWithDuckDb(source: DuckDbSource, options: DuckDbSummaryOptions = {}): Promise<DuckDbSummary> {
  const context = 'summarizeWithDuckDb';
  rejectUnknownDuckDbKeys(options, DUCKDB_SUMMARY_OPTION_KEYS, context);
  return withDuckDb(options, async (session) => {
    const { sql, sqlOptions, asOf, observationEnd } = await prepareSummary(session, source, options, context);
    const holdout = sqlOptions.calibrationEnd !== undefined;
    const wrapped = `SELECT s.*, date_diff('day', DATE '1970-01-01', s.first_purchase) AS first_day, date_diff('day', DATE '1970-01-01', s.last_purchase) AS last_day
FROM (${sql}) AS s ORDER BY s.customer_id`;
    let read;
    try {
      read = await readColumns(session, wrapped, {
        customer_id: 'id', first_day: 'number', last_day: 'number', revenue: 'number', cost: 'number',
        rfm_recency: 'number', rfm_frequency: 'number', rfm_monetary: 'number',
        btyd_frequency: 'number', btyd_recency: 'number', btyd_T: 'number', btyd_monetary_value: 'number',
        ...(holdout ? { holdout_frequency: 'number', holdout_monetary_value: 'number', holdout_duration: 'number' } : {}),
      } as const);
    } catch (e) {
      throw engineError(e, context);
    }
    const c = read.columns as unknown as Record<string, Float64Array> & { customer_id: SummaryColumns['customerIds'] };
    const n = read.length;
    const tableIndex = new Int32Array(n);
    for (let i = 0; i < n; i++) tableIndex[i] = i;
    const columns: SummaryColumns = {
      length: n,
      customerIds: c.customer_id,
      tableIndex,
      firstDay: Int32Array.from(c['first_day']!),
      lastDay: Int32Array.from(c['last_day']!),
      revenue: c['revenue']!,
      cost: sqlOptions.columns?.cost === undefined ? null : c['cost']!,
      rfm: { recency: c['rfm_recency']!, frequency: c['rfm_frequency']!, monetary: c['rfm_monetary']! },
      btyd: { frequency: c['btyd_frequency']!, recency: c['btyd_recency']!, T: c['btyd_T']!, monetaryValue: c['btyd_monetary_value']! },
    };
    return {
      asOf: asOf ?? '',
      timeUnit: sqlOptions.timeUnit ?? 'day',
      periods: sqlOptions.periods ?? 'exact',
      columns,
      holdout: holdout
        ? { observationEnd: observationEnd ?? '', frequency: c['holdout_frequency']!, monetaryValue: c['holdout_monetary_value']!, duration: c['holdout_duration']! }
        : null,
    };
  });
}

const { dialect: _dialect, source: _source, ...SQL_KEYS } = SUMMARY_SQL_OPTION_KEYS;
void _dialect;
void _source;
/** The option names of the engine. @internal */
export const DUCKDB_ENGINE_OPTION_KEYS: KeyList<DuckDbEngineOptions> = { memoryLimit: true, threads: true, tempDirectory: true };
/** The option names of {@link DuckDbSummaryOptions}. @internal */
export const DUCKDB_SUMMARY_OPTION_KEYS: KeyList<DuckDbSummaryOptions> = { ...SQL_KEYS, ...DUCKDB_ENGINE_OPTION_KEYS };

/**
 * Rejects an unknown key of a DuckDB function's options (`known`) and `columns` map
 * (`unknown_option` naming the nearest); the source's form is checked where it is read.
 * @internal
 */
export function rejectUnknownDuckDbKeys(options: unknown, known: KeyList<object>, fn: string): void {
  rejectUnknownKeys(options, known, 'options', fn);
  if (options !== null && typeof options === 'object') rejectUnknownKeys((options as { columns?: unknown }).columns, SQL_TRANSACTION_COLUMN_KEYS, ['options', 'columns'], fn);
}
