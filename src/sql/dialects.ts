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
  /** Characters a name may not contain in this dialect (refused rather than escaped), or `null`. */
  readonly refused: RegExp | null;
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
   * An expression of type `type` that stops the query with an error when it is evaluated; the
   * message is `message` followed by the value of `count` (an aggregate, so that no engine
   * evaluates the expression while planning).
   */
  readonly raise: (message: string, count: string, type: string) => string;
  /** A derived table of constant rows (`rows[i][j]` are literals) with the given, already quoted, column names. */
  readonly values: (columns: readonly string[], rows: readonly (readonly string[])[]) => string;
}

/** `"name"` with `"` doubled: the SQL standard's delimited identifier (DuckDB, PostgreSQL, Snowflake). */
const doubleQuoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;
/** `'text'` with `'` doubled. */
const standardText = (value: string): string => `'${value.replaceAll("'", "''")}'`;
/** `'text'` with backslash escapes (Spark, BigQuery and Snowflake read `\` as an escape in strings). */
const backslashText = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
/** Casting a sentence to a date fails at run time in every engine: an error raised from plain SQL. */
const castError = (textType: string, text: (value: string) => string) => (message: string, count: string, type: string): string =>
  `CAST(CONCAT(${text(message)}, CAST(${count} AS ${textType})) AS ${type})`;

/** `(VALUES (...), ...) AS v(columns)`: the standard's table value constructor. */
const standardValues = (columns: readonly string[], rows: readonly (readonly string[])[]): string =>
  `(VALUES\n  ${rows.map((r) => `(${r.join(', ')})`).join(',\n  ')}\n) AS v(${columns.join(', ')})`;

/** The dialect table: the only place where the five engines differ. @internal */
export const DIALECTS: Readonly<Record<SqlDialect, DialectFunctions>> = {
  duckdb: {
    quote: doubleQuoted,
    refused: null,
    text: standardText,
    double: 'DOUBLE',
    bigint: 'BIGINT',
    textType: 'VARCHAR',
    daysBetween: (a, b) => `date_diff('day', ${a}, ${b})`,
    addMonths: (d, n) => `CAST(${d} + to_months(CAST(${n} AS INTEGER)) AS DATE)`,
    dateFromIso: (e) => `CAST(substr(CAST(${e} AS VARCHAR), 1, 10) AS DATE)`,
    dateFromDigits: (e) => `CAST(strptime(CAST(${e} AS VARCHAR), '%Y%m%d') AS DATE)`,
    raise: (message, count, type) => `CAST(error(CONCAT(${standardText(message)}, CAST(${count} AS VARCHAR))) AS ${type})`,
    values: standardValues,
  },
  postgres: {
    quote: doubleQuoted,
    refused: null,
    text: standardText,
    double: 'DOUBLE PRECISION',
    bigint: 'BIGINT',
    textType: 'TEXT',
    daysBetween: (a, b) => `(${b} - ${a})`,
    addMonths: (d, n) => `CAST(${d} + make_interval(months => CAST(${n} AS INTEGER)) AS DATE)`,
    dateFromIso: (e) => `CAST(substr(CAST(${e} AS TEXT), 1, 10) AS DATE)`,
    dateFromDigits: (e) => `to_date(CAST(${e} AS TEXT), 'YYYYMMDD')`,
    raise: castError('TEXT', standardText),
    values: standardValues,
  },
  spark: {
    quote: (name) => `\`${name.replaceAll('`', '``')}\``,
    refused: null,
    text: backslashText,
    double: 'DOUBLE',
    bigint: 'BIGINT',
    textType: 'STRING',
    daysBetween: (a, b) => `datediff(${b}, ${a})`,
    addMonths: (d, n) => `add_months(${d}, CAST(${n} AS INT))`,
    dateFromIso: (e) => `to_date(substr(CAST(${e} AS STRING), 1, 10), 'yyyy-MM-dd')`,
    dateFromDigits: (e) => `to_date(CAST(${e} AS STRING), 'yyyyMMdd')`,
    raise: (message, count, type) => `CAST(raise_error(CONCAT(${backslashText(message)}, CAST(${count} AS STRING))) AS ${type})`,
    // Spark's inline table is written without parentheses around the VALUES list.
    values: (columns, rows) => `VALUES\n  ${rows.map((r) => `(${r.join(', ')})`).join(',\n  ')}\n  AS v(${columns.join(', ')})`,
  },
  bigquery: {
    // BigQuery's escapes inside quoted names are not read alike by every tool: names with a
    // backtick or a backslash are refused instead.
    quote: (name) => `\`${name}\``,
    refused: /[`\\]/,
    text: backslashText,
    double: 'FLOAT64',
    bigint: 'INT64',
    textType: 'STRING',
    daysBetween: (a, b) => `DATE_DIFF(${b}, ${a}, DAY)`,
    addMonths: (d, n) => `DATE_ADD(${d}, INTERVAL CAST(${n} AS INT64) MONTH)`,
    dateFromIso: (e) => `PARSE_DATE('%Y-%m-%d', SUBSTR(CAST(${e} AS STRING), 1, 10))`,
    dateFromDigits: (e) => `PARSE_DATE('%Y%m%d', CAST(${e} AS STRING))`,
    raise: (message, count, type) => `CAST(ERROR(CONCAT(${backslashText(message)}, CAST(${count} AS STRING))) AS ${type})`,
    // BigQuery has no VALUES list: an array of structs, unnested.
    values: (columns, rows) =>
      `(SELECT * FROM UNNEST([\n  ${rows.map((r) => `STRUCT(${r.map((v, j) => `${v} AS ${columns[j]!}`).join(', ')})`).join(',\n  ')}\n])) AS v`,
  },
  snowflake: {
    quote: doubleQuoted,
    refused: null,
    text: backslashText,
    double: 'DOUBLE',
    bigint: 'BIGINT',
    textType: 'VARCHAR',
    daysBetween: (a, b) => `DATEDIFF(day, ${a}, ${b})`,
    addMonths: (d, n) => `DATEADD(month, ${n}, ${d})`,
    dateFromIso: (e) => `TO_DATE(SUBSTR(CAST(${e} AS VARCHAR), 1, 10), 'YYYY-MM-DD')`,
    dateFromDigits: (e) => `TO_DATE(CAST(${e} AS VARCHAR), 'YYYYMMDD')`,
    raise: castError('VARCHAR', backslashText),
    values: standardValues,
  },
};

/** The dialect's function table; an unknown dialect is an {@link InvalidInputError}. @internal */
export function dialectOf(dialect: unknown): DialectFunctions {
  if (typeof dialect !== 'string' || !Object.hasOwn(DIALECTS, dialect)) {
    invalidOption('dialect', "expected 'duckdb', 'postgres', 'spark', 'bigquery' or 'snowflake'");
  }
  return DIALECTS[dialect as SqlDialect];
}
