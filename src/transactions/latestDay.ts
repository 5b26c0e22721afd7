import { invalidOption } from '../errors/InvalidInputError.js';
import type { TransactionTable } from './types.js';

/**
 * The latest day of a table, as days since 1970-01-01: the default as-of date.
 * @throws {@link InvalidInputError} (code `missing_option`, path `['options', 'asOf']`) for an empty table.
 * @internal
 */
export function latestDay(table: TransactionTable): number {
  if (table.length === 0) invalidOption('asOf', 'needed when there are no transactions (expected yyyy-MM-dd)', 'missing_option');
  const day = table.day;
  let hi = -2147483648;
  for (let i = 0; i < table.length; i++) if (day[i]! > hi) hi = day[i]!;
  return hi;
}
