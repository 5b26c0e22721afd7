import type { BtydCustomer, PurchaseModel } from '../types.js';
import { assertBtydCustomer } from './btydColumns.js';
import { validateQuery } from './validateQuery.js';

/** The model-specific formulas from which {@link continuousModel} builds a purchase model. @internal */
export interface ContinuousModelParts<N extends string, P> {
  readonly model: N;
  readonly params: P;
  /** P(alive at T | x, t_x, T) for a validated customer. */
  aliveOf(c: BtydCustomer): number;
  /** E[purchases in (T, T + t] | alive at T, history]: the new-customer expectation at the posterior. */
  expectedIfAlive(t: number, c: BtydCustomer): number;
  /** P(n purchases in (T, T + t] | alive at T, history): the new-customer pmf at the posterior. */
  pmfIfAlive(n: number, t: number, c: BtydCustomer): number;
  /** P(X(t) = n) for a new customer. */
  pmfNew(n: number, t: number): number;
  /** E[X(t)] for a new customer. */
  expectedNew(t: number): number;
}

/**
 * The {@link PurchaseModel} methods of a continuous-time model, with argument checks:
 * E[Y(t) | history] = P(alive) · E_alive(t) and
 * P(Y(t) = n | history) = P(alive) · P_alive(n, t) + (1 - P(alive)) · [n = 0].
 * @internal
 */
export function continuousModel<N extends 'bgnbd' | 'paretonbd' | 'mbgnbd', P>(parts: ContinuousModelParts<N, P>): PurchaseModel<P> & { readonly model: N } {
  const { aliveOf, expectedIfAlive, pmfIfAlive, pmfNew, expectedNew } = parts;
  const probabilityAlive = (c: BtydCustomer): number => {
    assertBtydCustomer(c);
    return aliveOf(c);
  };
  const expectedPurchases = (t: number, c: BtydCustomer): number => {
    validateQuery(t);
    assertBtydCustomer(c);
    return t === 0 ? 0 : aliveOf(c) * expectedIfAlive(t, c);
  };
  return {
    model: parts.model,
    params: parts.params,
    probabilityAlive,
    expectedPurchases,
    purchaseProbability(n: number, t: number, c?: BtydCustomer): number {
      validateQuery(t, n);
      if (c === undefined) return pmfNew(n, t);
      assertBtydCustomer(c);
      const pa = aliveOf(c);
      return pa * pmfIfAlive(n, t, c) + (n === 0 ? 1 - pa : 0);
    },
    expectedPurchasesNewCustomer(t: number): number {
      validateQuery(t);
      return expectedNew(t);
    },
    probabilityAliveMany: (cs) => Float64Array.from(cs, probabilityAlive),
    expectedPurchasesMany: (t, cs) => Float64Array.from(cs, (c) => expectedPurchases(t, c)),
  };
}
