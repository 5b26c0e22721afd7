import type { InputIssue, IssueCode, NonEmptyArray } from '../errors/issues.js';
import type { Field, ResolvedColumns } from './columnMapping.js';
import { fieldText } from './decodeField.js';

/** What was wrong with one line, as found by the reader. @internal */
export interface LineProblems {
  readonly customerMissing: boolean;
  /** The date field: absent or empty (`'missing'`), unreadable (`'invalid'`), or fine (`null`). */
  readonly date: 'missing' | 'invalid' | null;
  readonly amountInvalid: boolean;
  readonly costInvalid: boolean;
  readonly quantityInvalid: boolean;
  /** `'invalid'` when not a number, `'negative'` when below 0. */
  readonly discount: 'invalid' | 'negative' | null;
  readonly promoInvalid: boolean;
  /** A valid return (negative amount) under `returns: 'reject'`. */
  readonly rejectedReturn: boolean;
}

/** Where a line is and how its fields lie. @internal */
export interface LineContext {
  /** 1-based line number, header included. */
  readonly line: number;
  /** 0-based index of the data record (header and blank lines not counted). */
  readonly record: number;
  readonly columns: ResolvedColumns;
  /** The line's field bytes: field k is `bytes[start[k], end[k])`, for k < `count`. */
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly count: number;
  /** How dates must be written, for messages. */
  readonly expectedDate: string;
  /** Whether raw values may appear in messages. */
  readonly revealValues: boolean;
}

/**
 * The issue wording of the text reader: one issue per problem of the line, in field order,
 * each with its code, `[record, field]` path, line and 1-based column numbers, and a message
 * saying what was expected (with the raw field only under `revealValues`).
 * @internal
 */
export function lineIssues(p: LineProblems, at: LineContext): NonEmptyArray<InputIssue> {
  const issues: InputIssue[] = [];
  const fail = (field: Field, code: IssueCode, problem: string, expected: string): void => {
    const k = at.columns[field];
    const raw = k < at.count ? fieldText(at.bytes, at.start[k]!, at.end[k]!) : undefined;
    const message = `${problem} (expected ${expected})${at.revealValues && raw !== undefined ? ` (got ${JSON.stringify(raw)})` : ''}`;
    issues.push({ code, path: [at.record, field], line: at.line, column: k + 1, message });
  };
  if (p.customerMissing) fail('customer', 'missing_field', 'missing', 'a customer id');
  if (p.date === 'missing') fail('date', 'missing_field', 'missing', at.expectedDate);
  else if (p.date === 'invalid') fail('date', 'invalid_date', 'not a valid date', at.expectedDate);
  if (p.amountInvalid) fail('amount', 'not_finite', 'not a number', 'a finite number');
  if (p.costInvalid) fail('cost', 'not_finite', 'not a number', 'a finite number or empty');
  if (p.quantityInvalid) fail('quantity', 'not_finite', 'not a number', 'a finite number or empty');
  if (p.discount !== null) fail('discount', p.discount === 'invalid' ? 'not_finite' : 'out_of_range', 'not a number >= 0', 'a finite number >= 0 or empty');
  if (p.promoInvalid) fail('promo', 'invalid_value', 'not a yes/no value', 'true/false, yes/no, 1/0 or empty');
  if (p.rejectedReturn) fail('amount', 'negative_amount', "a return (negative amount) where returns: 'reject'", 'an amount >= 0');
  return issues as unknown as NonEmptyArray<InputIssue>;
}
