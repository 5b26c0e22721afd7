import type { core } from 'zod/mini';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, IssueCode, NonEmptyArray } from '../errors/issues.js';
import type { DayParser } from '../time/compileDateFormat.js';
import { MS_PER_DAY } from '../time/days.js';
import { isPlainValidRow } from './isPlainValidRow.js';
import type { ParseCountOnlyResult, ParseTransactionsResult, RejectedRow } from './parseResult.js';
import type { RowPolicies } from './resolveRowPolicies.js';
import { countOnlyRowSchema, FIELD_EXPECTATIONS, transactionRowSchema } from './rowSchema.js';
import { TransactionTableBuilder } from './TransactionTableBuilder.js';
import type { CountOnlyTransactionInput, TransactionInput } from './types.js';

/**
 * Validates plain rows and appends the valid ones to one {@link TransactionTableBuilder}, with
 * the row rules of the policies: the loop of {@link parseTransactions}, fed once, and of
 * {@link parseTransactionBatches}, fed batch after batch (row indices count from the first row
 * of the first batch). Invalid rows, those the builder's rules refuse included, are collected
 * in input order.
 * @internal
 */
export class RowAppender {
  private readonly builder: TransactionTableBuilder;
  private readonly rejected: RejectedRow[] = [];
  private returnsDropped = 0;
  /** Input index of the row being appended. */
  private at = 0;
  /**
   * Whether the rows are count-only (no amount), decided by the first batch (the whole input of
   * {@link parseTransactions}): `null` until rows are seen. In count-only data a row of a later
   * batch with an amount (or a cost) is invalid, and in data with amounts a row without one is.
   */
  private countOnly: boolean | null = null;

  constructor(private readonly policies: RowPolicies, capacity: number) {
    this.builder = TransactionTableBuilder.withChecks(capacity, policies.checks);
    this.builder.refuseTo(
      () => this.at,
      'row',
      (r) => this.rejected.push({ row: r.position, issues: [{ code: r.code, path: [r.position, r.field], message: r.message }] }),
    );
  }

  /** Validates and appends `rows`, the first being input row `offset`. */
  add(rows: ArrayLike<TransactionInput | CountOnlyTransactionInput>, offset: number): void {
    if (rows === null || typeof rows !== 'object' || typeof rows.length !== 'number') {
      throw new InvalidInputError([{ code: 'invalid_type', path: ['rows'], message: 'expected an array of transaction objects' }]);
    }
    const { parseDay, expectedDate, digitsAreFormatted, returns, reveal } = this.policies;
    const builder = this.builder;
    const rejected = this.rejected;
    if (this.countOnly === null && rows.length > 0) this.countOnly = isCountOnlyBatch(rows);
    const countOnly = this.countOnly === true;
    const schema = countOnly ? countOnlyRowSchema : transactionRowSchema;
    for (let k = 0; k < rows.length; k++) {
      const i = offset + k;
      const raw: unknown = rows[k];
      let r;
      if (isPlainValidRow(raw, countOnly)) r = raw;
      else {
        const checked = schema.safeParse(raw);
        if (!checked.success) {
          rejected.push({ row: i, issues: issuesFromZod(i, raw, checked.error, reveal, expectedDate, countOnly) });
          continue;
        }
        r = checked.data as { customerId: string | number; date: Date | string | number; amount: number; cost?: number | null; quantity?: number | null; orderId?: string | number | null; promo?: boolean | null; discount?: number | null };
      }
      const amount = countOnly ? 0 : r.amount;
      const day = readDay(r.date, parseDay, digitsAreFormatted);
      if (day !== day) {
        rejected.push({ row: i, issues: [issue(i, 'date', 'invalid_date', `not a valid date (expected ${expectedDate})`, reveal, r.date)] });
        continue;
      }
      if (amount < 0) {
        if (returns === 'drop') {
          this.returnsDropped++;
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
      this.at = i;
      builder.append(
        r.customerId,
        day,
        amount,
        r.cost ?? Number.NaN,
        r.quantity ?? Number.NaN,
        r.orderId ?? null,
        r.promo == null ? 255 : r.promo ? 1 : 0,
        r.discount ?? Number.NaN,
      );
    }
  }

  /**
   * The table and the rejected rows.
   * @throws {@link InvalidInputError} carrying every issue under `onInvalid: 'throw'` when any row was invalid.
   */
  finish(): ParseTransactionsResult | ParseCountOnlyResult {
    if (this.policies.onInvalid === 'throw' && this.rejected.length > 0) {
      throw new InvalidInputError(this.rejected.flatMap((r) => r.issues) as unknown as NonEmptyArray<InputIssue>);
    }
    const table = this.builder.finish();
    const counts = { rejected: this.rejected, returnsDropped: this.returnsDropped, orderIdConflicts: this.builder.orderIdConflicts };
    return this.countOnly === true ? { table: { ...table, cost: null, countOnly: true }, ...counts } : { table, ...counts };
  }
}

/**
 * Whether the rows (of the first batch) are count-only: some row is an object, and no object row
 * carries an amount or a cost. One row with an amount makes them data with amounts, so a row that
 * lost its amount is named as such, not the rows around it; rows that are not objects are left to
 * their own issue.
 */
function isCountOnlyBatch(rows: ArrayLike<unknown>): boolean {
  let objects = 0;
  for (let k = 0; k < rows.length; k++) {
    const raw = rows[k];
    if (raw === null || typeof raw !== 'object') continue;
    if ((raw as { amount?: unknown }).amount !== undefined || (raw as { cost?: unknown }).cost !== undefined) return false;
    objects++;
  }
  return objects > 0;
}

/** What a field must be in count-only data, where the first row set the rows' shape. */
const COUNT_ONLY_EXPECTATIONS: Readonly<Record<string, string>> = {
  ...FIELD_EXPECTATIONS,
  amount: 'no amount: the rows before have none, so the data are count-only (give every row an amount, or none)',
  cost: 'no cost: count-only data (the rows carry no amount)',
};

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

function issuesFromZod(row: number, raw: unknown, error: core.$ZodError, reveal: boolean, expectedDate: string, countOnly: boolean): NonEmptyArray<InputIssue> {
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
    const expected = field === 'date' ? `a Date, epoch milliseconds or a date string (${expectedDate})` : ((countOnly ? COUNT_ONLY_EXPECTATIONS : FIELD_EXPECTATIONS)[field] ?? 'a valid value');
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
