import { invalidOption } from '../errors/InvalidInputError.js';
import { formulaClv, type FormulaClvOptions, type FormulaClvResult } from './formulaClv.js';

/** Inputs of {@link retentionImpact}: the per-period economics and the change in retention. */
export interface RetentionImpactOptions extends FormulaClvOptions {
  /**
   * Change in retention in probability points: `0.05` keeps 5 % more of the customers each period
   * (5 % lower defection); negative values lower retention. The new retention must stay in [0, 1]
   * (below 1 with an infinite horizon).
   */
  readonly change: number;
}

/** What {@link retentionImpact} returns: the customer's value before and after the change. */
export interface RetentionImpactResult {
  /** Retention before and after the change. */
  readonly retention: { readonly before: number; readonly after: number };
  /** {@link formulaClv} at the current retention. */
  readonly before: FormulaClvResult;
  /** {@link formulaClv} at the changed retention. */
  readonly after: FormulaClvResult;
  /** `after.clv - before.clv`, currency units. */
  readonly clvChange: number;
  /** `clvChange / |before.clv|`; `null` when `before.clv` is 0. */
  readonly clvChangeRelative: number | null;
  /** Change of the undiscounted lifetime profit per customer, currency units. */
  readonly profitChange: number;
  /** `profitChange / |before.undiscountedProfit|`; `null` when that profit is 0. */
  readonly profitChangeRelative: number | null;
}

/**
 * What a change of `change` points in retention does to a customer's lifetime value and profit.
 *
 * DOMAIN §9's retention economics (Reichheld & Sasser: keeping 5 % more customers raises profit
 * by 25 % to 85 %). Evaluates {@link formulaClv} at retention `r` and `r + change` with the same
 * margin, costs, discount rate and horizon, and reports the absolute and relative changes of the
 * discounted lifetime value (CLV) and of the undiscounted lifetime profit. With an infinite
 * horizon the margin part of CLV is `m r / (1 + d - r)`, so its relative change is
 * `(r' (1 + d - r)) / (r (1 + d - r')) - 1`. Cost O(1).
 *
 * @param options - The economics of {@link formulaClv} plus `change`.
 * @returns Values before and after, and their changes.
 * @throws InvalidInputError for invalid economics, a non-finite change, or a changed retention
 *   outside [0, 1] (or equal to 1 with an infinite horizon).
 * @example
 * ```ts
 * import { retentionImpact } from 'loyalty-score';
 * const impact = retentionImpact({ marginPerPeriod: 100, retention: 0.8, discountRate: 0.1, change: 0.05 });
 * impact.retention.after; // ~> 0.85 (1e-12)
 * impact.clvChangeRelative; // ~> 0.275 (1e-9)
 * ```
 */
export function retentionImpact(options: RetentionImpactOptions): RetentionImpactResult {
  const { change, ...economics } = options;
  if (typeof change !== 'number' || !Number.isFinite(change)) invalidOption('change', 'expected a finite number of retention points', 'not_finite');
  const before = formulaClv(economics);
  const after0 = options.retention + change;
  // Snap rounding noise (0.8 + 0.2 = 1.0000000000000002) onto the valid range.
  const after = Math.abs(after0 - 1) < 1e-12 ? 1 : Math.abs(after0) < 1e-12 ? 0 : after0;
  if (after < 0 || after > 1) invalidOption('change', 'the changed retention must stay within [0, 1]', 'out_of_range');
  const changed = formulaClv({ ...economics, retention: after });
  const clvChange = changed.clv - before.clv;
  const profitChange = changed.undiscountedProfit - before.undiscountedProfit;
  return {
    retention: { before: options.retention, after },
    before,
    after: changed,
    clvChange,
    clvChangeRelative: before.clv === 0 ? null : clvChange / Math.abs(before.clv),
    profitChange,
    profitChangeRelative: before.undiscountedProfit === 0 ? null : profitChange / Math.abs(before.undiscountedProfit),
  };
}
