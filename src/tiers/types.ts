import type { CustomerId } from '../transactions/types.js';

/** The four tiers of the customer pyramid: A (VIP), B (major), C (ordinary), D (small). */
export type Tier = 'A' | 'B' | 'C' | 'D';

/** What customers are ranked by. */
export type TierBasis = 'revenue' | 'profit';

/**
 * What happens to customers with equal values across a tier boundary.
 *
 * - `'customerId'`: equal values are ordered by customer id (numbers before strings, numbers
 *   ascending, strings by UTF-16 code units), so every tier gets exactly its quota.
 * - `'together'`: equal values always share a tier, the tier of the best-ranked of them; the tier
 *   above a boundary may then hold more than its quota.
 */
export type TierTieRule = 'customerId' | 'together';

/** Shares of the customer base in tiers A, B and C (D takes the rest). */
export interface TierShares {
  readonly A: number;
  readonly B: number;
  readonly C: number;
}

/** A count per tier. */
export type TierCounts = Readonly<Record<Tier, number>>;

/** One customer's place in the pyramid. */
export interface TierAssignment {
  readonly customerId: CustomerId;
  /** 1-based position in the ranking: value descending, ties by customer id. Unique. */
  readonly rank: number;
  /** Percent of customers ranked below: `100 (N - rank) / N`; the top customer of 1,000 has 99.9. */
  readonly percentile: number;
  /** The revenue or profit ranked on, in currency units. */
  readonly value: number;
  readonly tier: Tier;
}

/** Result of `assignTiers`. */
export interface TierAssignments {
  readonly by: TierBasis;
  readonly shares: TierShares;
  readonly ties: TierTieRule;
  /** Tier sizes the rounding rule gives for N customers (see `tierCounts`). */
  readonly quotas: TierCounts;
  /** Tier sizes actually assigned (differ from `quotas` under `'together'` ties or non-positive values). */
  readonly counts: TierCounts;
  /** The customers in rank order (best first). */
  readonly customers: readonly TierAssignment[];
}

/** The tiers, best first. */
export const TIERS: readonly Tier[] = ['A', 'B', 'C', 'D'];
