import { invalidOption } from '../errors/InvalidInputError.js';

/** How DuckDB writes a result: Parquet (zstd), CSV with a header, or JSON (one object a line, or one array). */
export type DuckDbOutputFormat = 'parquet' | 'csv' | 'ndjson' | 'json';

/** Options fragment: where and how DuckDB writes a result. */
export interface DuckDbOutputOptions {
  /** The file to write (or `/dev/stdout` with `format`). Required. */
  readonly output: string;
  /** The format. @defaultValue from the file name: `.parquet` or `.csv` (anything else needs `format`) */
  readonly format?: DuckDbOutputFormat;
}

const CLAUSES: Readonly<Record<DuckDbOutputFormat, string>> = {
  parquet: '(FORMAT parquet, COMPRESSION zstd)',
  csv: '(FORMAT csv, HEADER true)',
  ndjson: '(FORMAT json)',
  json: '(FORMAT json, ARRAY true)',
};

/**
 * The COPY options clause for an output.
 * @throws {InvalidInputError} `invalid_option` for an empty path, an unknown format, or a name
 *   ending neither in `.parquet` nor `.csv` without `format`.
 * @internal
 */
export function outputClause(options: DuckDbOutputOptions): string {
  const { output, format } = options;
  if (typeof output !== 'string' || output.length === 0) return invalidOption('output', 'expected the path of a .parquet or .csv file');
  if (format !== undefined) {
    if (!Object.hasOwn(CLAUSES, format)) invalidOption('format', "expected 'parquet', 'csv', 'ndjson' or 'json'");
    return CLAUSES[format];
  }
  if (/\.parquet$/i.test(output)) return CLAUSES.parquet;
  if (/\.csv$/i.test(output)) return CLAUSES.csv;
  return invalidOption('output', 'expected a file name ending in .parquet or .csv (or give format)');
}
