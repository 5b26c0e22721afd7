import { CsvByteWriter } from './CsvByteWriter.js';
import type { Cell } from './writeTable.js';

/** Writes one cell in an output format. */
export type CellWriter = (w: CsvByteWriter, value: Cell) => void;

/** A CSV cell: numbers as {@link CsvByteWriter.number}, lists joined with `separator`, RFC 4180 quoting. */
export function csvCell(separator: string): CellWriter {
  return (w, value) => {
    if (typeof value === 'number') w.number(value);
    else if (typeof value === 'string') w.text(value);
    else if (value !== null) w.text(typeof value === 'boolean' ? String(value) : value.join(separator));
  };
}

/** A JSON value, as `JSON.stringify` writes the cell once tidied (`tidyNumber`; not finite is `null`). */
export function jsonCell(w: CsvByteWriter, value: Cell): void {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) w.number(value);
    else w.raw('null');
  } else if (typeof value === 'string') w.jsonText(value);
  else w.raw(JSON.stringify(value));
}

/** Keys from 0 up to this bound are looked up in an array, others in a map. */
const DENSE = 1 << 16;

/**
 * The encoded bytes of a keyed column's cells: the cell of the first row seen with each key,
 * encoded once by `write` and shared by every later row with that key (equal keys mean equal
 * cells, which is what a column's `key` promises).
 * @internal
 */
export class KeyedCellBytes {
  private readonly dense: (Uint8Array | undefined)[] = [];
  private readonly sparse = new Map<number, Uint8Array>();

  constructor(
    private readonly cell: (index: number) => Cell,
    private readonly write: CellWriter,
  ) {}

  /** The bytes of the cell of row `index`, whose key is `key`. */
  at(key: number, index: number): Uint8Array {
    if (key >= 0 && key < DENSE && (key | 0) === key) {
      const hit = this.dense[key];
      if (hit !== undefined) return hit;
      const made = this.encode(index);
      while (this.dense.length < key) this.dense.push(undefined);
      this.dense[key] = made;
      return made;
    }
    const hit = this.sparse.get(key);
    if (hit !== undefined) return hit;
    const made = this.encode(index);
    this.sparse.set(key, made);
    return made;
  }

  private encode(index: number): Uint8Array {
    const w = new CsvByteWriter(64);
    this.write(w, this.cell(index));
    return w.take();
  }
}
