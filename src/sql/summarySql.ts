import { invalidOption } from '../errors/InvalidInputError.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import { TIME_UNITS, type TimeUnit } from '../time/units.js';
import type { ReturnsPolicy } from '../transactions/options.js';
import { dialectOf, type DialectFunctions, type SqlDialect } from './dialects.js';
import { durationSql, periodSql } from './durationSql.js';
import { dateLiteral, quotedName, sourceSql, type SqlSource } from './sqlLiterals.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** The columns of the transaction table that {@link summarySql} reads, by name. */
export interface SqlTransactionColumns {
  /** The customer id. @defaultValue `'customer_id'` */
  readonly customerId?: string;
  /** The date: a `DATE` or `TIMESTAMP` column, or text/digits as `dateFormat` says. @defaultValue `'date'` */
  readonly date?: string;
  /** The amount (revenue; negative for a return). @defaultValue `'amount'` */
  readonly amount?: string;
  /** The cost, for cost and profit; `NULL` in a row means the row lacks a cost. @defaultValue none (cost and profit are `NULL`) */
  readonly cost?: string;
  /** The order id: purchase rows sharing one count once in the RFM frequency. @defaultValue none (every purchase row counts) */
  readonly orderId?: string;
}

/** Options of {@link summarySql}. */
export interface SummarySqlOptions {
  /** The engine to write SQL for. Required. */
  readonly dialect: SqlDialect;
  /** The transactions: a table name (`'sales.orders'`), its parts, or `{ query }`. Required. */
  readonly source: SqlSource;
  /** Column names; see {@link SqlTransactionColumns} for the defaults. @defaultValue `{}` */
  readonly columns?: SqlTransactionColumns;
  /**
   * How the date column is written: `'date'` (a `DATE`, or a `TIMESTAMP` whose date counts),
   * `'iso'` (text `yyyy-MM-dd`, anything after the tenth character ignored) or `'yyyyMMdd'`
   * (digits, as text or a number: `19970101`).
   * @defaultValue `'date'`
   */
  readonly dateFormat?: 'date' | 'iso' | 'yyyyMMdd';
  /**
   * End of observation (inclusive), as in {@link summarizeCustomers}. Not allowed with
   * `calibrationEnd`, which is then the end of observation.
   * @defaultValue the latest transaction date in the source
   */
  readonly asOf?: DateLike;
  /**
   * Rows dated after `asOf`: `'exclude'` leaves them out; `'reject'` stops the query with an error.
   * @defaultValue `'exclude'`
   */
  readonly afterAsOf?: 'exclude' | 'reject';
  /** Unit of every duration, as in {@link summarizeCustomers}. @defaultValue `'day'` */
  readonly timeUnit?: TimeUnit;
  /** `'exact'` or `'calendar'` periods, as in {@link summarizeCustomers}. @defaultValue `'exact'` */
  readonly periods?: PeriodMode;
  /**
   * Negative amounts: `'net'` keeps them as returns (in revenue, cost and profit, never a
   * purchase), `'drop'` leaves them out, `'reject'` stops the query with an error.
   * @defaultValue `'net'`
   */
  readonly returns?: ReturnsPolicy;
  /** The RFM monetary measure: `'total'` net revenue or `'mean'` per purchase. @defaultValue `'total'` */
  readonly rfmMonetary?: 'total' | 'mean';
  /**
   * With `calibrationEnd`, the summary is the calibration summary of {@link calibrationAndHoldout}
   * (`asOf = calibrationEnd`, customers first buying later left out) and three holdout columns
   * describe `(calibrationEnd, observationEnd]`.
   * @defaultValue none (no holdout columns)
   */
  readonly calibrationEnd?: DateLike;
  /** Last holdout day (inclusive), after `calibrationEnd`. @defaultValue the latest transaction date in the source */
  readonly observationEnd?: DateLike;
}

/** The output columns of {@link summarySql}, in order (holdout ones only with `calibrationEnd`). */
export const SUMMARY_SQL_COLUMNS = [
  'customer_id',
  'first_purchase',
  'last_purchase',
  'revenue',
  'cost',
  'profit',
  'rfm_recency',
  'rfm_frequency',
  'rfm_monetary',
  'btyd_frequency',
  'btyd_recency',
  'btyd_T',
  'btyd_monetary_value',
  'holdout_frequency',
  'holdout_monetary_value',
  'holdout_duration',
] as const;

/** Largest finite double, the bound of the finiteness checks (NaN fails them in every engine). */
const MAX_DOUBLE = '1.7976931348623157e308';

/** Resolved options shared by the summary queries. @internal */
export interface SummaryPlan {
  readonly d: DialectFunctions;
  readonly sql: string;
}

/**
 * One SQL query that computes {@link summarizeCustomers} inside a database: one row per customer
 * with at least one purchase up to `asOf`, with the columns of the CLI's `summarize`
 * ({@link SUMMARY_SQL_COLUMNS}): `customer_id`, `first_purchase` and `last_purchase` (dates),
 * `revenue`, `cost`, `profit`, `rfm_recency`, `rfm_frequency`, `rfm_monetary`, `btyd_frequency`
 * (x), `btyd_recency` (t_x), `btyd_T`, `btyd_monetary_value`, and with `calibrationEnd`
 * `holdout_frequency`, `holdout_monetary_value`, `holdout_duration`.
 *
 * The semantics are those of the JS path, number for number: calendar days (a timestamp's date),
 * purchases of one day (or calendar period with `periods: 'calendar'`) merged, returns in revenue
 * but never purchases, rows after `asOf` left out, durations in `timeUnit` calendar-correct (months
 * and years by the calendar, never 30 or 365 days). Rows with a `NULL` customer id, date or
 * amount, or a non-finite amount or cost, stop the query with an error (the JS path's
 * `onInvalid: 'throw'`), as do returns under `returns: 'reject'`. Rows come out in no particular
 * order.
 *
 * Names are quoted for the dialect and dates rendered as checked literals, so no option can inject
 * SQL; only `source: { query }` is SQL, and it is yours. The five dialects share one query body and
 * differ in a small table of functions (see `docs/sql.md`).
 *
 * @param options - See {@link SummarySqlOptions}; `dialect` and `source` are required.
 * @returns The query, without a trailing semicolon.
 * @throws {@link InvalidInputError} for an unknown dialect or option value, an empty name or one
 *   with control characters, an invalid date, `asOf` together with `calibrationEnd`, or
 *   `observationEnd` not after `calibrationEnd`.
 * @example
 * ```ts
 * import { summarySql } from 'loyalty-score';
 * const sql = summarySql({ dialect: 'duckdb', source: 'transactions', asOf: '1997-09-30', timeUnit: 'week' });
 * sql.startsWith('WITH'); // => true
 * sql.includes(`FROM "transactions" AS src`); // => true
 * sql.includes(`"btyd_T"`); // => true
 * ```
 */
export function summarySql(options: SummarySqlOptions): string {
  rejectUnknownSummarySqlOptions(options, 'summarySql');
  return buildSummarySql(options).sql;
}

/** The query of {@link summarySql} with its dialect table, for the queries built on it. @internal */
export function buildSummarySql(options: SummarySqlOptions): SummaryPlan {
  if (options === null || typeof options !== 'object') invalidOption('options', 'expected an object with dialect and source');
  const d = dialectOf(options.dialect);
  const unit = options.timeUnit ?? 'day';
  if (!TIME_UNITS.includes(unit)) invalidOption('timeUnit', "expected 'day', 'week', 'month' or 'year'");
  const mode = options.periods ?? 'exact';
  if (mode !== 'exact' && mode !== 'calendar') invalidOption('periods', "expected 'exact' or 'calendar'");
  const calendar = mode === 'calendar' && unit !== 'day';
  const returns = options.returns ?? 'net';
  if (returns !== 'net' && returns !== 'drop' && returns !== 'reject') invalidOption('returns', "expected 'net', 'drop' or 'reject'");
  const rfmMonetary = options.rfmMonetary ?? 'total';
  if (rfmMonetary !== 'total' && rfmMonetary !== 'mean') invalidOption('rfmMonetary', "expected 'total' or 'mean'");
  const afterAsOf = options.afterAsOf ?? 'exclude';
  if (afterAsOf !== 'exclude' && afterAsOf !== 'reject') invalidOption('afterAsOf', "expected 'exclude' or 'reject'");
  const dateFormat = options.dateFormat ?? 'date';
  if (dateFormat !== 'date' && dateFormat !== 'iso' && dateFormat !== 'yyyyMMdd') invalidOption('dateFormat', "expected 'date', 'iso' or 'yyyyMMdd'");
  const holdout = options.calibrationEnd !== undefined;
  if (holdout && options.asOf !== undefined) invalidOption('asOf', 'not allowed with calibrationEnd, which ends the calibration summary (expected one of them)');
  if (!holdout && options.observationEnd !== undefined) invalidOption('observationEnd', 'needs calibrationEnd (expected both or neither)');
  if (holdout && options.observationEnd !== undefined && toEpochDay(options.observationEnd, 'observationEnd') <= toEpochDay(options.calibrationEnd!, 'calibrationEnd')) {
    invalidOption('observationEnd', 'must be after calibrationEnd (expected a later date)');
  }
  const columns = options.columns ?? {};
  if (columns === null || typeof columns !== 'object') invalidOption('columns', 'expected an object of column names');
  const col = (key: keyof SqlTransactionColumns, fallback: string): string => `src.${quotedName(d, columns[key] ?? fallback, `columns.${key}`)}`;
  const hasOrder = columns.orderId !== undefined;
  const rawDate = col('date', 'date');
  const dateExpr = dateFormat === 'date' ? `CAST(${rawDate} AS DATE)` : dateFormat === 'iso' ? d.dateFromIso(rawDate) : d.dateFromDigits(rawDate);
  const dbl = d.double;
  const q = d.quote;

  const endLiteral = holdout ? dateLiteral(options.calibrationEnd!, 'calibrationEnd') : options.asOf === undefined ? null : dateLiteral(options.asOf, 'asOf');
  const obsLiteral = holdout && options.observationEnd !== undefined ? dateLiteral(options.observationEnd, 'observationEnd') : null;

  // Every row is checked in the aggregate that yields the as-of date, which every later step
  // needs: no engine can skip the checks or filter rows out before them.
  const count = (condition: string): string => `COUNT(CASE WHEN ${condition} THEN 1 END)`;
  const finite = (e: string): string => `${e} BETWEEN -${MAX_DOUBLE} AND ${MAX_DOUBLE}`;
  const checks: [condition: string, message: string][] = [
    ['cust IS NULL', 'loyalty-score: rows without a customer id: '],
    ['tx_date IS NULL', 'loyalty-score: rows without a valid date: '],
    [`tx_amount IS NULL OR NOT (${finite('tx_amount')})`, 'loyalty-score: rows without a finite amount: '],
    [`tx_cost IS NOT NULL AND NOT (${finite('tx_cost')})`, 'loyalty-score: rows whose cost is not finite: '],
  ];
  if (returns === 'reject') checks.push(['tx_amount < 0', "loyalty-score: returns (negative amounts) under returns 'reject': "]);
  if (afterAsOf === 'reject' && !holdout && endLiteral !== null) checks.push([`tx_date > ${endLiteral}`, "loyalty-score: rows dated after asOf under afterAsOf 'reject': "]);
  const guarded = (end: string): string =>
    `CASE
    ${checks.map(([condition, message]) => `WHEN ${count(condition)} > 0 THEN ${d.raise(message, count(condition), 'DATE')}`).join('\n    ')}
    ELSE ${end} END`;
  const boundsSelect = holdout
    ? `SELECT ${guarded(endLiteral!)} AS as_of, ${obsLiteral ?? 'MAX(tx_date)'} AS obs_end
  FROM ls_checked`
    : `SELECT ${guarded(endLiteral ?? 'MAX(tx_date)')} AS as_of
  FROM ls_checked`;

  const period = (date: string): string => (calendar ? periodSql(d, unit, date) : d.daysBetween("DATE '1970-01-01'", date));
  const orders = hasOrder
    ? 'COUNT(DISTINCT CASE WHEN tx_amount >= 0 THEN tx_order END) + SUM(CASE WHEN tx_amount >= 0 AND tx_order IS NULL THEN 1 ELSE 0 END)'
    : 'SUM(CASE WHEN tx_amount >= 0 THEN 1 ELSE 0 END)';
  const span = (a: string, b: string): string => durationSql(d, unit, a, b);
  const periodsBetween = (a: string, b: string): string => `CAST(${b} - ${a} AS ${dbl})`;
  const asOfPeriod = period('b.as_of');
  const recency = calendar ? periodsBetween('p.last_period', asOfPeriod) : span('p.last_date', 'b.as_of');
  const tx = calendar ? periodsBetween('p.first_period', 'p.last_period') : span('p.first_date', 'p.last_date');
  const T = calendar ? periodsBetween('p.first_period', asOfPeriod) : span('p.first_date', 'b.as_of');

  const ctes = [
    `ls_tx AS (
  SELECT ${col('customerId', 'customer_id')} AS cust, ${dateExpr} AS tx_date, CAST(${col('amount', 'amount')} AS ${dbl}) AS tx_amount,
    ${columns.cost === undefined ? `CAST(NULL AS ${dbl})` : `CAST(${col('cost', 'cost')} AS ${dbl})`} AS tx_cost${hasOrder ? `, ${col('orderId', 'orderId')} AS tx_order` : ''}
  FROM ${sourceSql(d, options.source)} AS src
)`,
    `ls_checked AS (
  SELECT * FROM ls_tx${returns === 'drop' ? '\n  WHERE tx_amount IS NULL OR NOT (tx_amount < 0)' : ''}
)`,
    `ls_bounds AS (
  ${boundsSelect}
)`,
    `ls_win AS (
  SELECT c.*, ${period('c.tx_date')} AS period_no
  FROM ls_checked AS c CROSS JOIN ls_bounds AS b
  WHERE c.tx_date <= b.as_of
)`,
    `ls_merged AS (
  SELECT cust, period_no, SUM(tx_amount) AS spend, MIN(tx_date) AS first_date, MAX(tx_date) AS last_date,
    MIN(period_no) OVER (PARTITION BY cust) AS first_period
  FROM ls_win
  WHERE tx_amount >= 0
  GROUP BY cust, period_no
)`,
    `ls_purchases AS (
  SELECT cust, COUNT(*) AS periods, SUM(spend) AS purchase_spend,
    SUM(CASE WHEN period_no = first_period THEN spend ELSE 0 END) AS first_spend,
    MIN(first_date) AS first_date, MAX(last_date) AS last_date, MIN(period_no) AS first_period, MAX(period_no) AS last_period
  FROM ls_merged
  GROUP BY cust
)`,
    `ls_totals AS (
  SELECT cust, SUM(tx_amount) AS revenue, CASE WHEN COUNT(tx_cost) = COUNT(*) THEN SUM(tx_cost) END AS cost,
    ${orders} AS orders
  FROM ls_win
  GROUP BY cust
)`,
  ];
  if (holdout) {
    ctes.push(`ls_later AS (
  SELECT c.cust, c.tx_amount, ${period('c.tx_date')} AS period_no
  FROM ls_checked AS c CROSS JOIN ls_bounds AS b
  WHERE c.tx_date > b.as_of AND c.tx_date <= b.obs_end AND c.tx_amount >= 0
)`);
    // A holdout purchase in the calibration's last period (calendar periods) merges into it.
    ctes.push(`ls_holdout AS (
  SELECT l.cust, COUNT(DISTINCT l.period_no) AS periods, SUM(l.tx_amount) AS spend
  FROM ls_later AS l JOIN ls_purchases AS p ON p.cust = l.cust
  WHERE l.period_no > p.last_period
  GROUP BY l.cust
)`);
  }
  const select = [
    `p.cust AS ${q('customer_id')}`,
    `p.first_date AS ${q('first_purchase')}`,
    `p.last_date AS ${q('last_purchase')}`,
    `t.revenue AS ${q('revenue')}`,
    `t.cost AS ${q('cost')}`,
    `t.revenue - t.cost AS ${q('profit')}`,
    `${recency} AS ${q('rfm_recency')}`,
    `CAST(t.orders AS ${d.bigint}) AS ${q('rfm_frequency')}`,
    `${rfmMonetary === 'total' ? 't.revenue' : 't.revenue / t.orders'} AS ${q('rfm_monetary')}`,
    `CAST(p.periods - 1 AS ${d.bigint}) AS ${q('btyd_frequency')}`,
    `${tx} AS ${q('btyd_recency')}`,
    `${T} AS ${q('btyd_T')}`,
    `CASE WHEN p.periods > 1 THEN (p.purchase_spend - p.first_spend) / (p.periods - 1) ELSE CAST(0 AS ${dbl}) END AS ${q('btyd_monetary_value')}`,
  ];
  if (holdout) {
    const duration = calendar ? periodsBetween(asOfPeriod, period('b.obs_end')) : span('b.as_of', 'b.obs_end');
    select.push(
      `CAST(COALESCE(h.periods, 0) AS ${d.bigint}) AS ${q('holdout_frequency')}`,
      `CASE WHEN h.periods > 0 THEN h.spend / h.periods ELSE CAST(0 AS ${dbl}) END AS ${q('holdout_monetary_value')}`,
      `${duration} AS ${q('holdout_duration')}`,
    );
  }
  const sql = `WITH
${ctes.join(',\n')}
SELECT
  ${select.join(',\n  ')}
FROM ls_purchases AS p
JOIN ls_totals AS t ON t.cust = p.cust
CROSS JOIN ls_bounds AS b${holdout ? '\nLEFT JOIN ls_holdout AS h ON h.cust = p.cust' : ''}`;
  return { d, sql };
}

/** The option names of {@link SummarySqlOptions}. @internal */
export const SUMMARY_SQL_OPTION_KEYS: KeyList<SummarySqlOptions> = {
  dialect: true,
  source: true,
  columns: true,
  dateFormat: true,
  asOf: true,
  afterAsOf: true,
  timeUnit: true,
  periods: true,
  returns: true,
  rfmMonetary: true,
  calibrationEnd: true,
  observationEnd: true,
};
/** The keys of {@link SqlTransactionColumns}. @internal */
export const SQL_TRANSACTION_COLUMN_KEYS: KeyList<SqlTransactionColumns> = { customerId: true, date: true, amount: true, cost: true, orderId: true };
const SQL_QUERY_SOURCE_KEYS: KeyList<{ readonly query: string }> = { query: true };

/**
 * Rejects an unknown key of {@link SummarySqlOptions}, of its `columns` and of a `{ query }` source
 * (`unknown_option` naming the nearest).
 * @internal
 */
export function rejectUnknownSummarySqlOptions(options: SummarySqlOptions, fn: string): void {
  if (options === null || typeof options !== 'object') return;
  rejectUnknownKeys(options, SUMMARY_SQL_OPTION_KEYS, 'options', fn);
  rejectUnknownKeys(options.columns, SQL_TRANSACTION_COLUMN_KEYS, ['options', 'columns'], fn);
  if (!Array.isArray(options.source)) rejectUnknownKeys(options.source, SQL_QUERY_SOURCE_KEYS, ['options', 'source'], fn);
}
