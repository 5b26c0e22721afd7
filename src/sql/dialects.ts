import { invalidOption } from '../errors/InvalidInputError.js';

/** The SQL engines whose dialects {@link summarySql} and its relatives write. */
export type SqlDialect = 'duckdb' | 'postgres' | 'spark' | 'bigquery' | 'snowflake';

/** The dialects, in the order the docs list them. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'spark', 'bigquery', 'snowflake'];

/**
 * Everything in which the dialects differ. The query bodies are written once against this table;
 * each entry takes SQL expressions (already safe) and returns an SQL expression.
 * @internal
 */
export interface DialectFunctions {
  /** Quotes one identifier (the input is any string without control characters). */
  readonly quote: (name: string) => string;
  /** A string literal of a constant text. */
  readonly text: (value: string) => string;
  /** The 64-bit float type. */
  readonly double: string;
  /** The 64-bit integer type. */
  readonly bigint: string;
  /** The text type (for casting dates written as numbers to text). */
  readonly textType: string;
  /** Whole days from date `a` to date `b` (`b - a`), an integer. */
  readonly daysBetween: (a: string, b: string) => string;
  /** Date `d` plus `n` calendar months, the day clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
  readonly addMonths: (d: string, n: string) => string;
  /** A date from text written `yyyy-MM-dd` (anything after the tenth character is ignored). */
  readonly dateFromIso: (e: string) => string;
  /** A date from text or a number written `yyyyMMdd`. */
  readonly dateFromDigits: (e: string) => string;
  /**
   * An expression that stops the query with an error whose message contains `message` when it is
   * evaluated. `guard` is a column expression the error depends on, so that no engine evaluates
   * it while planning.
   */
  readonly raise: (message: string, guard: string) => string;
}

/** `"name"` with `"` doubled: the SQL standard's delimited identifier (DuckDB, PostgreSQL, Snowflake). */
const doubleQuoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;
/** `'text'` with `'` doubled. */
const standardText = (value: string): string => `'${value.replaceAll("'", "''")}'`;
/** `'text'` with backslash escapes (Spark, BigQuery and Snowflake read `\` as an escape in strings). */
const backslashText = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
/** Casting a non-numeric text to an integer fails in every engine: an error raised from plain SQL. */
const castError = (textType: string, text: (value: string) => string) => (message: string, guard: string): string =>
  `CAST(CONCAT(${text(message)}, CAST(${guard} AS ${textType})) AS INTEGER)`;

/** The dialect table: the only place where the five engines differ. @internal */
export const DIALECTS: Readonly<Record<SqlDialect, DialectFunctions>> = {
  duckdb: {
    quote: doubleQuoted,
    text: standardText,
    double: 'DOUBLE',
    bigint: 'BIGINT',
    textType: 'VARCHAR',
    daysBetween: (a, b) => `date_diff('day', ${a}, ${b})`,
    addMonths: (d, n) => `CAST(${d} + to_months(CAST(${n} AS INTEGER)) AS DATE)`,
    dateFromIso: (e) => `CAST(substr(CAST(${e} AS VARCHAR), 1, 10) AS DATE)`,
    dateFromDigits: (e) => `CAST(strptime(CAST(${e} AS VARCHAR), '%Y%m%d') AS DATE)`,
    raise: (message, guard) => `error(CONCAT(${standardText(message)}, CAST(${guard} AS VARCHAR)))`,
  },
  postgres: {
    quote: doubleQuoted,
    text: standardText,
    double: 'DOUBLE PRECISION',
    bigint: 'BIGINT',
    textType: 'TEXT',
    daysBetween: (a, b) => `(${b} - ${a})`,
    addMonths: (d, n) => `CAST(${d} + make_interval(months => CAST(${n} AS INTEGER)) AS DATE)`,
    dateFromIso: (e) => `CAST(substr(CAST(${e} AS TEXT), 1, 10) AS DATE)`,
    dateFromDigits: (e) => `to_date(CAST(${e} AS TEXT), 'YYYYMMDD')`,
    raise: castError('TEXT', standardText),
  },
  spark: {
    quote: (name) => `\`${name.replaceAll('`', '``')}\``,
    text: backslashText,
    double: 'DOUBLE',
    bigint: 'BIGINT',
    textType: 'STRING',
    daysBetween: (a, b) => `datediff(${b}, ${a})`,
    addMonths: (d, n) => `add_months(${d}, CAST(${n} AS INT))`,
    dateFromIso: (e) => `to_date(substr(CAST(${e} AS STRING), 1, 10), 'yyyy-MM-dd')`,
    dateFromDigits: (e) => `to_date(CAST(${e} AS STRING), 'yyyyMMdd')`,
    raise: (message, guard) => `raise_error(CONCAT(${backslashText(message)}, CAST(${guard} AS STRING)))`,
  },
  bigquery: {
    quote: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
    text: backslashText,
    double: 'FLOAT64',
    bigint: 'INT64',
    textType: 'STRING',
    daysBetween: (a, b) => `DATE_DIFF(${b}, ${a}, DAY)`,
    addMonths: (d, n) => `DATE_ADD(${d}, INTERVAL CAST(${n} AS INT64) MONTH)`,
    dateFromIso: (e) => `PARSE_DATE('%Y-%m-%d', SUBSTR(CAST(${e} AS STRING), 1, 10))`,
    dateFromDigits: (e) => `PARSE_DATE('%Y%m%d', CAST(${e} AS STRING))`,
    raise: (message, guard) => `ERROR(CONCAT(${backslashText(message)}, CAST(${guard} AS STRING)))`,
  },
  snowflake: {
    quote: doubleQuoted,
    text: backslashText,
    double: 'DOUBLE',
    bigint: 'BIGINT',
    textType: 'VARCHAR',
    daysBetween: (a, b) => `DATEDIFF(day, ${a}, ${b})`,
    addMonths: (d, n) => `DATEADD(month, ${n}, ${d})`,
    dateFromIso: (e) => `TO_DATE(SUBSTR(CAST(${e} AS VARCHAR), 1, 10), 'YYYY-MM-DD')`,
    dateFromDigits: (e) => `TO_DATE(CAST(${e} AS VARCHAR), 'YYYYMMDD')`,
    raise: castError('VARCHAR', backslashText),
  },
};

/** The dialect's function table; an unknown dialect is an {@link InvalidInputError}. @internal */
export function dialectOf(dialect: unknown): DialectFunctions {
  if (typeof dialect !== 'string' || !Object.hasOwn(DIALECTS, dialect)) {
    invalidOption('dialect', "expected 'duckdb', 'postgres', 'spark', 'bigquery' or 'snowflake'");
  }
  return DIALECTS[dialect as SqlDialect];
}
