import { invalidOption } from '../errors/InvalidInputError.js';

/**
 * Where the transactions live, for DuckDB:
 * - `{ csv }`: one or more CSV files (paths or globs such as `'sales/*.csv'`) with a header line;
 *   DuckDB detects the delimiter, quoting and column types;
 * - `{ parquet }`: one or more Parquet files (paths or globs such as `'lake/*.parquet'`);
 * - `{ database, table }`: a table or view in a `.duckdb` database file, attached read-only;
 *   `schema` defaults to DuckDB's `main`.
 */
export type DuckDbSource =
  | { readonly csv: string | readonly string[] }
  | { readonly parquet: string | readonly string[] }
  | { readonly database: string; readonly table: string; readonly schema?: string };

/** The alias a `{ database }` source is attached under. @internal */
export const ATTACHED = 'loyalty_source';

/** A DuckDB string literal: `'it''s'`. @internal */
export function duckDbLiteral(text: string): string {
  if (typeof text !== 'string' || text.includes('\u0000')) invalidOption('source', 'expected text without NUL characters');
  return `'${text.replace(/'/g, "''")}'`;
}

/** A DuckDB quoted identifier: `"my ""odd"" name"`. @internal */
export function duckDbIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('\u0000')) invalidOption('source', 'expected a non-empty name without NUL characters');
  return `"${name.replace(/"/g, '""')}"`;
}

function pathList(paths: string | readonly string[], what: string): string {
  const list = typeof paths === 'string' ? [paths] : Array.isArray(paths) ? [...(paths as readonly string[])] : [];
  if (list.length === 0 || list.some((p) => typeof p !== 'string' || p.length === 0)) invalidOption('source', `expected one or more ${what} paths or globs`);
  return `[${list.map(duckDbLiteral).join(', ')}]`;
}

/**
 * The statement that must run before a `{ database }` source can be read (`ATTACH … (READ_ONLY)`),
 * or `null` for files.
 * @internal
 */
export function attachStatement(source: DuckDbSource): string | null {
  if (source === null || typeof source !== 'object' || !('database' in source)) return null;
  if (typeof source.database !== 'string' || source.database.length === 0) invalidOption('source', 'expected { database, table } with the path of a .duckdb file');
  return `ATTACH IF NOT EXISTS ${duckDbLiteral(source.database)} AS ${duckDbIdentifier(ATTACHED)} (READ_ONLY)`;
}

/**
 * `SELECT * FROM …` over the source, for `summarySql`'s `source: { query }`. Paths and names are
 * quoted literals and identifiers, so none can inject SQL.
 * @internal
 */
export function sourceQuery(source: DuckDbSource): string {
  if (source !== null && typeof source === 'object') {
    if ('csv' in source) return `SELECT * FROM read_csv(${pathList(source.csv, 'CSV')}, header = true, union_by_name = true)`;
    if ('parquet' in source) return `SELECT * FROM read_parquet(${pathList(source.parquet, 'Parquet')}, union_by_name = true)`;
    if ('database' in source && typeof source.table === 'string') {
      return `SELECT * FROM ${duckDbIdentifier(ATTACHED)}.${duckDbIdentifier(source.schema ?? 'main')}.${duckDbIdentifier(source.table)}`;
    }
  }
  return invalidOption('source', 'expected { csv }, { parquet } or { database, table }');
}
