import { invalidOption } from '../errors/InvalidInputError.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import { resolveTierShares } from './tierCounts.js';
import type { TierBasis, TierShares, TierTieRule } from './types.js';

/** The tiering rules shared by `assignTiers` and `assignTierColumns`: tier shares and the tie rule. */
export interface TierRuleOptions {
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
 * Options of `assignTiers`. `revealValues` (default `false`) puts customer ids in issues and
 * messages; without it they name the customer's index only.
 */
export interface AssignTiersOptions extends TierRuleOptions, Pick<RowPolicyOptions, 'revealValues'> {
  /**
   * Rank by net revenue or by profit (profit needs summaries built from records with cost).
   * @defaultValue `'revenue'`
   */
  by?: TierBasis;
}

/** Validated tiering options. @internal */
export interface ResolvedTierOptions {
  readonly by: TierBasis;
  readonly shares: TierShares;
  readonly ties: TierTieRule;
}

/**
 * Fills in the defaults and validates `by`, `ties` and `shares`, in that order.
 * @internal
 */
export function resolveTierOptions(options: AssignTiersOptions): ResolvedTierOptions {
  const by = options.by ?? 'revenue';
  if (by !== 'revenue' && by !== 'profit') invalidOption('by', "expected 'revenue' or 'profit'");
  const ties = options.ties ?? 'customerId';
  if (ties !== 'customerId' && ties !== 'together') invalidOption('ties', "expected 'customerId' or 'together'");
  const shares = resolveTierShares(options.shares);
  return { by, shares, ties };
}
