import { attachStatement, sourceQuery, type DuckDbSource } from './duckDbSource.js';
import { engineError } from './engineErrors.js';
import { withDuckDb, type DuckDbEngineOptions } from './openDuckDb.js';
import { readColumns } from './readColumns.js';
import { DUCKDB_ENGINE_OPTION_KEYS, rejectUnknownDuckDbKeys } from './summarizeWithDuckDb.js';

/**
 * The column names of a source as DuckDB reads it (a CSV file's header, a Parquet schema, a
 * table's columns), in order: for choosing the `columns` option, e.g. using a `cost` column when
 * there is one.
 * @param source - `{ csv }`, `{ parquet }` or `{ database, table }`.
 * @param options - The engine's options. @defaultValue `{}`
 * @returns The names.
 * @throws {DuckDbDriverMissingError} when `@duckdb/node-api` is not installed.
 * @example
 * ```ts
 * import { duckDbSourceColumns } from 'loyalty-score/duckdb';
 * (await duckDbSourceColumns({ csv: 'examples/data/transactions.csv' })).slice(0, 4); // => ['customer_id', 'date', 'amount', 'cost']
 * ```
 */
export async function duckDbSourceColumns(source: DuckDbSource, options: DuckDbEngineOptions = {}): Promise<string[]> {
  rejectUnknownDuckDbKeys(options, DUCKDB_ENGINE_OPTION_KEYS, 'duckDbSourceColumns');
  return (await duckDbSourceColumnTypes(source, options)).map((c) => c.name);
}

/**
 * The column names of a source with DuckDB's type names (`DATE`, `TIMESTAMP`, `VARCHAR`, …).
 * @internal
 */
export async function duckDbSourceColumnTypes(source: DuckDbSource, options: DuckDbEngineOptions = {}): Promise<{ readonly name: string; readonly type: string }[]> {
  return withDuckDb(options, async (session) => {
    try {
      const attach = attachStatement(source);
      if (attach !== null) await session.run(attach);
      const { columns } = await readColumns(session, `DESCRIBE ${sourceQuery(source)}`, { column_name: 'text', column_type: 'text' });
      return columns.column_name.map((name, i) => ({ name, type: columns.column_type[i]! }));
    } catch (e) {
      throw engineError(e, 'duckDbSourceColumns');
    }
  });
}
