import { invalidOption } from '../errors/InvalidInputError.js';
import type { ContractualModel } from '../models/contractual/types.js';
import { curveClv, scaledChurnCurve } from './curveClv.js';
import { formulaClv, type FormulaClvOptions, type FormulaClvResult } from './formulaClv.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Inputs of {@link retentionImpact}: the per-period economics and the change in retention. */
export interface RetentionImpactOptions extends Omit<FormulaClvOptions, 'retention'> {
  /**
   * The retention to start from: a probability in [0, 1] kept every period (a guess, or a
   * measured average), or a fitted contractual model ({@link fitShiftedBetaGeometric},
   * {@link fitBetaDiscreteWeibull}) whose survivor curve S(t) replaces r^t, in the model's periods.
   */
  readonly retention: number | ContractualModel<unknown>;
  /**
   * Change in retention in probability points: `0.05` keeps 5 % more of the customers each period
   * (5 % lower defection); negative values lower retention. The new retention must stay in [0, 1]
   * (below 1 with an infinite horizon). With a model, the change applies to the first period's
   * retention r(1), and every period's churn probability 1 − r(t) is cut by the same proportion
   * `change / (1 − r(1))` (capped so that no churn probability exceeds 1), so the customers who
   * stay longest gain least, as a constant number of points cannot do once r(t) nears 1.
   */
  readonly change: number;
}

/** What {@link retentionImpact} returns: the customer's value before and after the change. */
export interface RetentionImpactResult {
  /** Retention before and after the change (with a model: its first period's r(1)). */
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
 * With a fitted contractual model as `retention`, the same sums run over the model's own survivor
 * curve: margins at the end of periods t = 1..horizon with probability S(t), discounted by
 * (1 + d)^t (so a model with S(t) = r^t gives the numbers of a rate r), and the changed curve cuts
 * every period's churn probability by the proportion that adds `change` to r(1). Heterogeneous
 * customers make the gain larger than a constant rate suggests: the survivors' retention rises
 * with tenure (Fader & Hardie 2010 on retention elasticities). With an infinite horizon the
 * model's expected lifetime must be finite (sBG α > 1, BdW α c > 1); otherwise give a horizon.
 * Cost: O(horizon), or about 40 / d terms of the series for an infinite one (2^20 when d = 0).
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
 * // From a fitted survivor curve (yearly): 5 points more first-year retention, over 10 years.
 * import { fitShiftedBetaGeometric } from 'loyalty-score';
 * const curve = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * const fromCurve = retentionImpact({ marginPerPeriod: 100, retention: curve, discountRate: 0.1, horizon: 10, change: 0.05 });
 * fromCurve.retention.before; // ~> 0.6267 (1e-4)
 * fromCurve.clvChangeRelative; // ~> 0.1617 (1e-4)
 * ```
 */
export function retentionImpact(options: RetentionImpactOptions): RetentionImpactResult {
  rejectUnknownKeys(options, RETENTION_IMPACT_OPTION_KEYS, 'options', 'retentionImpact');
  const { change, retention, ...economics } = options;
  if (typeof change !== 'number' || !Number.isFinite(change)) invalidOption('change', 'expected a finite number of retention points', 'not_finite');
  if (typeof retention !== 'number') return curveImpact(retention, change, economics);
  const before = formulaClv({ ...economics, retention });
  const after0 = retention + change;
  // Snap rounding noise (0.8 + 0.2 = 1.0000000000000002) onto the valid range.
  const after = Math.abs(after0 - 1) < 1e-12 ? 1 : Math.abs(after0) < 1e-12 ? 0 : after0;
  if (after < 0 || after > 1) invalidOption('change', 'the changed retention must stay within [0, 1]', 'out_of_range');
  const changed = formulaClv({ ...economics, retention: after });
  return impactResult(retention, after, before, changed);
}

/** {@link retentionImpact} on a contractual model's survivor curve. */
function curveImpact(model: ContractualModel<unknown>, change: number, economics: Omit<FormulaClvOptions, 'retention'>): RetentionImpactResult {
  if (model === null || typeof model !== 'object' || typeof model.retentionRate !== 'function' || typeof model.survival !== 'function') {
    invalidOption('retention', 'expected a retention probability or a fitted contractual model (fitShiftedBetaGeometric, fitBetaDiscreteWeibull)', 'invalid_type');
  }
  // formulaClv checks the economics (margin, discount rate, horizon, costs) on a neutral rate.
  formulaClv({ ...economics, retention: 0, horizon: economics.horizon ?? Infinity });
  const r1 = model.retentionRate(1);
  const after1 = r1 + change;
  if (after1 < -1e-12 || after1 > 1 + 1e-12) invalidOption('change', 'the changed first-period retention must stay within [0, 1]', 'out_of_range');
  // Every period's churn cut by the proportion that adds `change` points to r(1).
  const scale = r1 === 1 ? 1 : Math.max(0, (1 - Math.min(1, after1)) / (1 - r1));
  const horizon = economics.horizon ?? Infinity;
  // E[T] only matters for an infinite horizon (for the BdW it is a long sum).
  const lifetime = horizon === Infinity ? model.expectedLifetime : undefined;
  if (lifetime !== undefined && !Number.isFinite(lifetime)) {
    invalidOption('horizon', 'the fitted curve has an unbounded expected lifetime (sBG α <= 1, BdW α c <= 1), so the undiscounted profit over an infinite horizon is too; give a finite horizon', 'divergent');
  }
  if (horizon === Infinity && scale === 0) {
    invalidOption('retention', 'with an infinite horizon, retention must stay below 1 (a customer who never leaves has no finite lifetime); give a finite horizon', 'divergent');
  }
  const before = curveClv(scaledChurnCurve(model, 1), economics, lifetime);
  const changed = curveClv(scaledChurnCurve(model, scale), economics, scale === 1 ? lifetime : undefined);
  return impactResult(r1, Math.min(1, Math.max(0, after1)), before, changed);
}

function impactResult(retentionBefore: number, retentionAfter: number, before: FormulaClvResult, changed: FormulaClvResult): RetentionImpactResult {
  const clvChange = changed.clv - before.clv;
  const profitChange = changed.undiscountedProfit - before.undiscountedProfit;
  return {
    retention: { before: retentionBefore, after: retentionAfter },
    before,
    after: changed,
    clvChange,
    clvChangeRelative: before.clv === 0 ? null : clvChange / Math.abs(before.clv),
    profitChange,
    profitChangeRelative: before.undiscountedProfit === 0 ? null : profitChange / Math.abs(before.undiscountedProfit),
  };
}

/** The option names of {@link RetentionImpactOptions}. @internal */
export const RETENTION_IMPACT_OPTION_KEYS: KeyList<RetentionImpactOptions> = {
  retention: true,
  change: true,
  marginPerPeriod: true,
  discountRate: true,
  horizon: true,
  acquisitionCost: true,
  servingCost: true,
  referralValue: true,
};
