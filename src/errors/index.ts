export { InvalidInputError } from './InvalidInputError.js';
export { formatIssue, type InputIssue, type NonEmptyArray } from './issues.js';
