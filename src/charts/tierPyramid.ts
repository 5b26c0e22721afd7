import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { TIERS, type Tier } from '../tiers/types.js';

/** One tier of {@link tierPyramid}. */
export interface TierPyramidLevel {
  readonly tier: Tier;
  /** Customers in the tier. */
  readonly customers: number;
  /** Share of all customers, 0..1. */
  readonly customerShare: number;
  /** Revenue of the tier's customers, currency units. */
  readonly revenue: number;
  /** Share of all revenue, 0..1 (0 when the total is not positive). */
  readonly revenueShare: number;
  /** Lifetime value of the tier's customers over the horizon, currency units. */
  readonly clv: number;
  /** Share of all lifetime value, 0..1 (0 when the total is not positive). */
  readonly clvShare: number;
}

/** The resource table of the CRM course (seed 002): how to split effort against customers and revenue. */
export interface TierResourceRow {
  readonly tier: Tier | 'C+D';
  /** Share of customers of the course's example, 0..1. */
  readonly customerShare: number;
  /** Share of revenue of the course's example, 0..1. */
  readonly revenueShare: number;
}

/** Result of {@link tierPyramid}. */
export interface TierPyramid {
  /** Tiers A (top) to D (base). */
  readonly levels: readonly TierPyramidLevel[];
  /** The course's resource table: A 10% / 70%, B 20% / 20%, C 70% / 10%. */
  readonly resourceTable: readonly TierResourceRow[];
  /** The tier basis of the scoring (`'revenue'` or `'profit'`). */
  readonly tierBy: CustomerScores['tierBy'];
}

const RESOURCE_TABLE: readonly TierResourceRow[] = [
  { tier: 'A', customerShare: 0.1, revenueShare: 0.7 },
  { tier: 'B', customerShare: 0.2, revenueShare: 0.2 },
  { tier: 'C+D', customerShare: 0.7, revenueShare: 0.1 },
];

/**
 * The ABCD pyramid: each tier's customers and its shares of customers, revenue and lifetime
 * value, beside the resource table of the CRM course (seed 002).
 *
 * Tiers are those of the scoring (`scores.columns.tiers`, by revenue or profit: the 1/4/15/80
 * split by default). Revenue is each customer's observed revenue; CLV the discounted lifetime
 * value over the scoring horizon. Cost: O(n).
 *
 * @param scores - A {@link scoreCustomers} result.
 * @returns Four levels A to D and the resource table.
 * @example
 * ```ts
 * import { scoreCustomers, simulateTransactions, tierPyramid } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * const p = tierPyramid(scores);
 * p.levels.map((l) => l.customers); // => [3, 12, 45, 240]
 * p.levels.reduce((s, l) => s + l.revenueShare, 0); // ~> 1 (1e-12)
 * ```
 */
export function tierPyramid(scores: CustomerScores): TierPyramid {
  const { tiers, summary, clv } = scores.columns;
  const n = scores.length;
  const count = new Float64Array(4);
  const revenue = new Float64Array(4);
  const value = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const t = tiers.tier[i]!;
    count[t]!++;
    revenue[t]! += summary.revenue[i]!;
    value[t]! += clv[i]!;
  }
  const totalRevenue = revenue.reduce((s, x) => s + x, 0);
  const totalClv = value.reduce((s, x) => s + x, 0);
  const levels = TIERS.map((tier, t): TierPyramidLevel => ({
    tier,
    customers: count[t]!,
    customerShare: n > 0 ? count[t]! / n : 0,
    revenue: revenue[t]!,
    revenueShare: totalRevenue > 0 ? revenue[t]! / totalRevenue : 0,
    clv: value[t]!,
    clvShare: totalClv > 0 ? value[t]! / totalClv : 0,
  }));
  return { levels, resourceTable: RESOURCE_TABLE, tierBy: scores.tierBy };
}
