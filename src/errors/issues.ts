/**
 * Why an input was refused: the closed list of codes an {@link InputIssue} carries.
 *
 * Codes are stable and machine-readable; the sentence for people is the issue's `message`.
 * A test (`test/errors/issueCodes.test.ts`) fails when the library raises a code that is not
 * listed here, or lists one it never raises.
 *
 * Shape and type
 * - `invalid_type`: a value or argument of the wrong kind (a string where a number belongs, an
 *   argument that is not the expected result object).
 * - `not_an_object`: a row, customer or record that is not an object.
 * - `missing_field`: a required field that is absent, `null` or empty (an empty customer id).
 * - `unknown_field`: a field the input type does not have (usually a spelling mistake).
 * - `length_mismatch`: two inputs that must have one entry each per item differ in length.
 *
 * Values
 * - `not_finite`: not a finite number (`NaN`, `Infinity`, text that is not a number).
 * - `not_integer`: a whole number was expected.
 * - `out_of_range`: a number outside its allowed range (negative where `>= 0` is required, a
 *   survey answer off the scale, a share above 1).
 * - `invalid_value`: a value that breaks a rule of its own (an answer that is not yes/no, signals
 *   that contradict each other).
 * - `invalid_date`: a date that does not parse in the expected format, or an invalid `Date`.
 * - `date_out_of_range`: a transaction date or a date option outside the accepted range
 *   (`dateRange`, by default 1900-01-01 to 2199-12-31).
 * - `negative_cost`: a purchase with a negative cost (profit above revenue) under
 *   `negativeCost: 'error'`.
 * - `negative_quantity`: a negative quantity on a positive amount.
 * - `order_id_conflict`: an order id already used by another customer or on another day, under
 *   `orderIds: 'strict'`.
 * - `negative_amount`: a return (negative amount) under `returns: 'reject'`.
 * - `after_as_of`: a transaction dated after `asOf` under `afterAsOf: 'reject'`.
 * - `invalid_weight`: a customer weight (count) that is not a finite number `>= 0`.
 *
 * Customers and summaries
 * - `invalid_customer_id`: a customer id that is neither a non-empty string nor a finite number.
 * - `duplicate_customer`: the same customer id twice where ids must be unique.
 * - `no_customers`: nothing to work on (no customer, or none with a positive weight).
 * - `invalid_frequency`: a repeat-purchase count that is not a whole number `>= 0`.
 * - `invalid_recency`: a recency that is negative, after `T`, or non-zero without repeat purchases.
 * - `invalid_T`: a customer age `T` that is not a finite number `>= 0`.
 * - `invalid_history`: a discrete-time (BG/BB) history that is inconsistent.
 * - `missing_profit`: tiering by profit for a customer whose rows lack a cost.
 *
 * Models
 * - `not_identified`: the data cannot tell the model's parameters apart (nobody repeats, every
 *   `T` is 0, no positive spend).
 * - `no_mean`: the Gamma-Gamma expected spend does not exist for these parameters (`p x + q <= 1`).
 * - `invalid_parameter`: a model parameter that is not a positive finite number.
 *
 * RFM and tiers
 * - `invalid_segment_rule`: a segment rule that is malformed (no name, bad score range).
 * - `segment_overlap`: two segment rules claim the same RFM cell.
 * - `segment_missing`: an RFM cell that no segment rule covers.
 * - `invalid_score`: an RFM score that is not a whole number from 1 to k.
 * - `incompatible_scores`: two RFM results on different scales (different k).
 * - `invalid_tier`: a tier other than `'A'`, `'B'`, `'C'`, `'D'`.
 * - `invalid_assignment`: a tier assignment record that is malformed.
 *
 * Options
 * - `invalid_option`: an option of the wrong type or not one of its allowed values.
 * - `unknown_option`: a key that an options object (path `['options', key]`) or a model's
 *   parameter object (path `['params', key]`) does not have: a typo, named with the nearest valid
 *   name ("did you mean discountRate?").
 * - `missing_option`: a required option not given (e.g. `asOf` with no transactions).
 * - `divergent`: options whose result would be infinite (retention 1 over an infinite horizon).
 *
 * Files (command line)
 * - `missing_column`: a required column not found in a file's header.
 * - `unknown_column`: a header column the reader does not know.
 * - `no_transactions`: a file without a single valid transaction.
 */
export type IssueCode =
  | 'invalid_type'
  | 'not_an_object'
  | 'missing_field'
  | 'unknown_field'
  | 'length_mismatch'
  | 'not_finite'
  | 'not_integer'
  | 'out_of_range'
  | 'invalid_value'
  | 'invalid_date'
  | 'date_out_of_range'
  | 'negative_cost'
  | 'negative_quantity'
  | 'order_id_conflict'
  | 'negative_amount'
  | 'after_as_of'
  | 'invalid_weight'
  | 'invalid_customer_id'
  | 'duplicate_customer'
  | 'no_customers'
  | 'invalid_frequency'
  | 'invalid_recency'
  | 'invalid_T'
  | 'invalid_history'
  | 'missing_profit'
  | 'not_identified'
  | 'no_mean'
  | 'invalid_parameter'
  | 'invalid_segment_rule'
  | 'segment_overlap'
  | 'segment_missing'
  | 'invalid_score'
  | 'incompatible_scores'
  | 'invalid_tier'
  | 'invalid_assignment'
  | 'invalid_option'
  | 'unknown_option'
  | 'missing_option'
  | 'divergent'
  | 'missing_column'
  | 'unknown_column'
  | 'no_transactions';

/**
 * A single problem found in caller input.
 *
 * `path` locates it, always in one of these forms:
 * - `[index, field]`: the item at 0-based position `index` of the input list (a transaction
 *   row, a customer summary, an assignment), then the field name;
 * - `[argument, index, field]`: the same inside one of several list arguments (`['before', 3, 'r']`);
 * - `['options', name]`: an option;
 * - `[argument]` or `[argument, field]`: a whole argument (`['customers', 'frequency']` when no
 *   customer repeats);
 * - `[]`: the input as a whole.
 *
 * A customer id never takes the index slot: when the item is a customer, its id is in
 * `customerId`, and only when the caller opts in with `revealValues: true` (ids are personal data
 * and issues end up in logs). Issues from text carry the 1-based `line` and `column` numbers.
 * `message` says what was expected; raw customer values are kept out of messages and issues
 * unless the caller opts in.
 */
export interface InputIssue {
  /** Machine-readable reason; see {@link IssueCode}. */
  readonly code: IssueCode;
  /** Where the problem is (see above): position, then field. */
  readonly path: readonly (string | number)[];
  /** Human-readable sentence naming what was expected. */
  readonly message: string;
  /**
   * The id of the customer concerned (a `CustomerId`), when the item is a customer and the call
   * was made with `revealValues: true`; absent otherwise (the path's index names the customer).
   */
  readonly customerId?: string | number;
  /** 1-based line number in the text read (header included), for issues from text. */
  readonly line?: number;
  /** 1-based column (field) number in that line, for issues from text. */
  readonly column?: number;
}

/** A non-empty list. */
export type NonEmptyArray<T> = readonly [T, ...T[]];

/**
 * Formats one issue as `"<where>: <message>"`.
 *
 * Where: from text, `line L, column C (field)` (the field is the path's last name); for a customer,
 * the index becomes `customer ID (index N)`, or without an index `customer ID` takes the place
 * of the argument name; for a row, `row N, field`; otherwise the
 * path elements joined by commas.
 *
 * @param issue - The issue.
 * @returns One line of text.
 * @example
 * ```ts
 * import { formatIssue } from 'loyalty-score';
 * const row = { code: 'invalid_date', path: [17, 'date'], message: 'not a valid date (expected yyyy-MM-dd)' } as const;
 * formatIssue(row); // => 'row 17, date: not a valid date (expected yyyy-MM-dd)'
 * const customer = { code: 'invalid_T', path: [3, 'T'], customerId: 1001, message: 'expected a finite age T >= 0' } as const;
 * formatIssue(customer); // => 'customer 1001 (index 3), T: expected a finite age T >= 0'
 * const text = { code: 'invalid_date', path: [15, 'date'], line: 17, column: 2, message: 'not a valid date (expected yyyyMMdd)' } as const;
 * formatIssue(text); // => 'line 17, column 2 (date): not a valid date (expected yyyyMMdd)'
 * ```
 */
export function formatIssue(issue: InputIssue): string {
  const { path } = issue;
  let where: string;
  if (issue.line !== undefined) {
    const last = path[path.length - 1];
    const field = typeof last === 'string' ? last : undefined;
    if (issue.column !== undefined) where = `line ${issue.line}, column ${issue.column}${field === undefined ? '' : ` (${field})`}`;
    else where = field === undefined ? `line ${issue.line}` : `line ${issue.line}, ${field}`;
  } else {
    const parts = path.map(String);
    const k = path.findIndex((p) => typeof p === 'number');
    if (issue.customerId !== undefined) {
      const who = `customer ${String(issue.customerId)}`;
      if (k >= 0) parts[k] = `${who} (index ${parts[k]})`;
      else if (parts.length > 0 && parts[0] !== 'options') parts[0] = who;
      else parts.unshift(who);
    } else if (k === 0) parts[0] = `row ${parts[0]}`;
    where = parts.join(', ');
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * `{ customerId }` when `reveal` is true and `id` is a valid customer id (a non-empty string or a
 * finite number), else `{}`: spread into an issue about an item that may carry an id. Ids are
 * personal data and issues end up in logs, so an issue carries its customer's id only when the
 * caller asked for it (`revealValues: true`); otherwise the issue's path (the customer's index)
 * says where the problem is.
 * @internal
 */
export function customerOf(id: unknown, reveal: boolean): { customerId?: string | number } {
  return reveal && ((typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id))) ? { customerId: id } : {};
}
