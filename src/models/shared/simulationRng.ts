import { invalidOption } from '../../errors/InvalidInputError.js';
import { createRng, type Rng } from '../../math/random.js';

/**
 * The generator of a simulation: `options.rng` when given, else `createRng(options.seed)`.
 * @throws {InvalidInputError} When `seed` is not a finite number or `rng` not a function.
 * @internal
 */
export function simulationRng(options: { readonly seed?: number; readonly rng?: Rng }, defaultSeed?: number): Rng {
  if (options.rng !== undefined) {
    if (typeof options.rng !== 'function') invalidOption('rng', 'expected a generator from createRng');
    return options.rng;
  }
  const seed = options.seed ?? defaultSeed;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) invalidOption('seed', 'expected a finite number');
  return createRng(seed);
}
