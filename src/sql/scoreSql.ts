import { predictClv, type CalendarSpan, type DiscountRate } from '../clv/predictClv.js';
import { invalidOption } from '../errors/InvalidInputError.js';
import type { SpendModel } from '../models/gammagamma/types.js';
import type { BtydColumns, PurchaseModel, SpendColumns } from '../models/types.js';
import type { DateLike } from '../time/toEpochDay.js';
import type { TimeUnit } from '../time/units.js';
import { dialectOf, type DialectFunctions, type SqlDialect } from './dialects.js';
import { probabilityAliveSql, type ClosedFormAliveModel } from './probabilityAliveSql.js';
import { doubleLiteral, sourceSql, type SqlSource } from './sqlLiterals.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** A continuous-time purchase model (BG/NBD, Pareto/NBD, MBG/NBD), fitted or given. */
export type ScorablePurchaseModel = Pick<PurchaseModel<unknown>, 'model' | 'params' | 'probabilityAliveMany' | 'expectedPurchasesMany' | 'expectedPurchasesOverHorizons'>;

/** Options of {@link scoreSql}. */
export interface ScoreSqlOptions {
  /** The engine to write SQL for. Required. */
  readonly dialect: SqlDialect;
  /**
   * The distinct (x, t_x, T) rows to score, as columns: the rows of
   * {@link compressedSummarySql}'s `purchases` query read back from the engine. Required.
   */
  readonly purchases: BtydColumns;
  /**
   * A spend model (a fitted Gamma-Gamma) for the expected spend and the CLV.
   * @defaultValue none (no `expected_spend` and `clv` columns)
   */
  readonly spendModel?: Pick<SpendModel, 'expectedAverageSpendMany'>;
  /**
   * The distinct (x, mean repeat spend) rows to score with the spend model: the rows of
   * `compressedSummarySql`'s `spend` query. The row (0, 0) of the customers without a repeat
   * purchase is always added.
   * @defaultValue none (only the row (0, 0))
   */
  readonly spend?: SpendColumns;
  /** Start of the forecast: the summary's as-of date. Required. */
  readonly asOf: DateLike;
  /** How far ahead, in calendar units from `asOf` (as {@link predictClv}). Required. */
  readonly horizon: CalendarSpan;
  /** As {@link predictClv}. @defaultValue `{ rate: 0, per: 'year' }` */
  readonly discountRate?: DiscountRate;
  /** As {@link predictClv}: the model's time unit, which must be the summary's `timeUnit`. @defaultValue `'week'` */
  readonly modelTimeUnit?: TimeUnit;
  /** As {@link predictClv}. @defaultValue 1 */
  readonly step?: number;
  /**
   * Margin as a share of spend for customers whose summary has no cost (customers with cost and
   * revenue > 0 use `profit / revenue`, as {@link predictClv} does with summaries).
   * @defaultValue 1
   */
  readonly margin?: number;
  /**
   * The per-customer summary to join the scores onto: a table with the columns of
   * {@link summarySql}, or `{ query: summarySql(...) }`. Required.
   */
  readonly summary: SqlSource;
  /**
   * Where `joinSql` reads the predictions: `'inline'` puts the VALUES lists in the query;
   * `{ purchases, spend }` names tables you loaded from the CSV files (`purchaseCsv`, `spendCsv`).
   * @defaultValue `'inline'`
   */
  readonly predictions?: 'inline' | { readonly purchases: SqlSource; readonly spend?: SqlSource };
}

/** What {@link scoreSql} returns. */
export interface ScoreSql {
  /** A derived table of the scored (x, t_x, T) rows: `frequency`, `recency`, `T`, `p_alive`, `expected_purchases`, `discounted_purchases`. */
  readonly purchaseValues: string;
  /** The same rows as a CSV file with a header, numbers written to round-trip exactly. */
  readonly purchaseCsv: string;
  /** A derived table of the scored (x, mean spend) rows: `frequency`, `monetary_value`, `expected_spend`; `null` without a spend model. */
  readonly spendValues: string | null;
  /** The spend rows as CSV, or `null`. */
  readonly spendCsv: string | null;
  /**
   * One query: every summary column, then `p_alive`, `expected_purchases` and, with a spend model,
   * `expected_spend` and `clv` (= margin × expected spend × discounted expected purchases, as
   * {@link predictClv}). Customers whose history is not among the scored rows get `NULL`s.
   */
  readonly joinSql: string;
  /** BG/NBD and MBG/NBD: P(alive) in closed form over the summary columns ({@link probabilityAliveSql}); else `null`. */
  readonly probabilityAliveSql: string | null;
}

/** Column names of the prediction tables. */
const PURCHASE_COLUMNS = ['frequency', 'recency', 'T', 'p_alive', 'expected_purchases', 'discounted_purchases'] as const;
const SPEND_COLUMNS = ['frequency', 'monetary_value', 'expected_spend'] as const;

/**
 * Scores back into the engine: the predictions of a fitted purchase model (and optionally a
 * spend model) for each distinct history, as a `VALUES` list to inline or as CSV files to load,
 * and the SQL that joins them onto the per-customer summary. The models run here, in JS, on the
 * few distinct rows of {@link compressedSummarySql}; the database does the per-customer join.
 * Numbers are written as exact float literals, so the join keys match the summary's doubles
 * exactly and every score equals {@link predictClv}'s on the same customer.
 *
 * - `p_alive`: P(alive at `asOf`); `expected_purchases`: E[purchases in the horizon];
 *   `discounted_purchases`: the discounted sum Σ ΔE_k (1 + rate)^(−u_k) of {@link predictClv};
 * - `expected_spend`: the spend model's expected spend per purchase;
 * - `clv` (in `joinSql`): margin × expected_spend × discounted_purchases.
 *
 * @param fit - A BG/NBD, Pareto/NBD or MBG/NBD model or fit, in the summary's time unit.
 * @param options - See {@link ScoreSqlOptions}.
 * @throws {@link InvalidInputError} for an invalid option or history (from the model), or names as {@link summarySql}.
 * @example
 * ```ts
 * import { bgNbd, scoreSql } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const purchases = { frequency: Float64Array.of(0, 2), recency: Float64Array.of(0, 30.43), T: Float64Array.of(38.86, 38.86) };
 * const out = scoreSql(model, { dialect: 'duckdb', purchases, asOf: '1997-09-30', horizon: { amount: 39, unit: 'week' }, summary: 'cdnow_summary' });
 * out.purchaseCsv.split('\n')[0]; // => 'frequency,recency,T,p_alive,expected_purchases,discounted_purchases'
 * out.joinSql.includes('LEFT JOIN'); // => true
 * out.probabilityAliveSql !== null; // => true
 * ```
 */
export function scoreSql(fit: ScorablePurchaseModel, options: ScoreSqlOptions): ScoreSql {
  rejectUnknownKeys(options, SCORE_SQL_OPTION_KEYS, 'options', 'scoreSql');
  if (options !== null && typeof options === 'object' && typeof options.predictions === 'object') rejectUnknownKeys(options.predictions, SCORE_SQL_PREDICTION_KEYS, ['options', 'predictions'], 'scoreSql');
  if (options === null || typeof options !== 'object') invalidOption('options', 'expected an object');
  const d = dialectOf(options.dialect);
  if (fit === null || typeof fit !== 'object' || !['bgnbd', 'paretonbd', 'mbgnbd'].includes(fit.model)) {
    invalidOption('fit', "expected a continuous-time purchase model ('bgnbd', 'paretonbd' or 'mbgnbd')");
  }
  const purchases = options.purchases;
  if (!(purchases && purchases.frequency instanceof Float64Array && purchases.recency instanceof Float64Array && purchases.T instanceof Float64Array)) {
    invalidOption('purchases', 'expected columns { frequency, recency, T } as Float64Arrays');
  }
  const n = purchases.frequency.length;
  const spendModel = options.spendModel;
  const spendRows = spendModel === undefined ? null : withNoRepeatRow(options.spend);

  // Discounted purchases: predictClv with a spend of 1 and margin 1 is exactly the discounted sum.
  const unitSpend = { expectedAverageSpendMany: (c: SpendColumns | readonly unknown[]) => new Float64Array(Array.isArray(c) ? c.length : (c as SpendColumns).frequency.length).fill(1) };
  const clvOptions = {
    asOf: options.asOf,
    horizon: options.horizon,
    margin: 1,
    ...(options.discountRate === undefined ? {} : { discountRate: options.discountRate }),
    ...(options.modelTimeUnit === undefined ? {} : { modelTimeUnit: options.modelTimeUnit }),
    ...(options.step === undefined ? {} : { step: options.step }),
  };
  const forecast = predictClv(fit, unitSpend, { purchase: purchases, spend: { frequency: purchases.frequency, monetaryValue: new Float64Array(n) } }, clvOptions);
  const alive = fit.probabilityAliveMany(purchases);
  const purchaseTable: number[][] = [];
  for (let i = 0; i < n; i++) {
    purchaseTable.push([purchases.frequency[i]!, purchases.recency[i]!, purchases.T[i]!, alive[i]!, forecast.expectedPurchases[i]!, forecast.clv[i]!]);
  }
  const spendTable: number[][] | null =
    spendRows === null ? null : Array.from(spendModel!.expectedAverageSpendMany(spendRows), (s, i) => [spendRows.frequency[i]!, spendRows.monetaryValue[i]!, s]);

  const defaultMargin = options.margin ?? 1;
  if (!(typeof defaultMargin === 'number' && Number.isFinite(defaultMargin) && defaultMargin <= 1)) invalidOption('margin', 'expected a finite share of spend <= 1');
  // The VALUES lists and CSV files are written when first read: a caller loading the CSV files
  // of millions of rows never builds the VALUES text as well (each is hundreds of megabytes).
  let purchaseValuesText: string | undefined;
  let spendValuesText: string | null | undefined;
  const purchaseValues = (): string => (purchaseValuesText ??= valuesSql(d, PURCHASE_COLUMNS, purchaseTable, [true, false, false, false, false, false]));
  const spendValues = (): string | null => (spendValuesText ??= spendTable === null ? null : valuesSql(d, SPEND_COLUMNS, spendTable, [true, false, false]));
  // Checked up front (cheaply), so that an invalid number fails here and not on first reading.
  for (const [table, names] of [[purchaseTable, PURCHASE_COLUMNS], [spendTable ?? [], SPEND_COLUMNS]] as const) {
    for (const row of table) {
      if (!Number.isSafeInteger(row[0])) invalidOption(`predictions.${names[0]}`, 'expected a whole number');
      for (let j = 1; j < row.length; j++) if (!Number.isFinite(row[j])) invalidOption(`predictions.${names[j]!}`, 'expected a finite number');
    }
  }
  const where = options.predictions ?? 'inline';
  let purchaseFrom: string;
  let spendFrom: string | null;
  if (where === 'inline') {
    purchaseFrom = `(SELECT * FROM ${purchaseValues()})`;
    const sv = spendValues();
    spendFrom = sv === null ? null : `(SELECT * FROM ${sv})`;
  } else if (where !== null && typeof where === 'object') {
    purchaseFrom = sourceSql(d, where.purchases);
    spendFrom = spendTable === null ? null : where.spend === undefined ? invalidOption('predictions.spend', 'needed with a spend model (expected the table loaded from spendCsv)') : sourceSql(d, where.spend);
  } else {
    return invalidOption('predictions', "expected 'inline' or { purchases, spend }");
  }
  const q = d.quote;
  const s = (c: string): string => `s.${q(c)}`;
  const select = [`s.*`, `p.${q('p_alive')}`, `p.${q('expected_purchases')}`];
  const joins = [`LEFT JOIN ${purchaseFrom} AS p ON p.${q('frequency')} = ${s('btyd_frequency')} AND p.${q('recency')} = ${s('btyd_recency')} AND p.${q('T')} = ${s('btyd_T')}`];
  if (spendFrom !== null) {
    const margin = `CASE WHEN ${s('cost')} IS NOT NULL AND ${s('profit')} IS NOT NULL AND ${s('revenue')} > 0 THEN ${s('profit')} / ${s('revenue')} ELSE CAST(${doubleLiteral(defaultMargin, 'margin')} AS ${d.double}) END`;
    select.push(`sp.${q('expected_spend')}`, `${margin} * sp.${q('expected_spend')} * p.${q('discounted_purchases')} AS ${q('clv')}`);
    joins.push(`LEFT JOIN ${spendFrom} AS sp ON sp.${q('frequency')} = ${s('btyd_frequency')} AND sp.${q('monetary_value')} = ${s('btyd_monetary_value')}`);
  }
  const joinSql = `SELECT ${select.join(', ')}\nFROM ${sourceSql(d, options.summary)} AS s\n${joins.join('\n')}`;
  let purchaseCsv: string | undefined;
  let spendCsv: string | null | undefined;
  return {
    get purchaseValues() {
      return purchaseValues();
    },
    get purchaseCsv() {
      return (purchaseCsv ??= csv(PURCHASE_COLUMNS, purchaseTable));
    },
    get spendValues() {
      return spendValues();
    },
    get spendCsv() {
      return (spendCsv ??= spendTable === null ? null : csv(SPEND_COLUMNS, spendTable));
    },
    joinSql,
    probabilityAliveSql: fit.model === 'bgnbd' || fit.model === 'mbgnbd' ? probabilityAliveSql(fit as ClosedFormAliveModel, options.dialect, { frequency: s('btyd_frequency'), recency: s('btyd_recency'), T: s('btyd_T') }) : null,
  };
}

/** The spend rows plus (0, 0), the history of every customer without a repeat purchase. */
function withNoRepeatRow(spend: SpendColumns | undefined): SpendColumns {
  if (spend !== undefined && !(spend && spend.frequency instanceof Float64Array && spend.monetaryValue instanceof Float64Array && spend.monetaryValue.length === spend.frequency.length)) {
    invalidOption('spend', 'expected columns { frequency, monetaryValue } as Float64Arrays of one length');
  }
  const frequency: number[] = [0];
  const monetaryValue: number[] = [0];
  if (spend !== undefined) {
    for (let i = 0; i < spend.frequency.length; i++) {
      if (spend.frequency[i] === 0 && spend.monetaryValue[i] === 0) continue;
      frequency.push(spend.frequency[i]!);
      monetaryValue.push(spend.monetaryValue[i]!);
    }
  }
  return { frequency: Float64Array.from(frequency), monetaryValue: Float64Array.from(monetaryValue) };
}

/** A typed derived table of rows: integers in the first columns flagged, exact doubles elsewhere. */
function valuesSql(d: DialectFunctions, columns: readonly string[], rows: readonly number[][], integer: readonly boolean[]): string {
  const quoted = columns.map((c) => d.quote(c));
  const cells = rows.map((row) =>
    row.map((v, j) => {
      const name = `predictions.${columns[j]!}`;
      if (integer[j]) {
        if (!Number.isSafeInteger(v)) invalidOption(name, 'expected a whole number');
        return `CAST(${v} AS ${d.bigint})`;
      }
      return `CAST(${doubleLiteral(v, name)} AS ${d.double})`;
    }),
  );
  // An empty list still needs a row to have a type: one row of NULLs, filtered out.
  if (cells.length === 0) return `(SELECT * FROM ${d.values(quoted, [columns.map((_, j) => `CAST(NULL AS ${integer[j] ? d.bigint : d.double})`)])} WHERE 1 = 0) AS v`;
  return d.values(quoted, cells);
}

/** CSV with a header; numbers in JS's shortest round-trip form. */
function csv(columns: readonly string[], rows: readonly number[][]): string {
  return `${columns.join(',')}\n${rows.map((r) => r.map((v) => String(v)).join(',')).join('\n')}\n`;
}

const SCORE_SQL_OPTION_KEYS: KeyList<ScoreSqlOptions> = {
  dialect: true,
  purchases: true,
  spendModel: true,
  spend: true,
  asOf: true,
  horizon: true,
  discountRate: true,
  modelTimeUnit: true,
  step: true,
  margin: true,
  summary: true,
  predictions: true,
};
const SCORE_SQL_PREDICTION_KEYS: KeyList<Exclude<ScoreSqlOptions['predictions'], 'inline' | undefined>> = { purchases: true, spend: true };
