import { CsvByteWriter } from './CsvByteWriter.js';
import { csvCell, jsonCell, KeyedCellBytes, type CellWriter } from './cellBytes.js';
import type { Cell, OutputFormat, WriteRowsOptions } from './writeTable.js';

/**
 * A column read by index: its name and its cell for a row index, and optionally a faster way to
 * the same cells that the writers take when it is there.
 */
export interface IndexedColumn {
  readonly name: string;
  readonly cell: (index: number) => Cell;
  /** The column's numbers, when every cell is one: `cell(i) === values[i]` (NaN included), read without a call. */
  readonly values?: ArrayLike<number>;
  /**
   * A key of each row such that rows with equal keys have equal cells (a code, a day number, a
   * packed list): each key's cell is then formatted once and its bytes reused.
   */
  readonly key?: (index: number) => number;
}

/** A numeric column's reading: its cells are `values[i]`. */
export function numberCells(values: ArrayLike<number>): Omit<IndexedColumn, 'name'> {
  return { cell: (i) => values[i]!, values };
}

/** A coded column's reading: `cell`, keyed by `codes[i]` (rows with equal codes have equal cells). */
export function codedCells(codes: ArrayLike<number>, cell: (index: number) => Cell): Omit<IndexedColumn, 'name'> {
  return { cell, key: (i) => codes[i]! };
}

const NUMBER = 0;
const KEYED = 1;
const CELL = 2;
const OPEN = 123;
const CLOSE = 125;
const NEWLINE = 10;
const NONE = new Float64Array(0);
const NO_KEY = (): number => 0;
const encoder = new TextEncoder();
const NULL = encoder.encode('null');

/**
 * Writes the rows at `order` (indices into the columns) in the format, reading each cell from its
 * column, as UTF-8 bytes with no object or string per row. The bytes equal those of
 * {@link writeRows} on the same cells: CSV cells as `csvCell` writes them, JSON rows as
 * `JSON.stringify` of the row with numbers tidied. Numeric columns (`values`) are written
 * straight from their arrays; keyed columns (`key`) format each distinct cell once.
 */
export async function writeColumns(columns: readonly IndexedColumn[], order: ArrayLike<number>, format: OutputFormat, options: WriteRowsOptions = {}): Promise<void> {
  const out = options.out ?? process.stdout;
  const join = options.csvJoin ?? {};
  const csv = format === 'csv';
  const m = columns.length;
  const writers: CellWriter[] = columns.map((c) => (csv ? csvCell(join[c.name] ?? ';') : jsonCell));
  const kinds = Int8Array.from(columns, (c) => (c.values !== undefined ? NUMBER : c.key !== undefined ? KEYED : CELL));
  const values = columns.map((c) => c.values ?? NONE);
  const keys = columns.map((c) => c.key ?? NO_KEY);
  const cells = columns.map((c) => c.cell);
  const cached = columns.map((c, j) => new KeyedCellBytes(c.cell, writers[j]!));
  // JSON: the key of each column, with the comma before every one but the first
  const names = columns.map((c, j) => encoder.encode(`${j === 0 ? '' : ','}${JSON.stringify(c.name)}:`));
  const w = new CsvByteWriter();
  const flush = async (): Promise<void> => {
    if (w.length > 0 && !out.write(w.take())) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  if (csv) {
    w.raw(columns.map((c) => c.name).join(','));
    w.newline();
  } else if (format === 'json') w.raw('[');
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (format === 'json') w.raw(k === 0 ? '\n' : ',\n');
    if (!csv) w.byte(OPEN);
    for (let j = 0; j < m; j++) {
      if (csv) {
        if (j > 0) w.comma();
      } else w.bytes(names[j]!);
      const kind = kinds[j];
      if (kind === NUMBER) {
        const v = values[j]![i]!;
        if (csv || v - v === 0) w.number(v);
        else w.bytes(NULL);
      } else if (kind === KEYED) w.bytes(cached[j]!.at(keys[j]!(i), i));
      else writers[j]!(w, cells[j]!(i));
    }
    if (!csv) w.byte(CLOSE);
    if (format !== 'json') w.byte(NEWLINE);
    if (w.length > 1 << 16) await flush();
  }
  if (format === 'json') w.raw(order.length === 0 ? ']\n' : '\n]\n');
  await flush();
}
