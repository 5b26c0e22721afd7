import { invalidOption } from '../errors/InvalidInputError.js';
import { isoFromDay } from '../time/days.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import type { DialectFunctions } from './dialects.js';

/** Control characters (C0, DEL, C1) have no business in a name and are refused. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A column or table name, quoted for the dialect. Any text without control characters is
 * accepted and stays one identifier whatever it contains (quotes, semicolons, comment marks).
 * @internal
 */
export function quotedName(d: DialectFunctions, name: unknown, option: string): string {
  if (typeof name !== 'string' || name.length === 0) invalidOption(option, 'expected a non-empty name');
  if (CONTROL.test(name)) invalidOption(option, 'a name may not contain control characters (expected printable text)');
  if (d.refused !== null && d.refused.test(name)) invalidOption(option, 'this dialect does not take a backtick or backslash in a name (expected a name without them)');
  return d.quote(name);
}

/** A date option as a `DATE 'yyyy-MM-dd'` literal (the date is parsed, so nothing else gets in). @internal */
export function dateLiteral(value: DateLike, option: string): string {
  const iso = isoFromDay(toEpochDay(value, option));
  // Years outside 0001..9999 have no portable SQL date literal.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || iso.startsWith('0000')) invalidOption(option, 'expected a date in the years 1 to 9999', 'invalid_date');
  return `DATE '${iso}'`;
}

/**
 * A finite number as a float literal in exponent form, which every dialect reads as a 64-bit float
 * (DuckDB and Spark read `0.1` as a decimal) and which converts back to the same double.
 * @internal
 */
export function doubleLiteral(value: number, option: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) invalidOption(option, 'expected a finite number');
  if (Object.is(value, -0)) return '0e0';
  const e = value.toExponential();
  return e.replace('e+', 'e');
}

/** What {@link summarySql} reads: a table name or a sub-query. */
export type SqlSource =
  /** A table name; a dot separates schema (and catalog) from table: `'sales.orders'`. */
  | string
  /** A qualified table name as its parts, for names that contain a dot: `['my.schema', 'orders']`. */
  | readonly string[]
  /** A sub-query (SQL you write and trust), e.g. `{ query: "SELECT * FROM read_parquet('tx/*.parquet')" }`. */
  | { readonly query: string };

/** The `FROM` item of a source. @internal */
export function sourceSql(d: DialectFunctions, source: unknown): string {
  if (typeof source === 'string') return source.split('.').map((part) => quotedName(d, part, 'source')).join('.');
  if (Array.isArray(source)) {
    if (source.length === 0) invalidOption('source', 'expected a table name, its parts, or { query }');
    return source.map((part) => quotedName(d, part, 'source')).join('.');
  }
  if (source !== null && typeof source === 'object' && typeof (source as { query?: unknown }).query === 'string') {
    const query = (source as { query: string }).query.trim();
    if (query.length === 0) invalidOption('source', 'expected a non-empty query');
    return `(\n${query}\n)`;
  }
  return invalidOption('source', 'expected a table name, its parts, or { query }');
}
