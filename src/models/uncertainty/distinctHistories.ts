import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { historyOf, rowsOf } from '../fit/fitInput.js';

/** The history fields a fit may read, in the order they are compared. */
const HISTORY_FIELDS = ['frequency', 'recency', 'T', 'periods', 'monetaryValue'] as const;

/** Customers collapsed to their distinct histories, in the form the fits accept. @internal */
export interface DistinctHistories {
  /** The distinct histories: plain objects for array input, columns for columns input. */
  readonly data: readonly Record<string, number>[] | Readonly<Record<string, Float64Array>>;
  /** Number of distinct histories. */
  readonly size: number;
  /** For each input row, the index of its history in `data`. */
  readonly groupOf: Int32Array;
  /** Number of input rows. */
  readonly rows: number;
}

/**
 * Groups customers by their history, so that a resample is a vector of counts over the distinct
 * histories and a refit costs O(distinct histories), not O(customers). Rows are arrays (of
 * histories, or of elements carrying one in `btyd`), `{ customers }`, or columns (an object of
 * equal-length `Float64Array`s). Two rows are the same history when every history field
 * (frequency, recency, T, periods, monetaryValue: those the first row has) is equal. O(n).
 * @throws {InvalidInputError} `invalid_type` when the data are none of these forms.
 * @internal
 */
export function distinctHistories(data: unknown, fn: string): DistinctHistories {
  const rows = rowsOf<Record<string, unknown>>(data);
  if (rows !== null) {
    const n = rows.length;
    const first = n > 0 && rows[0] !== null && typeof rows[0] === 'object' ? historyOf(rows[0]!) : {};
    const fields = HISTORY_FIELDS.filter((f) => typeof (first as Record<string, unknown>)[f] === 'number');
    const seen = new Map<string, number>();
    const out: Record<string, number>[] = [];
    const groupOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const h = historyOf(rows[i]!) as Record<string, number>;
      let key = '';
      for (const f of fields) key += `${h[f]} `;
      let g = seen.get(key);
      if (g === undefined) {
        g = out.length;
        seen.set(key, g);
        const row: Record<string, number> = {};
        for (const f of fields) row[f] = h[f]!;
        out.push(row);
      }
      groupOf[i] = g;
    }
    return { data: out, size: out.length, groupOf, rows: n };
  }
  if (data === null || typeof data !== 'object') {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of customers, { customers }, or columns as Float64Arrays' }], fn);
  }
  const names = Object.keys(data).filter((k) => (data as Record<string, unknown>)[k] instanceof Float64Array);
  if (names.length === 0) {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of customers, { customers }, or columns as Float64Arrays' }], fn);
  }
  const cols = names.map((k) => (data as Record<string, Float64Array>)[k]!);
  const n = cols[0]!.length;
  const seen = new Map<string, number>();
  const firstRow: number[] = [];
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let key = '';
    for (const c of cols) key += `${c[i]} `;
    let g = seen.get(key);
    if (g === undefined) {
      g = firstRow.length;
      seen.set(key, g);
      firstRow.push(i);
    }
    groupOf[i] = g;
  }
  const out: Record<string, Float64Array> = {};
  names.forEach((k, j) => {
    out[k] = Float64Array.from(firstRow, (r) => cols[j]![r]!);
  });
  return { data: out, size: firstRow.length, groupOf, rows: n };
}
