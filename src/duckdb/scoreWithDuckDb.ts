import { predictClv, type CalendarSpan, type DiscountRate } from '../clv/predictClv.js';
import { invalidOption } from '../errors/InvalidInputError.js';
import type { GammaGammaFit } from '../models/gammagamma/types.js';
import { discountStep } from '../pipeline/discountStep.js';
import type { PurchaseFit } from '../pipeline/purchaseModels.js';
import { toEpochDay } from '../time/toEpochDay.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { createSummaryTable, readCompressedRows, SUMMARY_TABLE, type CompressedPurchaseRows } from './compressedSummaryWithDuckDb.js';
import { duckDbLiteral, type DuckDbSource } from './duckDbSource.js';
import { engineError } from './engineErrors.js';
import { outputClause, type DuckDbOutputOptions } from './outputFormat.js';
import { compressedFitOptionsOf, fitCompressedSummary, type CompressedFitOptions } from './fitCompressedSummary.js';
import { withDuckDb, type DuckDbSession } from './openDuckDb.js';
import { DUCKDB_SUMMARY_OPTION_KEYS, rejectUnknownDuckDbKeys, type DuckDbSummaryOptions } from './summarizeWithDuckDb.js';
import type { KeyList } from '../errors/knownKeys.js';

/** Options of {@link scoreWithDuckDb}. */
export interface ScoreWithDuckDbOptions extends DuckDbSummaryOptions, CompressedFitOptions, DuckDbOutputOptions {
  /** Forecast horizon from `asOf`. @defaultValue `{ amount: 1, unit: 'year' }` */
  readonly horizon?: CalendarSpan;
  /** Discount rate of the CLV. @defaultValue `{ rate: 0.1, per: 'year' }` */
  readonly discountRate?: DiscountRate;
  /**
   * Margin as a share of spend for every customer (`<= 1`).
   * @defaultValue each customer's profit / revenue when the source has a cost column and revenue > 0, else 1
   */
  readonly margin?: number;
}

/** What {@link scoreWithDuckDb} returns (the scores themselves are in the output file). */
export interface DuckDbScores {
  /** End of observation, `yyyy-MM-dd`. */
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  /** Customers scored (rows of the output file). */
  readonly customers: number;
  /** Distinct (x, t_x, T) rows the purchase model was fitted on and scored. */
  readonly purchaseRows: number;
  /** Distinct (x, mean repeat spend) rows Gamma-Gamma was fitted on. */
  readonly spendRows: number;
  /** The fitted purchase model. */
  readonly model: PurchaseFit;
  /** The fitted Gamma-Gamma spend model. */
  readonly spendModel: GammaGammaFit;
  /** The file written. */
  readonly output: string;
  /** Wall time of each step, in milliseconds. */
  readonly timings: { readonly summary: number; readonly fit: number; readonly score: number; readonly write: number };
}

/** The output columns of {@link scoreWithDuckDb}'s file, in order: the summary's, then the scores. */
export const DUCKDB_SCORE_COLUMNS = [
  'customer_id', 'first_purchase', 'last_purchase', 'revenue', 'cost', 'profit',
  'rfm_recency', 'rfm_frequency', 'rfm_monetary',
  'btyd_frequency', 'btyd_recency', 'btyd_T', 'btyd_monetary_value',
  'model', 'p_alive', 'expected_purchases', 'expected_spend', 'margin', 'clv',
] as const;

/** A double as a DuckDB DOUBLE literal that reads back as the same double. */
function double(x: number): string {
  if (!Number.isFinite(x)) invalidOption('margin', 'expected a finite number');
  return `CAST(${duckDbLiteral(String(x))} AS DOUBLE)`;
}

/** Appends the per-row scores of the distinct (x, t_x, T) rows into a temporary table. */
async function loadRowScores(session: DuckDbSession, rows: CompressedPurchaseRows, pAlive: Float64Array, expected: Float64Array, discounted: Float64Array): Promise<void> {
  await session.run('CREATE OR REPLACE TEMP TABLE loyalty_row_scores (x DOUBLE, t_x DOUBLE, t DOUBLE, p_alive DOUBLE, expected_purchases DOUBLE, discounted DOUBLE)');
  const appender = await session.connection.createAppender('loyalty_row_scores');
  const n = rows.frequency.length;
  for (let i = 0; i < n; i++) {
    appender.appendDouble(rows.frequency[i]!);
    appender.appendDouble(rows.recency[i]!);
    appender.appendDouble(rows.T[i]!);
    appender.appendDouble(pAlive[i]!);
    appender.appendDouble(expected[i]!);
    appender.appendDouble(discounted[i]!);
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * Scores customers inside an embedded DuckDB and writes the scores to a Parquet or CSV file, so
 * that even 100 million transactions never become JavaScript objects:
 * 1. the summary (`summarySql`) runs in DuckDB into a temporary table;
 * 2. its distinct (x, t_x, T) and (x, mean repeat spend) rows, with counts, come to JavaScript and
 *    the purchase model and Gamma-Gamma are fitted on them (weights);
 * 3. P(alive), expected purchases over the horizon and the discounted expected purchases are
 *    computed once per distinct (x, t_x, T) row and appended to DuckDB;
 * 4. DuckDB joins them onto every customer's summary, adds the expected spend
 *    `p (γ + x z̄) / (p x + q − 1)`, the margin and `CLV = margin × E[spend] × discounted E[purchases]`,
 *    and writes the file ({@link DUCKDB_SCORE_COLUMNS}).
 * The numbers are those of `scoreCustomers` with the same options (the same discounting steps),
 * up to the engine's summation order (1e-9). RFM scores, tiers and the loyalty classification are
 * not computed here: they rank every customer against all others, which `scoreCustomers` does in
 * process.
 *
 * @param source - `{ csv }`, `{ parquet }` or `{ database, table }`.
 * @param options - The summary's and engine's options, the model and its fit knobs, the CLV's
 *   horizon, discount rate and margin, and the `output` file (required) with its `format`.
 * @returns The fits, counts and timings; the scores are in `output`.
 * @throws {DuckDbDriverMissingError} when `@duckdb/node-api` is not installed.
 * @throws {InvalidInputError} as {@link summarizeWithDuckDb}, and for an output name not ending in `.parquet` or `.csv`.
 * @throws {ModelFitError} when a model cannot be fitted (nobody repeats, Gamma-Gamma q <= 1, no convergence).
 * @example
 * ```ts
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { scoreWithDuckDb } from 'loyalty-score/duckdb';
 * const output = join(tmpdir(), 'loyalty-score-example-scores.parquet');
 * const result = await scoreWithDuckDb({ csv: 'examples/data/transactions.csv' }, { columns: { cost: 'cost' }, timeUnit: 'week', output });
 * result.customers; // => 3000
 * result.model.model; // => 'bgnbd'
 * ```
 */
export async function scoreWithDuckDb(source: DuckDbSource, options: ScoreWithDuckDbOptions): Promise<DuckDbScores> {
  rejectUnknownDuckDbKeys(options, SCORE_WITH_DUCKDB_OPTION_KEYS, 'scoreWithDuckDb');
  if (options === null || typeof options !== 'object') invalidOption('options', 'expected an object with output');
  const format = outputClause(options);
  const horizon = options.horizon ?? { amount: 1, unit: 'year' };
  const discountRate = options.discountRate ?? { rate: 0.1, per: 'year' };
  if (options.margin !== undefined && !(Number.isFinite(options.margin) && options.margin <= 1)) invalidOption('margin', 'expected a finite number <= 1');
  const { output, format: _f, horizon: _h, discountRate: _r, margin: _m, model: _model, l2Penalty: _l, maxIterations: _i, allowUnconverged: _a, ...summaryOptions } = options;
  return withDuckDb(options, async (session) => {
    let t = Date.now();
    const lap = (): number => {
      const now = Date.now();
      const d = now - t;
      t = now;
      return d;
    };
    const { asOf, timeUnit, periods } = await createSummaryTable(session, source, summaryOptions, 'scoreWithDuckDb');
    const rows = await readCompressedRows(session);
    const summaryMs = lap();
    const { model, spendModel } = fitCompressedSummary(rows, compressedFitOptionsOf(options));
    const fitMs = lap();
    const purchase = rows.purchase;
    const n = purchase.frequency.length;
    const pAlive = model.probabilityAliveMany(purchase);
    const ones = new Float64Array(n).fill(1);
    // Discounted expected purchases per distinct row: predictClv with a spend of 1 and a margin of 1.
    const clv = predictClv(
      model,
      { expectedAverageSpendMany: () => ones },
      { purchase, spend: { frequency: purchase.frequency, monetaryValue: ones }, margin: ones },
      { asOf, horizon, discountRate, modelTimeUnit: timeUnit, step: discountStep(toEpochDay(asOf, 'asOf'), horizon, timeUnit) },
    );
    await loadRowScores(session, purchase, pAlive, clv.expectedPurchases, clv.clv);
    const scoreMs = lap();
    const { p, q, gamma } = spendModel.params;
    const x = 's.btyd_frequency';
    const m = 's.btyd_monetary_value';
    const spend = `CASE WHEN ${x} = 0 OR NOT (${m} > 0) THEN (${double(p)} * ${double(gamma)}) / (${double(p)} * ${x} + ${double(q)} - 1) ELSE (${double(p)} * (${double(gamma)} + ${x} * ${m})) / (${double(p)} * ${x} + ${double(q)} - 1) END`;
    const margin = options.margin !== undefined ? double(options.margin) : 'CASE WHEN s.cost IS NOT NULL AND s.revenue > 0 THEN (s.revenue - s.cost) / s.revenue ELSE CAST(1 AS DOUBLE) END';
    const query = `SELECT s.*, ${duckDbLiteral(model.model)} AS model, r.p_alive, r.expected_purchases, e.expected_spend, e.margin, e.margin * e.expected_spend * r.discounted AS clv
FROM ${SUMMARY_TABLE} AS s
JOIN loyalty_row_scores AS r ON r.x = s.btyd_frequency AND r.t_x = s.btyd_recency AND r.t = s."btyd_T"
CROSS JOIN LATERAL (SELECT ${spend} AS expected_spend, ${margin} AS margin) AS e
ORDER BY s.customer_id`;
    try {
      await session.run(`COPY (${query}) TO ${duckDbLiteral(output)} ${format}`);
    } catch (e) {
      throw engineError(e, 'scoreWithDuckDb');
    }
    const writeMs = lap();
    return {
      asOf, timeUnit, periods,
      customers: rows.customers,
      purchaseRows: n,
      spendRows: rows.spend.frequency.length,
      model, spendModel, output,
      timings: { summary: summaryMs, fit: fitMs, score: scoreMs, write: writeMs },
    };
  });
}

/** The option names of {@link ScoreWithDuckDbOptions}. */
const SCORE_WITH_DUCKDB_OPTION_KEYS: KeyList<ScoreWithDuckDbOptions> = {
  ...DUCKDB_SUMMARY_OPTION_KEYS,
  model: true,
  l2Penalty: true,
  maxIterations: true,
  allowUnconverged: true,
  output: true,
  format: true,
  horizon: true,
  discountRate: true,
  margin: true,
};
