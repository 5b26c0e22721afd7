import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { DuckDbSource } from './duckDbSource.js';
import { engineError } from './engineErrors.js';
import { withDuckDb, type DuckDbSession } from './openDuckDb.js';
import { readColumns } from './readColumns.js';
import { DUCKDB_SUMMARY_OPTION_KEYS, prepareSummary, rejectUnknownDuckDbKeys, type DuckDbSummaryOptions } from './summarizeWithDuckDb.js';

/** Distinct (x, t_x, T) rows with the number of customers on each: what the purchase fits take with `weights`. */
export interface CompressedPurchaseRows {
  /** x: repeat purchase periods. */
  readonly frequency: Float64Array;
  /** t_x: age at the last purchase, in the time unit. */
  readonly recency: Float64Array;
  /** T: age at the end of observation, in the time unit. */
  readonly T: Float64Array;
  /** Customers with this (x, t_x, T). */
  readonly weights: Float64Array;
}

/** Distinct (x, mean repeat spend) rows with their counts: what `fitGammaGamma` takes with `weights`. */
export interface CompressedSpendRows {
  readonly frequency: Float64Array;
  readonly monetaryValue: Float64Array;
  /** Customers with this (x, mean repeat spend). */
  readonly weights: Float64Array;
}

/** What {@link compressedSummaryWithDuckDb} returns. */
export interface CompressedSummary {
  /** End of observation, `yyyy-MM-dd`. */
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  /** Customers summarised (the sum of either set of weights). */
  readonly customers: number;
  /** For BG/NBD, Pareto/NBD and MBG/NBD: `fitBgNbd(rows.purchase, { weights: rows.purchase.weights })`. */
  readonly purchase: CompressedPurchaseRows;
  /** For Gamma-Gamma: `fitGammaGamma(rows.spend, { weights: rows.spend.weights })`. */
  readonly spend: CompressedSpendRows;
}

/** The name of the per-customer summary table {@link createSummaryTable} makes. @internal */
export const SUMMARY_TABLE = 'loyalty_summary';

/**
 * Runs the summary query into a temporary table (so that the transactions are read once) and
 * returns the resolved dates and options.
 * @internal
 */
export async function createSummaryTable(session: DuckDbSession, source: DuckDbSource, options: DuckDbSummaryOptions, context: string): Promise<{ readonly asOf: string; readonly timeUnit: TimeUnit; readonly periods: PeriodMode }> {
  const { sql, sqlOptions, asOf } = await prepareSummary(session, source, options, context);
  try {
    await session.run(`CREATE OR REPLACE TEMP TABLE ${SUMMARY_TABLE} AS ${sql}`);
  } catch (e) {
    throw engineError(e, context);
  }
  return { asOf: asOf ?? '', timeUnit: sqlOptions.timeUnit ?? 'day', periods: sqlOptions.periods ?? 'exact' };
}

/** Groups the summary table into the fits' distinct rows. @internal */
export async function readCompressedRows(session: DuckDbSession): Promise<{ readonly purchase: CompressedPurchaseRows; readonly spend: CompressedSpendRows; readonly customers: number }> {
  const p = await readColumns(
    session,
    `SELECT CAST(btyd_frequency AS DOUBLE) AS x, btyd_recency AS t_x, "btyd_T" AS t, CAST(COUNT(*) AS DOUBLE) AS n
FROM ${SUMMARY_TABLE} GROUP BY ALL ORDER BY x, t_x, t`,
    { x: 'number', t_x: 'number', t: 'number', n: 'number' },
  );
  const s = await readColumns(
    session,
    `SELECT CAST(btyd_frequency AS DOUBLE) AS x, btyd_monetary_value AS m, CAST(COUNT(*) AS DOUBLE) AS n
FROM ${SUMMARY_TABLE} GROUP BY ALL ORDER BY x, m`,
    { x: 'number', m: 'number', n: 'number' },
  );
  let customers = 0;
  for (const w of p.columns.n) customers += w;
  return {
    purchase: { frequency: p.columns.x, recency: p.columns.t_x, T: p.columns.t, weights: p.columns.n },
    spend: { frequency: s.columns.x, monetaryValue: s.columns.m, weights: s.columns.n },
    customers,
  };
}

/**
 * The summary inside an embedded DuckDB, grouped for the fits: the distinct (x, t_x, T) rows with
 * the number of customers on each (for BG/NBD, Pareto/NBD, MBG/NBD) and the distinct
 * (x, mean repeat spend) rows with theirs (for Gamma-Gamma). Every fit takes them with
 * `weights` and gives the same parameters and log-likelihood as on one row per customer. Only
 * the distinct rows reach JavaScript: with daily data a few hundred thousand (x, t_x, T) rows
 * stand for millions of customers.
 *
 * @param source - `{ csv }`, `{ parquet }` or `{ database, table }`.
 * @param options - As {@link summarizeWithDuckDb}.
 * @returns The as-of date, the customer count and both sets of weighted rows, sorted.
 * @throws {DuckDbDriverMissingError} when `@duckdb/node-api` is not installed.
 * @throws {InvalidInputError} as {@link summarizeWithDuckDb}.
 * @example
 * ```ts
 * import { compressedSummaryWithDuckDb } from 'loyalty-score/duckdb';
 * import { fitBgNbd } from 'loyalty-score';
 * const rows = await compressedSummaryWithDuckDb({ csv: 'examples/data/transactions.csv' }, { timeUnit: 'week' });
 * rows.customers; // => 3000
 * const fit = fitBgNbd(rows.purchase, { weights: rows.purchase.weights });
 * fit.converged; // => true
 * ```
 */
export async function compressedSummaryWithDuckDb(source: DuckDbSource, options: DuckDbSummaryOptions = {}): Promise<CompressedSummary> {
  rejectUnknownDuckDbKeys(options, DUCKDB_SUMMARY_OPTION_KEYS, 'compressedSummaryWithDuckDb');
  return withDuckDb(options, async (session) => {
    const resolved = await createSummaryTable(session, source, options, 'compressedSummaryWithDuckDb');
    return { ...resolved, ...(await readCompressedRows(session)) };
  });
}
