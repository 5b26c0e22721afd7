import type { InputIssue } from '../errors/issues.js';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import { compareCustomerIds } from '../summary/compareCustomerIds.js';
import { notFiniteIssue, summaryList, type SummaryInput } from '../summary/summaryInput.js';
import type { CustomerId } from '../transactions/types.js';
import { missingProfitIssue, tierColumnsOf } from './assignTierColumns.js';
import { resolveTierOptions, type AssignTiersOptions } from './tierOptions.js';
import { TIERS, type TierAssignment, type TierAssignments } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

export type { AssignTiersOptions } from './tierOptions.js';

/**
 * Sorts customers into the ABCD customer pyramid by revenue or profit.
 *
 * The CRM course's pyramid (seed 002, DOMAIN §4): A (VIP) are the top 1% of customers, B (major)
 * the next 4%, C (ordinary) the next 15%, D (small) the remaining 80%. Customers are ranked by
 * value descending, equal values by customer id, so the ranking and the tiers never depend on
 * input order. Tier sizes follow {@link tierCounts} (cumulative boundaries rounded half up:
 * 1,000 customers give exactly 10, 40, 150 and 800). Customers whose value is zero or negative
 * go to D whatever their rank, so A-C may then hold fewer than their quota.
 * A thin layer over the columnar form, {@link assignTierColumns}, which does the ranking.
 * Cost: O(n) radix sort plus O(t log t) per run of t equal values (none when the summaries are
 * already in `compareCustomerIds` order, as `summarizeCustomers` returns them).
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
  rejectUnknownKeys(options, ASSIGN_TIERS_OPTION_KEYS, 'options', 'assignTiers');
  const reveal = options.revealValues === true;
  const list = summaryList(summaries, reveal);
  const resolved = resolveTierOptions(options);
  const { by } = resolved;

  const n = list.length;
  const values = new Float64Array(n);
  const ids = new Array<CustomerId>(n);
  const issues: InputIssue[] = [];
  let inIdOrder = true;
  for (let i = 0; i < n; i++) {
    const s = list[i]!;
    ids[i] = s.customerId;
    if (i > 0 && inIdOrder && compareCustomerIds(ids[i - 1]!, s.customerId) >= 0) inIdOrder = false;
    const v: unknown = by === 'revenue' ? s.revenue : s.profit;
    if (typeof v === 'number' && Number.isFinite(v)) values[i] = v;
    else if (issues.length < 100) {
      issues.push(
        by === 'profit' && v === null
          ? missingProfitIssue(i, s.customerId, reveal)
          : notFiniteIssue(i, s.customerId, by, reveal),
      );
    }
  }
  const [first, ...rest] = issues;
  if (first) throw new InvalidInputError([first, ...rest], 'assignTiers');

  // Index order is id order when the summaries come sorted by id; otherwise each run of equal
  // values is put in id order.
  const byId = (run: Uint32Array): void => {
    run.sort((x, y) => compareCustomerIds(ids[x]!, ids[y]!));
  };
  const cols = tierColumnsOf(values, resolved, inIdOrder ? undefined : byId);
  const { order, tier } = cols;
  const customers = new Array<TierAssignment>(n);
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    customers[p] = { customerId: ids[i]!, rank: p + 1, percentile: (100 * (n - p - 1)) / n, value: values[i]!, tier: TIERS[tier[i]!]! };
  }
  const { shares, ties, quotas, counts } = cols;
  return { by, shares, ties, quotas, counts, customers };
}

/** The option names of {@link AssignTiersOptions}. @internal */
export const ASSIGN_TIERS_OPTION_KEYS: KeyList<AssignTiersOptions> = {
  by: true,
  shares: true,
  ties: true,
  revealValues: true,
};
