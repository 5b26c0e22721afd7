import { invalidOption } from '../../errors/InvalidInputError.js';
import { bgBb } from '../../models/bgbb/bgBb.js';
import type { BgBbParams } from '../../models/bgbb/types.js';
import { bgNbd } from '../../models/bgnbd/bgNbd.js';
import type { BgNbdParams } from '../../models/bgnbd/types.js';
import { gammaGamma } from '../../models/gammagamma/gammaGamma.js';
import type { GammaGammaModel, GammaGammaParams } from '../../models/gammagamma/types.js';
import { mbgNbd } from '../../models/mbgnbd/mbgNbd.js';
import { paretoNbd } from '../../models/paretonbd/paretoNbd.js';
import type { ParetoNbdParams } from '../../models/paretonbd/types.js';
import type { PurchaseModel } from '../../models/types.js';

/** The purchase-model names predictions with intervals rebuild from parameters. @internal */
export type PurchaseModelName = 'bgnbd' | 'mbgnbd' | 'paretonbd' | 'bgbb';

/**
 * The purchase model `name` at parameters `params` (one draw), built by its public constructor.
 * @throws {InvalidInputError} `invalid_option` at `model` for an unknown name.
 * @internal
 */
export function purchaseModelAt(name: unknown, params: object): PurchaseModel<object, unknown> {
  switch (name) {
    case 'bgnbd':
      return bgNbd(params as BgNbdParams) as PurchaseModel<object, unknown>;
    case 'mbgnbd':
      return mbgNbd(params as BgNbdParams) as PurchaseModel<object, unknown>;
    case 'paretonbd':
      return paretoNbd(params as ParetoNbdParams) as PurchaseModel<object, unknown>;
    case 'bgbb':
      return bgBb(params as BgBbParams) as unknown as PurchaseModel<object, unknown>;
    default:
      return invalidOption('model', 'expected a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model, or a bootstrapFit of one');
  }
}

/** The Gamma-Gamma model at one draw of its parameters. @internal */
export function spendModelAt(params: object): GammaGammaModel {
  return gammaGamma(params as GammaGammaParams);
}
