import { invalidOption } from '../errors/InvalidInputError.js';
import type { IssueCode } from '../errors/issues.js';
import { describeDayRange, resolveDateRange, type DayRange } from '../time/dateRange.js';
import { isoFromDay } from '../time/days.js';
import type { RowCheckOptions } from './options.js';

/** The rules of {@link RowCheckOptions}, validated, with defaults applied. @internal */
export interface RowChecks {
  readonly range: DayRange;
  readonly allowNegativeCost: boolean;
  readonly lenientOrderIds: boolean;
  /** Whether messages may show the refused value (a date). */
  readonly reveal: boolean;
}

/** Validates the row rules of an options object; throws {@link InvalidInputError} naming the option. @internal */
export function resolveRowChecks(options: RowCheckOptions & { revealValues?: boolean }): RowChecks {
  const negativeCost = options.negativeCost ?? 'error';
  if (negativeCost !== 'error' && negativeCost !== 'allow') invalidOption('negativeCost', "expected 'error' or 'allow'");
  const orderIds = options.orderIds ?? 'strict';
  if (orderIds !== 'strict' && orderIds !== 'lenient') invalidOption('orderIds', "expected 'strict' or 'lenient'");
  return {
    range: resolveDateRange(options.dateRange),
    allowNegativeCost: negativeCost === 'allow',
    lenientOrderIds: orderIds === 'lenient',
    reveal: options.revealValues === true,
  };
}

/** The field a row rule names: the row field of {@link TransactionInput} (`orderId` is `order` in files). */
export type CheckedField = 'date' | 'cost' | 'quantity' | 'orderId';

/** A row that a rule of {@link RowChecks} refused: where (the caller's position), which field, why. */
export interface RefusedRow {
  /** The caller's position of the row: its index in the input, or its line in a file. */
  readonly position: number;
  readonly field: CheckedField;
  readonly code: IssueCode;
  /** What is wrong and what was expected; raw values only under `revealValues`. */
  readonly message: string;
}

/** How positions are named in messages: `row 3` (0-based input index) or `line 4` (1-based line of a file). */
export type PositionLabel = 'row' | 'line';

/** The message of a date outside the accepted range. @internal */
export function dateOutOfRangeMessage(day: number, checks: RowChecks): string {
  const got = checks.reveal ? ` (got ${Number.isFinite(day) && Math.abs(day) < 1e9 ? isoFromDay(day) : `day ${day}`})` : '';
  return `outside the accepted date range ${describeDayRange(checks.range)} (expected a date in it; the dateRange option, --date-range on the command line, widens it)${got}`;
}

/** The message of a negative cost on a purchase. @internal */
export const NEGATIVE_COST_MESSAGE =
  "a negative cost on a purchase, so its profit would exceed its revenue (expected a cost >= 0; negativeCost: 'allow', --negative-cost allow on the command line, accepts it where it is meant, such as a supplier rebate)";

/** The message of a negative quantity on a positive amount. @internal */
export const NEGATIVE_QUANTITY_MESSAGE = 'a negative quantity on a positive amount (expected a quantity >= 0, or a negative amount for a return)';

/** The message of an order id already used by another customer or on another day. @internal */
export function orderConflictMessage(label: PositionLabel, other: number, otherCustomer: boolean): string {
  const what = otherCustomer ? 'for another customer' : 'on another day';
  return `order id already used by ${label} ${other} ${what} (expected one customer and one day per order id; orderIds: 'lenient', --order-ids lenient on the command line, keeps such rows and counts them)`;
}
