import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue } from '../errors/issues.js';
import { notFiniteIssue, summaryList, type SummaryInput } from '../summary/summaryInput.js';
import type { CustomerId } from '../transactions/types.js';
import { rankOrder } from './rankOrder.js';
import { resolveTierShares, tierCounts } from './tierCounts.js';
import type { Tier, TierAssignment, TierAssignments, TierBasis, TierShares, TierTieRule } from './types.js';

/** Options of {@link assignTiers}. */
export interface AssignTiersOptions {
  /**
   * Rank by net revenue or by profit (profit needs summaries built from records with cost).
   * @defaultValue `'revenue'`
   */
  by?: TierBasis;
  /**
   * Shares of the customer base in tiers A, B and C; D takes the rest. Missing entries keep
   * their defaults.
   * @defaultValue `{ A: 0.01, B: 0.04, C: 0.15 }`
   */
  shares?: Partial<TierShares>;
  /**
   * Equal values at a tier boundary (see {@link TierTieRule}).
   * @defaultValue `'customerId'`
   */
  ties?: TierTieRule;
}

/**
 * Sorts customers into the ABCD customer pyramid by revenue or profit.
 *
 * The CRM course's pyramid (seed 002, DOMAIN §4): A (VIP) are the top 1% of customers, B (major)
 * the next 4%, C (ordinary) the next 15%, D (small) the remaining 80%. Customers are ranked by
 * value descending, equal values by customer id, so the ranking and the tiers never depend on
 * input order. Tier sizes follow {@link tierCounts} (cumulative boundaries rounded half up:
 * 1,000 customers give exactly 10, 40, 150 and 800). Customers whose value is zero or negative
 * go to D whatever their rank, so A-C may then hold fewer than their quota.
 * Cost: O(n) radix sort plus O(t log t) per run of t equal values.
 *
 * @param summaries - Customer summaries: an array, or an object with a `customers` array.
 * @param options - See {@link AssignTiersOptions}.
 * @returns The customers in rank order with rank, percentile, value and tier; quotas and counts.
 * @throws {InvalidInputError} On a duplicate customer id, a non-finite value, a summary without
 *   profit under `by: 'profit'`, or an invalid option.
 *
 * @example
 * ```ts
 * import { assignTiers } from 'loyalty-score';
 * const summaries = Array.from({ length: 1000 }, (_, i) => ({
 *   customerId: i + 1, firstPurchase: '2024-01-01', lastPurchase: '2024-12-01', revenue: 1000 - i,
 *   cost: null, profit: null, rfm: { recency: 30, frequency: 2, monetary: 1000 - i },
 *   btyd: { frequency: 1, recency: 11, T: 12, monetaryValue: 10 },
 * }));
 * const tiers = assignTiers(summaries);
 * tiers.counts; // => { A: 10, B: 40, C: 150, D: 800 }
 * tiers.customers[0]; // => { customerId: 1, rank: 1, percentile: 99.9, value: 1000, tier: 'A' }
 * ```
 */
export function assignTiers(summaries: SummaryInput, options: AssignTiersOptions = {}): TierAssignments {
  const list = summaryList(summaries);
  const by = options.by ?? 'revenue';
  if (by !== 'revenue' && by !== 'profit') invalidOption('by', "expected 'revenue' or 'profit'");
  const ties = options.ties ?? 'customerId';
  if (ties !== 'customerId' && ties !== 'together') invalidOption('ties', "expected 'customerId' or 'together'");
  const shares = resolveTierShares(options.shares);

  const n = list.length;
  const values = new Float64Array(n);
  const ids = new Array<CustomerId>(n);
  const issues: InputIssue[] = [];
  for (let i = 0; i < n; i++) {
    const s = list[i]!;
    ids[i] = s.customerId;
    const v: unknown = by === 'revenue' ? s.revenue : s.profit;
    if (typeof v === 'number' && Number.isFinite(v)) values[i] = v;
    else if (issues.length < 100) {
      issues.push(
        by === 'profit' && v === null
          ? {
              code: 'missing_profit',
              path: [i, 'profit'],
              message: `customer ${String(s.customerId)} has no profit (its records carry no cost); expected summaries with cost to rank by profit`,
            }
          : notFiniteIssue(i, s.customerId, by),
      );
    }
  }
  const [first, ...rest] = issues;
  if (first) throw new InvalidInputError([first, ...rest], 'assignTiers');

  const quotas = tierCounts(n, shares);
  const b1 = quotas.A;
  const b2 = b1 + quotas.B;
  const b3 = b2 + quotas.C;
  const order = rankOrder(values, ids);
  const counts = { A: 0, B: 0, C: 0, D: 0 };
  const customers = new Array<TierAssignment>(n);
  let previousValue = NaN;
  let previousTier: Tier = 'A';
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const value = values[i]!;
    let tier: Tier = p < b1 ? 'A' : p < b2 ? 'B' : p < b3 ? 'C' : 'D';
    if (ties === 'together' && value === previousValue) tier = previousTier;
    if (value <= 0) tier = 'D';
    previousValue = value;
    previousTier = tier;
    counts[tier]++;
    customers[p] = { customerId: ids[i]!, rank: p + 1, percentile: (100 * (n - p - 1)) / n, value, tier };
  }
  return { by, shares, ties, quotas, counts, customers };
}
