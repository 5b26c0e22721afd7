import type { DistinctHistories } from '../clv/distinctHistories.js';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { BtydColumns, PurchaseModel } from '../models/types.js';

/**
 * `model.probabilityAliveMany(columns)`, evaluated once per distinct history (`histories`, those
 * of `columns`) and spread back to the customers: P(alive) is a function of the history alone, so
 * every customer gets bit for bit her own value. When a history is invalid the model is called
 * on all the customers, so that its error names the customer's own index.
 * @internal
 */
export function aliveByHistory(model: Pick<PurchaseModel<unknown>, 'probabilityAliveMany'>, columns: BtydColumns, histories: DistinctHistories): Float64Array {
  let distinct: Float64Array;
  try {
    distinct = model.probabilityAliveMany(histories.histories);
  } catch (e) {
    if (e instanceof InvalidInputError) return model.probabilityAliveMany(columns);
    throw e;
  }
  const { group } = histories;
  const out = new Float64Array(group.length);
  for (let i = 0; i < out.length; i++) out[i] = distinct[group[i]!]!;
  return out;
}
