import { expect } from 'vitest';
import { InvalidInputError } from '../../src/index.js';

/** The issues of the InvalidInputError that `run` throws (fails the test when it throws nothing or another error). */
export function thrownIssues(run: () => unknown): InvalidInputError['issues'] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues;
  }
  throw new Error('expected an InvalidInputError');
}
