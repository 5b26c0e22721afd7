import { InvalidInputError } from '../../errors/InvalidInputError.js';

/**
 * Checks that each named parameter is a positive finite number and returns them.
 * @internal
 */
export function checkParams<P extends object>(params: P, names: readonly (keyof P & string)[], fn: string): P {
  for (const name of names) {
    const v = params[name] as unknown;
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw new InvalidInputError([{ code: 'invalid_parameter', path: ['params', name], message: `${fn}: expected ${name} to be a positive finite number` }]);
    }
  }
  return params;
}
