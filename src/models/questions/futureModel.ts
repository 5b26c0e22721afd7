import { invalidOption } from '../../errors/InvalidInputError.js';
import type { BgBbParams } from '../bgbb/types.js';
import { validateDiscreteCustomer, validateOpportunities } from '../bgbb/validateDiscreteCustomer.js';
import type { BgNbdParams } from '../bgnbd/types.js';
import type { ParetoNbdParams } from '../paretonbd/types.js';
import { assertBtydCustomer } from '../shared/btydCustomer.js';
import { validateQuery } from '../shared/validateQuery.js';
import type { BtydCustomer, DiscreteCustomer, PurchaseModel } from '../types.js';

/** A purchase model as the forward-looking questions read it: its name, parameters, P(alive) and conditional pmf. */
export type FutureModel =
  | Pick<PurchaseModel<BgNbdParams, BtydCustomer>, 'probabilityAlive' | 'purchaseProbability' | 'params'> & { readonly model: 'bgnbd' | 'mbgnbd' }
  | Pick<PurchaseModel<ParetoNbdParams, BtydCustomer>, 'probabilityAlive' | 'purchaseProbability' | 'params'> & { readonly model: 'paretonbd' }
  | Pick<PurchaseModel<BgBbParams, DiscreteCustomer>, 'probabilityAlive' | 'purchaseProbability' | 'params'> & { readonly model: 'bgbb' };

/**
 * Checks the model name, the horizon (finite t >= 0; whole opportunities for BG/BB) and the
 * customer's history, and returns the model narrowed by name.
 * @throws {InvalidInputError} As the models' own methods do for the horizon and the history,
 *   `invalid_option` at `model` for an object that is not one of the four purchase models.
 * @internal
 */
export function checkFutureQuery(model: FutureModel, customer: BtydCustomer | DiscreteCustomer, t: number): void {
  const name = (model as { model?: unknown } | null)?.model;
  if (name === 'bgbb') {
    validateOpportunities(t, 't');
    if (customer === null || typeof customer !== 'object') validateDiscreteCustomer({ frequency: NaN, recency: NaN, periods: NaN }, 'customer');
    validateDiscreteCustomer(customer as DiscreteCustomer, 'customer');
  } else if (name === 'bgnbd' || name === 'mbgnbd' || name === 'paretonbd') {
    validateQuery(t);
    assertBtydCustomer(customer as BtydCustomer);
  } else {
    invalidOption('model', 'expected a BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (a fit or bgNbd(...), mbgNbd(...), paretoNbd(...), bgBb(...))');
  }
}
