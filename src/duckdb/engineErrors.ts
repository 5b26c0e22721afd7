import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { IssueCode } from '../errors/issues.js';

/**
 * The checks summarySql raises inside the engine (messages starting `loyalty-score:`), told apart
 * by a key phrase, and the issue each one becomes.
 */
const RAISED: readonly { readonly key: RegExp; readonly code: IssueCode; readonly field: string; readonly message: string }[] = [
  { key: /customer id/, code: 'invalid_customer_id', field: 'customerId', message: 'rows without a customer id (expected a non-empty id in every row)' },
  { key: /valid date/, code: 'invalid_date', field: 'date', message: 'rows without a valid date (expected a date in the dateFormat given)' },
  { key: /finite amount/, code: 'not_finite', field: 'amount', message: 'rows without a finite amount (expected a finite number in every row)' },
  { key: /cost/, code: 'not_finite', field: 'cost', message: 'rows whose cost is not finite (expected a finite number or NULL)' },
  { key: /returns|negative amount/, code: 'negative_amount', field: 'amount', message: "returns (negative amounts) under returns: 'reject' (expected amounts >= 0)" },
  { key: /after asOf/, code: 'after_as_of', field: 'date', message: "rows dated after asOf under afterAsOf: 'reject' (expected no later rows)" },
];

/**
 * An engine's error as the library's: a check of the summary query becomes an
 * {@link InvalidInputError} naming the field (without the raw value: the engine's own message,
 * which quotes it, is kept as the `cause`); a column missing from the source becomes
 * `missing_column`; a path or glob matching no file becomes an `Error` with `code: 'ENOENT'`, as
 * Node's file errors. Anything else is returned unchanged.
 * @internal
 */
export function engineError(e: unknown, context: string): unknown {
  const text = e instanceof Error ? e.message : String(e);
  const raised = /loyalty-score: ([^:\n]*)(?::\s*(\d+))?/.exec(text);
  const r = raised ? RAISED.find((c) => c.key.test(raised[1]!)) : undefined;
  if (raised && r) {
    const count = raised[2] === undefined ? '' : ` (${raised[2]} row${raised[2] === '1' ? '' : 's'})`;
    const error = new InvalidInputError([{ code: r.code, path: ['source', r.field], message: `${r.message}${count}` }], context);
    (error as { cause?: unknown }).cause = e;
    return error;
  }
  const noFile = /No files found that match the pattern "([^"]*)"/.exec(text);
  if (noFile) {
    // As Node's own file errors, so that callers (the CLI's exit code 3) treat it as one.
    return Object.assign(new Error(`${context}: no file matches ${noFile[1]!}`, { cause: e }), { code: 'ENOENT' });
  }
  const missing = /Referenced column "([^"]*)" not found|does not have a column named "([^"]*)"/.exec(text);
  if (missing) {
    const error = new InvalidInputError([{ code: 'missing_column', path: ['source', missing[1] ?? missing[2]!], message: 'no such column in the source (name it in the columns option)' }], context);
    (error as { cause?: unknown }).cause = e;
    return error;
  }
  return e;
}
