import { formatIssue, type InputIssue, type IssueCode, type NonEmptyArray } from './issues.js';

/**
 * Thrown when caller input (rows, options, summaries, signals) is invalid.
 *
 * `issues` holds every problem found, in input order; the error's own message describes the
 * first one and says how many more there are.
 *
 * @example
 * ```ts
 * import { InvalidInputError, parseTransactions } from 'loyalty-score';
 * let caught;
 * try {
 *   parseTransactions([{ customerId: 'a', date: '2024-01-01', amount: Number.NaN }]);
 * } catch (e) {
 *   caught = e;
 * }
 * caught instanceof InvalidInputError; // => true
 * caught.issues[0].path; // => [0, 'amount']
 * caught.message; // => 'row 0, amount: not a finite number (expected a finite number)'
 * ```
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  /** Every problem found, first one first. */
  readonly issues: NonEmptyArray<InputIssue>;

  constructor(issues: NonEmptyArray<InputIssue>, context?: string) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
    super(`${context ? `${context}: ` : ''}${formatIssue(issues[0])}${more}`);
    this.issues = issues;
  }
}

/**
 * Throws an {@link InvalidInputError} for a single problem with an option or argument.
 * @internal
 */
export function invalidOption(name: string, message: string, code: IssueCode = 'invalid_option'): never {
  throw new InvalidInputError([{ code, path: ['options', name], message }]);
}
