import { InvalidInputError } from '../../src/index.js';

/** The first issue of the InvalidInputError `f` throws; fails when it throws nothing or another error. */
export function issueOf(f: () => unknown): InvalidInputError['issues'][0] {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidInputError) return e.issues[0];
    throw e;
  }
  throw new Error('expected an InvalidInputError');
}
