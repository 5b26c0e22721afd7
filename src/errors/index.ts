/**
 * The failure contract. Bad input raises {@link InvalidInputError}, which holds a non-empty list of
 * issues `{ code, path, message }` (path `[index, field]`); {@link formatIssue} turns one into a
 * line of text.
 *
 * Import from `loyalty-score`.
 *
 * @module errors
 */
export { InvalidInputError } from './InvalidInputError.js';
export { formatIssue, type InputIssue, type IssueCode, type NonEmptyArray } from './issues.js';
export { safe, type SafeResult } from './safe.js';
