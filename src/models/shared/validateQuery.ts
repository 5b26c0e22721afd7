import { invalidOption } from '../../errors/InvalidInputError.js';

/**
 * Checks a horizon `t` (finite, >= 0) and optionally a count `n` (non-negative integer) passed to a
 * purchase model's methods.
 * @throws {InvalidInputError} With path `['options', 't']` or `['options', 'n']`.
 * @internal
 */
export function validateQuery(t: number, n?: number): void {
  if (!Number.isFinite(t) || t < 0) invalidOption('t', 'expected a finite horizon t >= 0');
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) invalidOption('n', 'expected a non-negative integer number of purchases');
}
