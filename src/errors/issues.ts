/**
 * A single problem found in caller input.
 *
 * `path` locates it: for transaction rows `[row, field]` (row is the 0-based index in the input),
 * for options `['options', name]`, for customers `[customerId, field]`. `message` says what was
 * expected. Raw customer values are kept out of messages unless the caller opts in.
 */
export interface InputIssue {
  /** Machine-readable reason, e.g. `invalid_date`, `missing_field`, `not_finite`, `negative_amount`. */
  readonly code: string;
  /** Where the problem is: row index or customer id, then the field name. */
  readonly path: readonly (string | number)[];
  /** Human-readable sentence naming what was expected. */
  readonly message: string;
}

/** A non-empty list. */
export type NonEmptyArray<T> = readonly [T, ...T[]];

/**
 * Formats one issue as `"<path>: <message>"`, e.g. `row 17, date: not a valid date (expected yyyy-MM-dd)`.
 *
 * A numeric first path element is written as `row N`; a string as it is.
 *
 * @example
 * ```ts
 * import { formatIssue } from 'loyalty-score';
 * const issue = { code: 'invalid_date', path: [17, 'date'], message: 'not a valid date (expected yyyy-MM-dd)' };
 * formatIssue(issue); // => 'row 17, date: not a valid date (expected yyyy-MM-dd)'
 * ```
 */
export function formatIssue(issue: InputIssue): string {
  const where = issue.path
    .map((p, i) => (i === 0 && typeof p === 'number' ? `row ${p}` : String(p)))
    .join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}
