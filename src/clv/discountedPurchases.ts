import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { BtydColumns, PurchaseModel } from '../models/types.js';
import { distinctHistories, type DistinctHistories } from './distinctHistories.js';

/** The purchase model as {@link discountedPurchases} calls it. @internal */
export type ClvPurchaseModel<C> = Pick<PurchaseModel<unknown, C>, 'model' | 'expectedPurchasesMany' | 'expectedPurchasesOverHorizons'>;

type DiscountedOver<C> = (times: readonly number[], factors: readonly number[], customers: C[] | BtydColumns) => { discounted: Float64Array; last: Float64Array };
type OverHorizons<C> = (times: readonly number[], customers: C[] | BtydColumns, visit: (k: number, cumulative: Float64Array) => void) => void;

/**
 * Each customer's discounted expected purchases `Σ_k (E_k − E_{k−1}) f_k` over the sub-periods
 * ending at `ends` (discount factors `factors`), and her expected purchases at the last end:
 * through the model's `discountedPurchasesOverHorizons` when it has one (customer by customer),
 * else `expectedPurchasesOverHorizons` (one pass per sub-period), else `expectedPurchasesMany`
 * per sub-period.
 *
 * Customers given as columns to a model with `discountedPurchasesOverHorizons` are evaluated once
 * per distinct history ({@link distinctHistories}; `histories`, when given, must be those of
 * `purchase`): the sums are functions of the history alone, so every customer gets bit for bit
 * her own. Invalid histories are found the same way; the model is then called on all the
 * customers, so that its error names the customer's own index.
 * @internal
 */
export function discountedPurchases<C>(
  model: ClvPurchaseModel<C>,
  ends: readonly number[],
  factors: readonly number[],
  purchase: C[] | BtydColumns,
  n: number,
  histories?: DistinctHistories,
): { discounted: Float64Array; last: Float64Array } {
  const discounted = new Float64Array(n);
  let previous: Float64Array = new Float64Array(n);
  const steps = ends.length;
  const accumulate = (k: number, cumulative: Float64Array): void => {
    const factor = factors[k]!;
    for (let i = 0; i < n; i++) discounted[i] = (discounted[i] as number) + ((cumulative[i] as number) - (previous[i] as number)) * factor;
  };
  const overHorizons = model.expectedPurchasesOverHorizons as OverHorizons<C> | undefined;
  const discountedOver = (model as { discountedPurchasesOverHorizons?: unknown }).discountedPurchasesOverHorizons as DiscountedOver<C> | undefined;
  if (typeof discountedOver === 'function') {
    // The same sums, customer by customer (one pass instead of one per sub-period).
    if (steps > 0) {
      if (!Array.isArray(purchase)) return byHistory(model, discountedOver, ends, factors, purchase, histories ?? distinctHistories(purchase));
      const r = discountedOver.call(model, ends, factors, purchase);
      discounted.set(r.discounted);
      previous = r.last;
    }
  } else if (typeof overHorizons === 'function') {
    if (steps > 0) {
      // One validation, P(alive) pass and (x, T) grouping for all steps; `cumulative` is reused,
      // so the previous step's values are copied out.
      overHorizons.call(model, ends, purchase, (k, cumulative) => {
        accumulate(k, cumulative);
        previous.set(cumulative);
      });
    }
  } else {
    const purchaseMany = model.expectedPurchasesMany as (t: number, customers: C[] | BtydColumns) => Float64Array;
    for (let k = 0; k < steps; k++) {
      const cumulative = purchaseMany.call(model, ends[k]!, purchase);
      accumulate(k, cumulative);
      previous = cumulative;
    }
  }
  return { discounted, last: previous };
}

/** `discountedOver` once per distinct history, spread back to the customers. */
function byHistory<C>(
  model: ClvPurchaseModel<C>,
  discountedOver: DiscountedOver<C>,
  ends: readonly number[],
  factors: readonly number[],
  purchase: BtydColumns,
  h: DistinctHistories,
): { discounted: Float64Array; last: Float64Array } {
  let r: { discounted: Float64Array; last: Float64Array };
  try {
    r = discountedOver.call(model, ends, factors, h.histories);
  } catch (e) {
    // An invalid history: the same call on every customer names her index.
    if (e instanceof InvalidInputError) return discountedOver.call(model, ends, factors, purchase);
    throw e;
  }
  const n = h.group.length;
  const discounted = new Float64Array(n);
  const last = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = h.group[i]!;
    discounted[i] = r.discounted[g]!;
    last[i] = r.last[g]!;
  }
  return { discounted, last };
}
