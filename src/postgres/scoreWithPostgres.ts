import type { CalendarSpan, DiscountRate } from '../clv/predictClv.js';
import { compressedFitOptionsOf, fitCompressedSummary, type CompressedFitOptions } from '../duckdb/fitCompressedSummary.js';
import type { DuckDbScores } from '../duckdb/scoreWithDuckDb.js';
import { discountStep } from '../pipeline/discountStep.js';
import { toEpochDay } from '../time/toEpochDay.js';
import { scoreSql } from '../sql/scoreSql.js';
import type { PostgresSession } from './openPostgres.js';
import { createPostgresSummary, pgTable, PG_SUMMARY_TABLE, readPostgresCompressedRows, run, type PostgresSummaryOptions } from './postgresSummary.js';

/** Options of {@link scoreWithPostgres}.*/
export interface PostgresScoreOptions extends PostgresSummaryOptions, CompressedFitOptions {
  /** The table the scores are written to (replaced when it exists). Required. */
  readonly outputTable: string;
  /** Forecast horizon from `asOf`. @defaultValue `{ amount: 1, unit: 'year' }` */
  readonly horizon?: CalendarSpan;
  /** Discount rate of the CLV. @defaultValue `{ rate: 0.1, per: 'year' }` */
  readonly discountRate?: DiscountRate;
  /** Margin for customers whose summary has no cost (as scoreSql). @defaultValue 1 */
  readonly margin?: number;
}

/** What {@link scoreWithPostgres} returns (the scores are in `outputTable`): as DuckDB's, with the table for the file. */
export interface PostgresScores extends Omit<DuckDbScores, 'output'> {
  readonly outputTable: string;
}

/** Rows of a prediction CSV (numbers only, as scoreSql writes them) loaded into a temporary table, in batches of float8 arrays. */
async function loadPredictions(session: PostgresSession, table: string, csv: string, integerColumns: number, context: string): Promise<void> {
  const lines = csv.trimEnd().split('\n');
  const columns = lines[0]!.split(',');
  const types = columns.map((_, j) => (j < integerColumns ? 'BIGINT' : 'DOUBLE PRECISION'));
  await run(session, `DROP TABLE IF EXISTS ${table}`, context);
  await run(session, `CREATE TEMP TABLE ${table} (${columns.map((c, j) => `"${c}" ${types[j]!}`).join(', ')})`, context);
  const BATCH = 50_000;
  for (let from = 1; from < lines.length; from += BATCH) {
    const arrays: string[][] = columns.map(() => []);
    for (const line of lines.slice(from, from + BATCH)) line.split(',').forEach((v, j) => arrays[j]!.push(v));
    // float8 arrays travel as text: the shortest round-trip form reads back as the same double.
    await run(session, `INSERT INTO ${table} SELECT * FROM unnest(${columns.map((_, j) => `$${j + 1}::${j < integerColumns ? 'bigint' : 'float8'}[]`).join(', ')})`, context, arrays);
  }
  await run(session, `ANALYZE ${table}`, context);
}

/**
 * Scores customers inside PostgreSQL: summarySql into a temporary table, compressedSummarySql over
 * it, the fits on the weighted distinct rows here, the predictions of each distinct row loaded
 * back into temporary tables, and scoreSql's join written to `outputTable` (replaced in one
 * transaction, so a failure keeps the old table).
 *
 */
export async function scoreWithPostgres(session: PostgresSession, table: string, options: PostgresScoreOptions): Promise<PostgresScores> {
  const context = 'score --engine postgres';
  const output = pgTable(options.outputTable, 'outputTable');
  const { outputTable, horizon: h, discountRate: r, margin, model: _model, l2Penalty: _l, maxIterations: _i, allowUnconverged: _a, ...summaryOptions } = options;
  const horizon = h ?? { amount: 1, unit: 'year' };
  const discountRate = r ?? { rate: 0.1, per: 'year' };
  let t = Date.now();
  const lap = (): number => {
    const now = Date.now();
    const d = now - t;
    t = now;
    return d;
  };
  const { asOf, timeUnit, periods } = await createPostgresSummary(session, table, summaryOptions, context);
  const rows = await readPostgresCompressedRows(session, context);
  const summaryMs = lap();
  const { model, spendModel } = fitCompressedSummary(rows, compressedFitOptionsOf(options));
  const fitMs = lap();
  const scored = scoreSql(model, {
    dialect: 'postgres',
    purchases: rows.purchase,
    spendModel,
    spend: rows.spend,
    asOf,
    horizon,
    discountRate,
    modelTimeUnit: timeUnit,
    // The pipeline's discounting steps, so that the CLV is scoreCustomers' CLV.
    step: discountStep(toEpochDay(asOf, 'asOf'), horizon, timeUnit),
    ...(margin === undefined ? {} : { margin }),
    summary: PG_SUMMARY_TABLE,
    predictions: { purchases: 'loyalty_purchase_scores', spend: 'loyalty_spend_scores' },
  });
  await loadPredictions(session, 'loyalty_purchase_scores', scored.purchaseCsv, 1, context);
  await loadPredictions(session, 'loyalty_spend_scores', scored.spendCsv!, 1, context);
  const scoreMs = lap();
  await run(session, 'BEGIN', context);
  try {
    await run(session, `DROP TABLE IF EXISTS ${output}`, context);
    await run(session, `CREATE TABLE ${output} AS ${scored.joinSql}`, context);
    await run(session, 'COMMIT', context);
  } catch (e) {
    await session.query('ROLLBACK').catch(() => {});
    throw e;
  }
  const writeMs = lap();
  return {
    asOf, timeUnit, periods,
    customers: rows.customers,
    purchaseRows: rows.purchase.frequency.length,
    spendRows: rows.spend.frequency.length,
    model, spendModel, outputTable,
    timings: { summary: summaryMs, fit: fitMs, score: scoreMs, write: writeMs },
  };
}
