export { InvalidInputError } from './InvalidInputError.js';
export { formatIssue, type InputIssue, type IssueCode, type NonEmptyArray } from './issues.js';
export { safe, type SafeResult } from './safe.js';
