import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { rejectUnknownKeys } from '../../errors/knownKeys.js';

/**
 * Checks that `params` is an object with exactly the named parameters (an unknown key is an
 * `unknown_option` error at `['params', key]` naming the nearest valid one), each a positive finite
 * number, and returns them.
 * @internal
 */
export function checkParams<P extends object>(params: P, names: readonly (keyof P & string)[], fn: string): P {
  if (params === null || typeof params !== 'object') {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['params'], message: `${fn}: expected an object of parameters ${names.join(', ')}` }]);
  }
  rejectUnknownKeys(params, names, 'params', fn);
  for (const name of names) {
    const v = params[name] as unknown;
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw new InvalidInputError([{ code: 'invalid_parameter', path: ['params', name], message: `${fn}: expected ${name} to be a positive finite number` }]);
    }
  }
  return params;
}
