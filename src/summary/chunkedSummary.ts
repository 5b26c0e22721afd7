import { invalidOption } from '../errors/InvalidInputError.js';
import { isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import { toEpochDay } from '../time/toEpochDay.js';
import type { TimeUnit } from '../time/units.js';
import type { CustomerId, TransactionTable } from '../transactions/types.js';
import { buildSummaries } from './buildSummaries.js';
import { resolveTimeOptions } from './resolveOptions.js';
import { ActivityStream, PurchaseDayCount } from './streamedActivity.js';
import type { CustomerSummaryColumns, SummarizeCustomerColumnsOptions } from './summarizeCustomers.js';

/** The options of a {@link ChunkedSummary}: those of {@link summarizeCustomerColumns} but `afterAsOf` (later rows are always left out and counted). @internal */
export type ChunkedSummaryOptions = Omit<SummarizeCustomerColumnsOptions, 'afterAsOf' | 'dateFormat' | 'onInvalid' | 'returns' | 'revealValues'>;

/**
 * {@link summarizeCustomerColumns} over rows that arrive in chunks, in two passes over the same
 * chunks, holding state per customer only: the first pass ({@link count}) counts each customer's
 * purchase days and checks that her rows come in day order; the second ({@link scan}) fills the
 * activity records. The result equals {@link summarizeCustomerColumns} on the whole input, bit for
 * bit, when every customer's rows are in day order (rows of different customers may interleave in
 * any way); otherwise {@link count} returns `false` and the input must be summarised as a table.
 *
 * For readers of inputs too large to hold as a table (the command line's `score` on large files).
 * @internal
 */
export class ChunkedSummary {
  private readonly unit: TimeUnit;
  private readonly mode: PeriodMode;
  private readonly asOfDay: number | null;
  private readonly first: PurchaseDayCount;
  private second: ActivityStream | null = null;
  private readonly withSignals: boolean;
  private readonly rfmMonetary: 'total' | 'mean';

  constructor(options: ChunkedSummaryOptions = {}) {
    const { unit, mode } = resolveTimeOptions(options);
    this.unit = unit;
    this.mode = mode;
    this.rfmMonetary = options.rfmMonetary ?? 'total';
    if (this.rfmMonetary !== 'total' && this.rfmMonetary !== 'mean') invalidOption('rfmMonetary', "expected 'total' or 'mean'");
    this.withSignals = options.activity ?? false;
    this.asOfDay = options.asOf === undefined ? null : toEpochDay(options.asOf, 'asOf');
    this.first = new PurchaseDayCount(this.asOfDay ?? Infinity);
  }

  /** Rows counted by the first pass. */
  get rows(): number {
    return this.first.rows;
  }

  /** Whether any row counted carries a cost. */
  get hasCost(): boolean {
    return this.first.hasCost;
  }

  /** The latest day of all rows counted (-1 before any). */
  get latestDay(): number {
    return this.first.maxDay;
  }

  /**
   * The first pass: counts a chunk.
   * @returns `false` once a customer's rows are found out of day order (the chunked summary cannot be used).
   */
  count(chunk: TransactionTable): boolean {
    // The chunks share the reader's growing order-id list: the last one holds them all.
    this.orderIds = Math.max(this.orderIds, chunk.orderIds.length);
    return this.first.add(chunk);
  }

  private orderIds = 0;

  /** Position (among all rows counted) of the first row dated before an earlier row of its customer; -1 if none. */
  get outOfOrder(): number {
    return this.first.outOfOrder;
  }

  /** The second pass: adds a chunk (the same chunks as the first pass, in the same order). */
  scan(chunk: TransactionTable): void {
    this.stream().add(chunk);
  }

  private stream(): ActivityStream {
    return (this.second ??= new ActivityStream(this.first, { fromDay: -Infinity, toDay: this.asOf(), unit: this.unit, mode: this.mode, withSignals: this.withSignals }, this.orderIds));
  }

  /**
   * The summaries, after both passes.
   * @param customerIds - The customer ids of the chunks (index = customer index).
   */
  finish(customerIds: readonly CustomerId[]): CustomerSummaryColumns {
    const act = this.stream().finish();
    const asOf = this.asOf();
    const { columns, activity } = buildSummaries(customerIds, act, {
      asOf,
      unit: this.unit,
      mode: this.mode,
      rfmMonetary: this.rfmMonetary,
      hasCost: this.first.hasCost,
      hasPromo: this.first.hasPromo,
      hasDiscount: this.first.hasDiscount,
    });
    return {
      columns,
      activity,
      countOnly: false,
      asOf: isoFromDay(asOf),
      timeUnit: this.unit,
      periods: this.mode,
      excluded: { rowsAfterAsOf: act.rowsAfter, customersOnlyAfterAsOf: act.customersOnlyAfter, customersWithoutPurchase: act.customersWithoutPurchase },
    };
  }

  private asOf(): number {
    if (this.asOfDay !== null) return this.asOfDay;
    if (this.first.rows === 0) invalidOption('asOf', 'needed when there are no transactions (expected yyyy-MM-dd)', 'missing_option');
    return this.first.maxDay;
  }
}
