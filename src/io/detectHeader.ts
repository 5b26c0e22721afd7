import type { ColumnMap } from './columnMapping.js';

/**
 * Whether the first line, split into `fields`, is a header. `mode` true or false decides;
 * under `'auto'` it is when a column is named (not by position), or when the amount (or price)
 * field is not a number; without an amount position, when the date field does not start with a
 * digit.
 * @internal
 */
export function isHeaderLine(fields: readonly string[], mode: boolean | 'auto', columns: ColumnMap): boolean {
  if (mode !== 'auto') return mode;
  for (const v of Object.values(columns)) if (typeof v === 'string' && !/^\d+$/.test(v)) return true;
  const ref = columns.amount ?? columns.price;
  const amountPos = typeof ref === 'number' ? ref : typeof ref === 'string' ? Number(ref) : 3;
  const a = fields[amountPos - 1];
  if (a === undefined) {
    const datePos = typeof columns.date === 'number' ? columns.date : 2;
    const d = fields[datePos - 1]?.trim() ?? '';
    return !/^\d/.test(d);
  }
  return a.trim() === '' || !/^[+-]?[\d.,]+(?:[eE][+-]?\d+)?$/.test(a.trim());
}

/**
 * The last `,` (44) or `.` (46) in `bytes[start, end)`, 0 when there is none: under
 * `decimal: 'auto'`, the first money field written with one decides the decimal separator.
 * @internal
 */
export function lastSeparator(bytes: Uint8Array, start: number, end: number): 0 | 44 | 46 {
  let last: 0 | 44 | 46 = 0;
  for (let i = start; i < end; i++) if (bytes[i] === 44 || bytes[i] === 46) last = bytes[i] as 44 | 46;
  return last;
}
