import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import { toEpochDay } from '../time/toEpochDay.js';
import type { TimeUnit } from '../time/units.js';
import type { TransactionTable } from '../transactions/types.js';
import { buildSummaries } from './buildSummaries.js';
import { dayOrderedColumns } from './dayOrderedColumns.js';
import type { SummarizeCustomersOptions } from './options.js';
import { resolveTimeOptions } from './resolveOptions.js';
import { scanActivity } from './scanActivity.js';
import { toTable, type TableOrRows } from './toTable.js';
import type { CustomerSummary } from './types.js';

/** Result of {@link summarizeCustomers}. */
export interface CustomerSummaries {
  /** One summary per customer with at least one purchase up to `asOf`, ordered by {@link compareCustomerIds}. */
  readonly customers: CustomerSummary[];
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
 * `timeUnit`, calendar-correct (see {@link durationBetween}). Cost: O(n + days) time; one pass in
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
export function summarizeCustomers(input: TableOrRows, options: SummarizeCustomersOptions = {}): CustomerSummaries {
  const { unit, mode } = resolveTimeOptions(options);
  const afterAsOf = options.afterAsOf ?? 'exclude';
  if (afterAsOf !== 'exclude' && afterAsOf !== 'reject') invalidOption('afterAsOf', "expected 'exclude' or 'reject'");
  const rfmMonetary = options.rfmMonetary ?? 'total';
  if (rfmMonetary !== 'total' && rfmMonetary !== 'mean') invalidOption('rfmMonetary', "expected 'total' or 'mean'");
  const table = toTable(input, options);
  const asOf = options.asOf === undefined ? latestDay(table) : toEpochDay(options.asOf, 'asOf');

  // The day-ordered columns (a copy when the rows are not in day order) are only reachable during
  // the scan, so they can be collected before the result objects are built.
  const act = scanActivity(dayOrderedColumns(table), table.customerIds.length, table.orderIds.length, { fromDay: -Infinity, toDay: asOf, unit, mode });
  if (afterAsOf === 'reject' && act.rowsAfter > 0) rejectRowsAfter(table, asOf);

  const { customers } = buildSummaries(table.customerIds, act, { asOf, unit, mode, rfmMonetary, hasCost: table.cost !== null });
  return {
    customers,
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

/** @internal */
export function latestDay(table: TransactionTable): number {
  if (table.length === 0) invalidOption('asOf', 'needed when there are no transactions (expected yyyy-MM-dd)', 'missing_option');
  let hi = -2147483648;
  for (let i = 0; i < table.length; i++) if (table.day[i]! > hi) hi = table.day[i]!;
  return hi;
}

function rejectRowsAfter(table: TransactionTable, asOf: number): never {
  const issues: InputIssue[] = [];
  const iso = isoFromDay(asOf);
  for (let i = 0; i < table.length; i++) {
    if (table.day[i]! > asOf) issues.push({ code: 'after_as_of', path: [i, 'date'], message: `dated after asOf (expected on or before ${iso})` });
  }
  throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
}
