import { invalidOption } from '../../errors/InvalidInputError.js';

/**
 * The list of observation lengths of a simulation: `T` repeated `customers` times, or `T` itself.
 * @throws {InvalidInputError} When a T is not positive and finite, or the count is not a non-negative integer.
 * @internal
 */
export function observationLengths(options: { readonly customers?: number; readonly T: number | readonly number[] }): number[] {
  let Ts: number[];
  if (typeof options.T === 'number') {
    const n = options.customers ?? 1;
    if (!Number.isInteger(n) || n < 0) invalidOption('customers', 'expected a non-negative integer');
    Ts = new Array<number>(n).fill(options.T);
  } else {
    Ts = Array.from(options.T);
  }
  for (const T of Ts) if (!Number.isFinite(T) || !(T > 0)) invalidOption('T', 'expected every T to be a positive finite number');
  return Ts;
}
