import type { core } from 'zod/mini';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, IssueCode, NonEmptyArray } from '../errors/issues.js';
import type { DayParser } from '../time/compileDateFormat.js';
import { MS_PER_DAY } from '../time/days.js';
import { isPlainValidRow } from './isPlainValidRow.js';
import { resolveRowPolicies } from './resolveRowPolicies.js';
import { FIELD_EXPECTATIONS, transactionRowSchema } from './rowSchema.js';
import { TransactionTableBuilder } from './TransactionTableBuilder.js';
import type { RowPolicyOptions } from './options.js';
import type { TransactionInput, TransactionTable } from './types.js';

export type { InvalidRowPolicy, ReturnsPolicy } from './options.js';

/** Options of {@link parseTransactions}: the shared {@link RowPolicyOptions}. */
export interface ParseTransactionsOptions extends RowPolicyOptions {}

/** A row that did not pass validation, with every issue found in it. */
export interface RejectedRow {
  /** 0-based index of the row in the input. */
  readonly row: number;
  readonly issues: NonEmptyArray<InputIssue>;
}

/** Result of {@link parseTransactions}. */
export interface ParseTransactionsResult {
  /** The valid rows, by column. */
  readonly table: TransactionTable;
  /** The invalid rows (always empty with `onInvalid: 'throw'`). */
  readonly rejected: readonly RejectedRow[];
  /** Number of negative-amount rows left out under `returns: 'drop'`. */
  readonly returnsDropped: number;
}

/**
 * Validates plain transaction records and stores them by column.
 *
 * Each row `{ customerId, date, amount, cost?, quantity?, orderId?, promo?, discount? }` is
 * checked against a zod schema (types, finiteness, non-empty ids; rows that plainly fit it are
 * cleared by an equivalent fast check first), then its date is read as a calendar day
 * (see `dateFormat`). Valid rows go into a {@link TransactionTable}: customer ids interned to
 * integers, dates as whole days since 1970-01-01, money in `Float64Array`s. Ids compare by
 * value and type: `1` and `'1'` are different customers.
 *
 * Cost: O(n) time; about 24 bytes per row plus the optional columns.
 *
 * @param rows - The records; any array-like of objects.
 * @param options - See {@link ParseTransactionsOptions}.
 * @returns The table, the rejected rows and the number of returns dropped.
 * @throws {@link InvalidInputError} under `onInvalid: 'throw'` when any row is invalid; its
 *   message names the first row and field, e.g. `row 17, date: not a valid date (expected yyyy-MM-dd)`.
 * @example
 * ```ts
 * import { parseTransactions } from 'loyalty-score';
 * const { table } = parseTransactions([
 *   { customerId: 'ann', date: '2024-01-05', amount: 20 },
 *   { customerId: 'bob', date: '2024-01-06', amount: 35.5, cost: 20 },
 *   { customerId: 'ann', date: '2024-02-01', amount: -5 },
 * ]);
 * table.length; // => 3
 * table.customerIds; // => ['ann', 'bob']
 * const { rejected } = parseTransactions(
 *   [{ customerId: 'ann', date: '2024-02-30', amount: 20 }],
 *   { onInvalid: 'collect' },
 * );
 * rejected[0].issues[0].message; // => 'not a valid date (expected yyyy-MM-dd)'
 * ```
 */
export function parseTransactions(
  rows: ArrayLike<TransactionInput>,
  options: ParseTransactionsOptions = {},
): ParseTransactionsResult {
  const { parseDay, expectedDate, digitsAreFormatted, onInvalid, returns, reveal } = resolveRowPolicies(options);
  if (rows === null || typeof rows !== 'object' || typeof rows.length !== 'number') {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['rows'], message: 'expected an array of transaction objects' }]);
  }

  const builder = new TransactionTableBuilder(rows.length);
  const rejected: RejectedRow[] = [];
  let returnsDropped = 0;

  for (let i = 0; i < rows.length; i++) {
    const raw: unknown = rows[i];
    let r;
    if (isPlainValidRow(raw)) r = raw;
    else {
      const checked = transactionRowSchema.safeParse(raw);
      if (!checked.success) {
        rejected.push({ row: i, issues: issuesFromZod(i, raw, checked.error, reveal, expectedDate) });
        continue;
      }
      r = checked.data;
    }
    const day = readDay(r.date, parseDay, digitsAreFormatted);
    if (day !== day) {
      rejected.push({ row: i, issues: [issue(i, 'date', 'invalid_date', `not a valid date (expected ${expectedDate})`, reveal, r.date)] });
      continue;
    }
    if (r.amount < 0) {
      if (returns === 'drop') {
        returnsDropped++;
        continue;
      }
      if (returns === 'reject') {
        rejected.push({
          row: i,
          issues: [issue(i, 'amount', 'negative_amount', "a return (negative amount) where returns: 'reject' (expected an amount >= 0)", reveal, r.amount)],
        });
        continue;
      }
    }
    builder.append(
      r.customerId,
      day,
      r.amount,
      r.cost ?? Number.NaN,
      r.quantity ?? Number.NaN,
      r.orderId ?? null,
      r.promo == null ? 255 : r.promo ? 1 : 0,
      r.discount ?? Number.NaN,
    );
  }

  if (onInvalid === 'throw' && rejected.length > 0) {
    const all = rejected.flatMap((r) => r.issues) as unknown as NonEmptyArray<InputIssue>;
    throw new InvalidInputError(all);
  }
  return { table: builder.finish(), rejected, returnsDropped };
}

function readDay(value: Date | string | number, parseDay: DayParser, digitsAreFormatted: boolean): number {
  if (typeof value === 'string') return parseDay(value);
  if (typeof value === 'number') {
    if (digitsAreFormatted) return Number.isInteger(value) && value >= 0 ? parseDay(String(value)) : Number.NaN;
    return Number.isFinite(value) ? Math.floor(value / MS_PER_DAY) : Number.NaN;
  }
  const ms = value.getTime();
  return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : Number.NaN;
}

function issue(row: number, field: string, code: IssueCode, message: string, reveal: boolean, value: unknown): InputIssue {
  return { code, path: [row, field], message: reveal ? `${message} (got ${describe(value)})` : message };
}

function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}

function issuesFromZod(row: number, raw: unknown, error: core.$ZodError, reveal: boolean, expectedDate: string): NonEmptyArray<InputIssue> {
  if (raw === null || typeof raw !== 'object') {
    return [{ code: 'not_an_object', path: [row], message: 'not an object (expected { customerId, date, amount, ... })' }];
  }
  const seen = new Set<string>();
  const out: InputIssue[] = [];
  for (const zi of error.issues) {
    const field = String(zi.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    const value = (raw as Record<string, unknown>)[field];
    const expected = field === 'date' ? `a Date, epoch milliseconds or a date string (${expectedDate})` : (FIELD_EXPECTATIONS[field] ?? 'a valid value');
    let code: IssueCode;
    let problem: string;
    if (value === undefined || value === null) {
      code = 'missing_field';
      problem = 'missing';
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      code = 'not_finite';
      problem = 'not a finite number';
    } else if (value instanceof Date) {
      code = 'invalid_date';
      problem = 'not a valid date';
    } else if (typeof value === 'string' && value.length === 0) {
      code = 'missing_field';
      problem = 'empty';
    } else if (typeof value === 'number' && value < 0) {
      code = 'out_of_range';
      problem = 'negative';
    } else {
      code = 'invalid_type';
      problem = `a ${value === null ? 'null' : typeof value}`;
    }
    out.push(issue(row, field, code, `${problem} (expected ${expected})`, reveal, value));
  }
  return out as unknown as NonEmptyArray<InputIssue>;
}
