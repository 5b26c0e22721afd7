import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { customerOf, type InputIssue } from '../errors/issues.js';
import type { CustomerSummary } from '../summary/types.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link historicalValue}. */
export interface HistoricalValueOptions extends Pick<RowPolicyOptions, 'revealValues'> {
  /**
   * Gross margin as a share of revenue, used for customers whose records carry no cost
   * (`cost === null`): their cost is taken as `revenue * (1 - margin)`. `null` leaves their cost
   * and profit `null`.
   * @defaultValue null
   */
  readonly margin?: number | null;
  /**
   * Acquisition cost per customer, subtracted from each customer's profit (currency units, `>= 0`).
   * @defaultValue 0
   */
  readonly acquisitionCost?: number;
}

/** One customer's value to date. */
export interface CustomerHistoricalValue {
  readonly customerId: CustomerId;
  /** Net revenue to date. */
  readonly revenue: number;
  /** Cost to date (goods plus acquisition), or `null` when unknown. */
  readonly cost: number | null;
  /** `revenue - cost`, or `null` when the cost is unknown. */
  readonly profit: number | null;
}

/** What {@link historicalValue} returns. */
export interface HistoricalValueResult {
  /** One entry per input customer, in input order. */
  readonly customers: readonly CustomerHistoricalValue[];
  /** Totals over all customers; `cost` and `profit` sum only the customers whose cost is known. */
  readonly total: { readonly revenue: number; readonly cost: number; readonly profit: number };
  /** Number of customers whose cost (and so profit) is unknown. */
  readonly unknownCost: number;
}

/**
 * Revenue, cost and profit to date, per customer and in total: the historical (backward-looking) lifetime value.
 *
 * Per customer: revenue as summarised; cost = the summarised cost (or `revenue * (1 - margin)`
 * when the records carry none and `margin` is given) plus the acquisition cost; profit = revenue
 * - cost. Nothing is discounted or forecast. Cost O(n).
 *
 * @param customers - Customer summaries (from `summarizeCustomers`).
 * @param options - See {@link HistoricalValueOptions}.
 * @returns Per-customer values and totals.
 * @throws InvalidInputError when an option is out of range or a summary's revenue or cost is not finite.
 * @example
 * ```ts
 * import { historicalValue } from 'loyalty-score';
 * const base = { firstPurchase: '2024-01-05', lastPurchase: '2024-03-01',
 *   rfm: { recency: 4, frequency: 2, monetary: 150 }, btyd: { frequency: 1, recency: 8, T: 12, monetaryValue: 50 } };
 * const result = historicalValue([{ ...base, customerId: 'a', revenue: 150, cost: 90, profit: 60 }], { acquisitionCost: 20 });
 * result.customers[0]?.profit; // => 40
 * ```
 */
export function historicalValue(customers: readonly CustomerSummary[], options: HistoricalValueOptions = {}): HistoricalValueResult {
  rejectUnknownKeys(options, HISTORICAL_VALUE_OPTION_KEYS, 'options', 'historicalValue');
  const margin = options.margin ?? null;
  if (margin !== null && !(Number.isFinite(margin) && margin <= 1)) invalidOption('margin', 'expected a finite share of revenue <= 1, or null');
  const acquisitionCost = options.acquisitionCost ?? 0;
  if (!(Number.isFinite(acquisitionCost) && acquisitionCost >= 0)) invalidOption('acquisitionCost', 'expected a finite number >= 0');

  const reveal = options.revealValues === true;
  const issues: InputIssue[] = [];
  const out: CustomerHistoricalValue[] = new Array(customers.length);
  let revenueTotal = 0;
  let costTotal = 0;
  let profitTotal = 0;
  let unknownCost = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as CustomerSummary;
    if (!Number.isFinite(c.revenue)) issues.push({ code: 'not_finite', path: [i, 'revenue'], ...customerOf(c.customerId, reveal), message: 'expected a finite revenue' });
    if (c.cost !== null && !Number.isFinite(c.cost)) issues.push({ code: 'not_finite', path: [i, 'cost'], ...customerOf(c.customerId, reveal), message: 'expected a finite cost or null' });
    const goodsCost = c.cost ?? (margin === null ? null : c.revenue * (1 - margin));
    const cost = goodsCost === null ? null : goodsCost + acquisitionCost;
    const profit = cost === null ? null : c.revenue - cost;
    revenueTotal += c.revenue;
    if (cost === null || profit === null) unknownCost++;
    else {
      costTotal += cost;
      profitTotal += profit;
    }
    out[i] = { customerId: c.customerId, revenue: c.revenue, cost, profit };
  }
  if (issues.length > 0) throw new InvalidInputError(issues as [InputIssue, ...InputIssue[]], 'historicalValue');
  return { customers: out, total: { revenue: revenueTotal, cost: costTotal, profit: profitTotal }, unknownCost };
}

/** The option names of {@link HistoricalValueOptions}. @internal */
export const HISTORICAL_VALUE_OPTION_KEYS: KeyList<HistoricalValueOptions> = {
  margin: true,
  acquisitionCost: true,
  revealValues: true,
};
