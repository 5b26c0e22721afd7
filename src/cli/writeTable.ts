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
  for (const raw of rows) {
    const row = tidy(raw);
    if (format === 'csv') buf += columns.map((c) => csvCell(row[c] ?? null, join[c] ?? ';')).join(',') + '\n';
    else if (format === 'json') {
      buf += (first ? '\n' : ',\n') + JSON.stringify(row);
      first = false;
    } else buf += JSON.stringify(row) + '\n';
    if (buf.length > 1 << 16) await flush();
  }
  if (format === 'json') buf += first ? ']\n' : '\n]\n';
  await flush();
}

/**
 * Numbers are written with 15 significant digits, which removes the binary noise of sums of
 * decimal money (77.41999999999999 is written 77.42) and keeps every digit a double can hold.
 */
function tidy(row: FlatRow): FlatRow {
  const out: FlatRow = {};
  for (const k in row) {
    const v = row[k]!;
    out[k] = typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(15)) : v;
  }
  return out;
}

function csvCell(value: Cell, separator: string): string {
  const v = Array.isArray(value) ? value.join(separator) : (value as Exclude<Cell, readonly string[]>);
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
