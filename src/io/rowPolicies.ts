import type { ReturnsPolicy } from '../transactions/options.js';
import type { Field, ResolvedColumns } from './columnMapping.js';

/*
 * The row policies of the text reader, each a decision on one row's bytes or values: skip a row
 * with a blank field (`skipMissing`), read a cancelled order's row as a return
 * (`cancelledPrefix`), and keep, drop or reject a return (`returns`).
 */

/**
 * Whether the row is skipped under `skipMissing`: one of `fields` is in the file but absent from
 * this row or blank. Field k of the row is `bytes[start[k], end[k])`, k < `count`.
 * @internal
 */
export function skipsRow(bytes: Uint8Array, start: Int32Array, end: Int32Array, count: number, columns: ResolvedColumns, fields: readonly Field[]): boolean {
  for (const field of fields) {
    const k = columns[field];
    if (k >= 0 && (k >= count || isBlank(bytes, start[k]!, end[k]!))) return true;
  }
  return false;
}

/** Whether `bytes[start, end)` holds only blanks and control bytes (code <= 32). @internal */
export function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! > 32) return false;
  return true;
}

/** Whether the order id `bytes[start, end)` (trimmed) starts with the cancelled-order prefix. @internal */
export function isCancelledOrder(bytes: Uint8Array, start: number, end: number, prefix: Uint8Array): boolean {
  if (end - start < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (bytes[start + k] !== prefix[k]) return false;
  return true;
}

/**
 * What becomes of a valid row with this amount: kept (a purchase, or a return netted), dropped
 * (a return under `'drop'`) or rejected (a return under `'reject'`).
 * @internal
 */
export function returnAction(amount: number, returns: ReturnsPolicy): 'keep' | 'drop' | 'reject' {
  if (!(amount < 0) || returns === 'net') return 'keep';
  return returns === 'drop' ? 'drop' : 'reject';
}
