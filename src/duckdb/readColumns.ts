import type { DuckDbSession } from './openDuckDb.js';

import type { CustomerId } from '../transactions/types.js';

/**
 * What to read for each result column: numbers into a `Float64Array` (NULL as `NaN`), text, or
 * ids (numbers stay numbers when the engine's column is numeric, else text).
 */
export type ColumnKinds = Readonly<Record<string, 'number' | 'text' | 'id'>>;

/** The columns read, by name: `Float64Array` for numbers, `string[]` for text (NULL as `''`), `CustomerId[]` for ids. */
export type ReadColumns<K extends ColumnKinds> = { -readonly [N in keyof K]: K[N] extends 'number' ? Float64Array : K[N] extends 'id' ? CustomerId[] : string[] };

/**
 * Streams a query's result chunk by chunk (DuckDB's vectors of about 2,048 rows) into columns, so
 * only the columns themselves are held in JavaScript, never one object per row.
 * @param session - An open session.
 * @param sql - The query; its result must have every column named in `kinds`.
 * @param kinds - The columns to read and their kinds.
 * @returns The columns and the row count.
 * @internal
 */
export async function readColumns<K extends ColumnKinds>(session: DuckDbSession, sql: string, kinds: K): Promise<{ readonly length: number; readonly columns: ReadColumns<K> }> {
  const result = await session.connection.stream(sql);
  const names = result.columnNames();
  const wanted = Object.keys(kinds);
  const index = wanted.map((name) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`internal: the query has no column ${name} (it has ${names.join(', ')})`);
    return i;
  });
  let capacity = 4096;
  let length = 0;
  const numbers = wanted.map((name) => (kinds[name] === 'number' ? new Float64Array(capacity) : null));
  const texts = wanted.map((name) => (kinds[name] !== 'number' ? ([] as CustomerId[]) : null));
  const ids = wanted.map((name) => kinds[name] === 'id');
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    if (length + rows > capacity) {
      while (length + rows > capacity) capacity *= 2;
      for (let k = 0; k < wanted.length; k++) {
        const old = numbers[k];
        if (old) {
          const grown = new Float64Array(capacity);
          grown.set(old.subarray(0, length));
          numbers[k] = grown;
        }
      }
    }
    for (let k = 0; k < wanted.length; k++) {
      const values = chunk.getColumnValues(index[k]!);
      const num = numbers[k];
      if (num) {
        for (let r = 0; r < rows; r++) {
          const v = values[r];
          num[length + r] = v === null || v === undefined ? Number.NaN : Number(v);
        }
      } else {
        const out = texts[k]!;
        const asId = ids[k]!;
        for (let r = 0; r < rows; r++) {
          const v = values[r];
          if (asId && typeof v === 'bigint' && v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)) out.push(Number(v));
          else if (asId && typeof v === 'number') out.push(v);
          else out.push(v === null || v === undefined ? '' : String(v));
        }
      }
    }
    length += rows;
  }
  const columns: Record<string, Float64Array | CustomerId[]> = {};
  for (let k = 0; k < wanted.length; k++) columns[wanted[k]!] = numbers[k] ? numbers[k]!.slice(0, length) : texts[k]!;
  return { length, columns: columns as ReadColumns<K> };
}
