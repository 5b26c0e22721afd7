import { tidyNumber } from './tidyNumber.js';
/** Output formats of the CLI. */
export type OutputFormat = 'csv' | 'json' | 'ndjson';

/** One output value; lists are JSON arrays, and joined in one CSV cell. */
export type Cell = string | number | boolean | null | readonly string[];

/** A flat output row: column name to value. */
export type FlatRow = Record<string, Cell>;

/** Options of {@link writeRows}. */
export interface WriteRowsOptions {
  /** Where to write. @defaultValue process.stdout */
  readonly out?: NodeJS.WritableStream;
  /** CSV separator of list cells, per column. @defaultValue ';' for every column */
  readonly csvJoin?: Readonly<Record<string, string>>;
}

/** Writes rows to stdout in the format, in batches; honours back-pressure. */
export async function writeRows(rows: Iterable<FlatRow>, columns: readonly string[], format: OutputFormat, options: WriteRowsOptions = {}): Promise<void> {
  const out = options.out ?? process.stdout;
  const join = options.csvJoin ?? {};
  let buf = '';
  let first = true;
  const flush = async (): Promise<void> => {
    if (buf.length === 0) return;
    const ok = out.write(buf);
    buf = '';
    if (!ok) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  if (format === 'csv') buf += columns.join(',') + '\n';
  if (format === 'json') buf += '[';
  for (const row of rows) {
    if (format === 'csv') {
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        if (i > 0) line += ',';
        line += csvCell(row[c] ?? null, join[c] ?? ';');
      }
      buf += line + '\n';
    } else if (format === 'json') {
      buf += (first ? '\n' : ',\n') + JSON.stringify(tidy(row));
      first = false;
    } else buf += JSON.stringify(tidy(row)) + '\n';
    if (buf.length > 1 << 16) await flush();
  }
  if (format === 'json') buf += first ? ']\n' : '\n]\n';
  await flush();
}

function tidy(row: FlatRow): FlatRow {
  const out: FlatRow = {};
  for (const k in row) {
    const v = row[k]!;
    out[k] = typeof v === 'number' ? tidyNumber(v) : v;
  }
  return out;
}

function csvCell(value: Cell, separator: string): string {
  if (typeof value === 'number') return String(tidyNumber(value));
  const v = Array.isArray(value) ? value.join(separator) : (value as Exclude<Cell, readonly string[]>);
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
