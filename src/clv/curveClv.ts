import { invalidOption } from '../errors/InvalidInputError.js';
import { residualSurvivalSum } from '../math/survivalSums.js';
import type { ContractualModel } from '../models/contractual/types.js';
import type { FormulaClvOptions, FormulaClvResult } from './formulaClv.js';

/**
 * The survivor curve of a contractual model with every period's churn probability scaled by
 * `scale` (capped at 1), as log S(t) for whole t, computed on demand and kept.
 * @internal
 */
export function scaledChurnCurve(model: ContractualModel<unknown>, scale: number): (t: number) => number {
  const logS: number[] = [0];
  return (t: number): number => {
    for (let k = logS.length; k <= t; k++) {
      const churn = Math.min(1, scale * (1 - model.retentionRate(k)));
      logS.push(logS[k - 1]! + Math.log1p(-churn));
    }
    return logS[t]!;
  };
}

/**
 * {@link formulaClv}'s lifetime value with the survivor curve `logS` in place of r^t: the net
 * margin at the end of each period t = 1..horizon while still subscribed (probability S(t)),
 * discounted by (1 + d)^t, minus the acquisition cost; the same timing as formulaClv.
 * `lifetime`, when given, is E[T] = Σ_{t>=0} S(t) of this curve (a closed form saves the long
 * undiscounted sum).
 * @throws InvalidInputError (`divergent`) when the horizon is infinite and Σ S(t) is too: the
 *   undiscounted lifetime profit would be infinite.
 * @internal
 */
export function curveClv(logS: (t: number) => number, economics: Omit<FormulaClvOptions, 'retention'>, lifetime?: number): FormulaClvResult {
  const margin = economics.marginPerPeriod;
  const d = economics.discountRate ?? 0;
  const horizon = economics.horizon ?? Infinity;
  const x = 1 / (1 + d);
  let annuity = 0;
  let active = 0;
  if (horizon === Infinity) {
    // Σ_{t>=1} S(t) x^t = x Σ_{k>=0} S(1 + k) x^k, and the same undiscounted (power-law tail).
    active = lifetime !== undefined ? lifetime - 1 : residualSurvivalSum(logS, 0, 1);
    if (!Number.isFinite(active)) {
      invalidOption('horizon', 'the survivor curve falls too slowly for an infinite horizon: the expected lifetime (the undiscounted profit) is unbounded; give a finite horizon', 'divergent');
    }
    annuity = x < 1 ? x * residualSurvivalSum(logS, 0, x) : active;
  } else {
    let discount = 1;
    for (let t = 1; t <= horizon; t++) {
      const s = Math.exp(logS(t));
      discount *= x;
      annuity += s * discount;
      active += s;
    }
  }
  const servingCost = economics.servingCost ?? 0;
  const referralValue = economics.referralValue ?? 0;
  const acquisitionCost = economics.acquisitionCost ?? 0;
  const net = margin - servingCost + referralValue;
  return {
    clv: net * annuity - acquisitionCost,
    discountedMargin: margin * annuity,
    discountedServingCost: servingCost * annuity,
    discountedReferralValue: referralValue * annuity,
    acquisitionCost,
    expectedActivePeriods: active,
    undiscountedProfit: net * active - acquisitionCost,
  };
}
