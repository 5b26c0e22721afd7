import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import { toEpochDay } from '../time/toEpochDay.js';
import type { TimeUnit } from '../time/units.js';
import type { CountOnlyTransactionInput, CountOnlyTransactionTable, TransactionTable } from '../transactions/types.js';
import { latestDay } from '../transactions/latestDay.js';
import { buildSummaries } from './buildSummaries.js';
import { dayOrderedColumns } from './dayOrderedColumns.js';
import type { SummarizeCustomersOptions } from './options.js';
import { resolveTimeOptions } from './resolveOptions.js';
import { scanActivity } from './scanActivity.js';
import { summaryObjects, type ActivityColumns, type SummaryColumns } from './summaryColumns.js';
import { toTable, type TableOrRows } from '../transactions/toTable.js';
import type { CountSummary, CustomerSummary } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** What a summary says besides the customers: the as-of date, the time options, the exclusions. */
export interface SummaryContext {
  /** The as-of date used, `yyyy-MM-dd`. */
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  /** What was left out, and why. */
  readonly excluded: {
    /** Rows dated after `asOf`. */
    readonly rowsAfterAsOf: number;
    /** Customers all of whose rows are dated after `asOf`. */
    readonly customersOnlyAfterAsOf: number;
    /** Customers with rows up to `asOf` but no purchase (returns only). */
    readonly customersWithoutPurchase: number;
  };
}

/** Result of {@link summarizeCustomers}. */
export interface CustomerSummaries extends SummaryContext {
  /** One summary per customer with at least one purchase up to `asOf`, ordered by {@link compareCustomerIds}. */
  readonly customers: CustomerSummary[];
  /** `false`: the records carry amounts. */
  readonly countOnly: false;
}

/** Result of {@link summarizeCustomers} on count-only data (records without amounts). */
export interface CountSummaries extends SummaryContext {
  /** One count-only summary per customer with a purchase up to `asOf`, ordered by {@link compareCustomerIds}. */
  readonly customers: CountSummary[];
  /** `true`: the records carry no amount, so every money field is `null`. */
  readonly countOnly: true;
}

/** Transactions with amounts, or count-only ones: what the summaries accept. */
export type SummarizableInput = TableOrRows | CountOnlyTransactionTable | readonly CountOnlyTransactionInput[];

/** Options of {@link summarizeCustomerColumns}. */
export interface SummarizeCustomerColumnsOptions extends SummarizeCustomersOptions {
  /**
   * Also compute each customer's purchase-timing and deal statistics (the behaviour signals of
   * the loyalty classifiers) in the same pass.
   * @defaultValue `false`
   */
  activity?: boolean;
}

/** Result of {@link summarizeCustomerColumns}. */
export interface CustomerSummaryColumns extends SummaryContext {
  /** The summaries by column, customers in {@link compareCustomerIds} order. */
  readonly columns: SummaryColumns;
  /** With `activity: true`, the same customers' activity columns; else `null`. */
  readonly activity: ActivityColumns | null;
  /**
   * `true` for count-only data (records without amounts): the money columns (`revenue`,
   * `rfm.monetary`, `btyd.monetaryValue`) then hold zeros that mean "unknown", not zero spend.
   */
  readonly countOnly: boolean;
}

/**
 * Summarises each customer's transactions in both conventions of DOMAIN §2.
 *
 * - `rfm`: `recency` = time from the last purchase to `asOf`; `frequency` = number of purchases
 *   (distinct orders when rows carry `orderId`); `monetary` = net revenue (or its mean per purchase).
 * - `btyd`: purchases in the same period merge (the same day by default; the same calendar
 *   week, month or year with `periods: 'calendar'`); `frequency` = purchase periods minus one;
 *   `recency` = first to last purchase; `T` = first purchase to `asOf`; `monetaryValue` = mean
 *   merged spend of the repeat periods (the first excluded), 0 without repeats.
 * - `revenue`, `cost` and `profit` totals: returns (negative amounts) are netted in; they are not
 *   purchases. `cost` and `profit` are `null` for a customer with any row lacking a cost.
 *
 * Rows dated after `asOf` are left out and counted in `excluded` (or rejected). Durations are in
 * `timeUnit`, calendar-correct (see {@link "loyalty-score/math"!durationBetween}). Cost: O(n + days) time; one pass in
 * day order over typed columns (rows not already in day order are first copied in day order, 24
 * bytes a row); 64 bytes per customer.
 *
 * @param input - A {@link TransactionTable} or an array of transaction rows.
 * @param options - See {@link SummarizeCustomersOptions}.
 * @throws {@link InvalidInputError} for invalid rows or options, or rows after `asOf` under `afterAsOf: 'reject'`.
 * @example
 * ```ts
 * import { summarizeCustomers } from 'loyalty-score';
 * const { customers } = summarizeCustomers(
 *   [
 *     { customerId: 1, date: '2015-02-01', amount: 10 },
 *     { customerId: 1, date: '2015-02-06', amount: 30 },
 *     { customerId: 1, date: '2015-02-06', amount: 5 },
 *   ],
 *   { asOf: '2015-02-07', timeUnit: 'day' },
 * );
 * customers[0].btyd; // => { frequency: 1, recency: 5, T: 6, monetaryValue: 35 }
 * customers[0].rfm; // => { recency: 1, frequency: 3, monetary: 45 }
 * ```
 */
export function summarizeCustomers(input: CountOnlyTransactionTable | readonly CountOnlyTransactionInput[], options?: SummarizeCustomersOptions): CountSummaries;
export function summarizeCustomers(input: TableOrRows, options?: SummarizeCustomersOptions): CustomerSummaries;
export function summarizeCustomers(input: SummarizableInput, options?: SummarizeCustomersOptions): CustomerSummaries | CountSummaries;
export function summarizeCustomers(input: SummarizableInput, options: SummarizeCustomersOptions = {}): CustomerSummaries | CountSummaries {
  rejectUnknownKeys(options, SUMMARIZE_CUSTOMERS_OPTION_KEYS, 'options', 'summarizeCustomers');
  const { columns, activity: _activity, countOnly, ...context } = summarizeCustomerColumns(input, options);
  return countOnly ? { customers: summaryObjects(columns, true), countOnly, ...context } : { customers: summaryObjects(columns), countOnly, ...context };
}

/**
 * {@link summarizeCustomers} by column: the same numbers, one typed array per measure and no
 * object per customer, for large customer bases and for pipelines that stay columnar. With
 * `activity: true` the same single pass over the rows also yields each customer's
 * {@link ActivityColumns} (days between purchases, gap regularity, spend trend, promotion and
 * discount shares): the behaviour signals of the loyalty classifiers.
 *
 * Cost: O(n + days) time, one pass in day order (plus a counting sweep of the purchase days with
 * `activity`); 8 bytes per measure per customer for the result.
 *
 * @param input - A {@link TransactionTable} or an array of transaction rows.
 * @param options - As {@link summarizeCustomers}, plus `activity`.
 * @throws {@link InvalidInputError} for invalid rows or options, or rows after `asOf` under `afterAsOf: 'reject'`.
 * @example
 * ```ts
 * import { summarizeCustomerColumns } from 'loyalty-score';
 * const { columns, activity } = summarizeCustomerColumns(
 *   [
 *     { customerId: 'b', date: '2015-02-01', amount: 10 },
 *     { customerId: 'a', date: '2015-02-03', amount: 4 },
 *     { customerId: 'b', date: '2015-02-06', amount: 30 },
 *   ],
 *   { asOf: '2015-02-07', timeUnit: 'day', activity: true },
 * );
 * columns.customerIds; // => ['a', 'b']
 * Array.from(columns.btyd.frequency); // => [0, 1]
 * Array.from(columns.revenue); // => [4, 40]
 * Array.from(activity.meanGapDays); // => [NaN, 5]
 * ```
 */
export function summarizeCustomerColumns(input: SummarizableInput, options: SummarizeCustomerColumnsOptions = {}): CustomerSummaryColumns {
  rejectUnknownKeys(options, SUMMARIZE_CUSTOMER_COLUMNS_OPTION_KEYS, 'options', 'summarizeCustomerColumns');
  const { unit, mode } = resolveTimeOptions(options);
  const afterAsOf = options.afterAsOf ?? 'exclude';
  if (afterAsOf !== 'exclude' && afterAsOf !== 'reject') invalidOption('afterAsOf', "expected 'exclude' or 'reject'");
  const rfmMonetary = options.rfmMonetary ?? 'total';
  if (rfmMonetary !== 'total' && rfmMonetary !== 'mean') invalidOption('rfmMonetary', "expected 'total' or 'mean'");
  const withSignals = options.activity ?? false;
  if (typeof withSignals !== 'boolean') invalidOption('activity', 'expected true or false');
  const table = toTable(input as TableOrRows, options);
  const asOf = options.asOf === undefined ? latestDay(table) : toEpochDay(options.asOf, 'asOf');

  // The day-ordered columns (a copy when the rows are not in day order) are only reachable during
  // the scan, so they can be collected before the result columns are built.
  const act = scanActivity(dayOrderedColumns(table, withSignals), table.customerIds.length, table.orderIds.length, { fromDay: -Infinity, toDay: asOf, unit, mode, withSignals });
  if (afterAsOf === 'reject' && act.rowsAfter > 0) rejectRowsAfter(table, asOf);

  const { columns, activity } = buildSummaries(table.customerIds, act, {
    asOf,
    unit,
    mode,
    rfmMonetary,
    hasCost: table.cost !== null,
    hasPromo: table.promo !== null,
    hasDiscount: table.discount !== null,
  });
  return {
    columns,
    activity,
    countOnly: (table as TransactionTable | CountOnlyTransactionTable).countOnly === true,
    asOf: isoFromDay(asOf),
    timeUnit: unit,
    periods: mode,
    excluded: {
      rowsAfterAsOf: act.rowsAfter,
      customersOnlyAfterAsOf: act.customersOnlyAfter,
      customersWithoutPurchase: act.customersWithoutPurchase,
    },
  };
}

/** @internal Kept for callers not yet moved to transactions/latestDay. */
export { latestDay } from '../transactions/latestDay.js';

function rejectRowsAfter(table: TransactionTable, asOf: number): never {
  const issues: InputIssue[] = [];
  const iso = isoFromDay(asOf);
  for (let i = 0; i < table.length; i++) {
    if (table.day[i]! > asOf) issues.push({ code: 'after_as_of', path: [i, 'date'], message: `dated after asOf (expected on or before ${iso})` });
  }
  throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
}

/** The option names of {@link SummarizeCustomersOptions}. @internal */
export const SUMMARIZE_CUSTOMERS_OPTION_KEYS: KeyList<SummarizeCustomersOptions> = {
  rfmMonetary: true,
  timeUnit: true,
  periods: true,
  parse: true,
  asOf: true,
  afterAsOf: true,
};

/** The option names of {@link SummarizeCustomerColumnsOptions}. @internal */
export const SUMMARIZE_CUSTOMER_COLUMNS_OPTION_KEYS: KeyList<SummarizeCustomerColumnsOptions> = { ...SUMMARIZE_CUSTOMERS_OPTION_KEYS, activity: true };
