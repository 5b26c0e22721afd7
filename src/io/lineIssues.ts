import type { InputIssue, IssueCode, NonEmptyArray } from '../errors/issues.js';
import type { Field, ResolvedColumns } from './columnMapping.js';
import { fieldText } from './decodeField.js';
import { expectedNumber, numberHint } from './decodeNumber.js';

/** What was wrong with one line, as found by the reader. @internal */
export interface LineProblems {
  readonly customerMissing: boolean;
  /** The date field: absent or empty (`'missing'`), unreadable (`'invalid'`), or fine (`null`). */
  readonly date: 'missing' | 'invalid' | null;
  /** The amount field (or price, quantity, refunded when the amount is computed): absent or empty, not a number, or fine. */
  readonly amount: 'missing' | 'invalid' | null;
  readonly priceInvalid: boolean;
  /** The quantity: `'missing'` only when the amount is computed from it. */
  readonly quantity: 'missing' | 'invalid' | null;
  readonly refundedInvalid: boolean;
  readonly costInvalid: boolean;
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
  /** The decimal separator numbers are read with. */
  readonly decimal: 44 | 46;
  /** Whether raw values may appear in messages. */
  readonly revealValues: boolean;
}

/**
 * The issue wording of the text reader: one issue per problem of the line, in field order,
 * each with its code, `[record, field]` path, line and 1-based column numbers, and a message
 * saying what was expected (with the raw field only under `revealValues`, and a hint when a
 * number looks written with another decimal separator or a currency sign).
 * @internal
 */
export function lineIssues(p: LineProblems, at: LineContext): NonEmptyArray<InputIssue> {
  const issues: InputIssue[] = [];
  const raw = (field: Field): string | undefined => {
    const k = at.columns[field];
    return k >= 0 && k < at.count ? fieldText(at.bytes, at.start[k]!, at.end[k]!) : undefined;
  };
  const fail = (field: Field, code: IssueCode, problem: string, expected: string, hint: string | null = null): void => {
    const k = at.columns[field];
    const value = raw(field);
    const message = `${problem} (expected ${expected})${hint ? `; ${hint}` : ''}${at.revealValues && value !== undefined ? ` (got ${JSON.stringify(value)})` : ''}`;
    issues.push({ code, path: [at.record, field], line: at.line, column: k + 1, message });
  };
  const notNumber = (field: Field, expected: string): void => {
    const value = raw(field);
    fail(field, 'not_finite', 'not a number', expected, value === undefined ? null : numberHint(value, at.decimal));
  };
  if (p.customerMissing) fail('customer', 'missing_field', 'missing', 'a customer id');
  if (p.date === 'missing') fail('date', 'missing_field', 'missing', at.expectedDate);
  else if (p.date === 'invalid') fail('date', 'invalid_date', 'not a valid date', at.expectedDate);
  const amountField: Field = at.columns.amount >= 0 ? 'amount' : 'price';
  const number = expectedNumber(at.decimal);
  if (p.amount === 'missing') fail(amountField, 'missing_field', 'missing', number);
  else if (p.amount === 'invalid') notNumber(amountField, number);
  if (p.priceInvalid && amountField !== 'price') notNumber('price', `${number}, or empty`);
  if (p.quantity === 'missing') fail('quantity', 'missing_field', 'missing', `${number} (the amount is quantity × price)`);
  else if (p.quantity === 'invalid') notNumber('quantity', `${number}, or empty`);
  if (p.refundedInvalid) notNumber('refunded', `${number}, or empty`);
  if (p.costInvalid) notNumber('cost', `${number}, or empty`);
  if (p.discount !== null) fail('discount', p.discount === 'invalid' ? 'not_finite' : 'out_of_range', 'not a number >= 0', `a decimal number >= 0 such as ${at.decimal === 44 ? '12,50' : '12.50'}, or empty`);
  if (p.promoInvalid) fail('promo', 'invalid_value', 'not a yes/no value', 'true/false, yes/no, 1/0 or empty');
  if (p.rejectedReturn) fail(amountField, 'negative_amount', "a return (negative amount) where returns: 'reject'", 'an amount >= 0');
  return issues as unknown as NonEmptyArray<InputIssue>;
}
