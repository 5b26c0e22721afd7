import type { BgNbdFit } from '../models/bgnbd/types.js';
import type { MbgNbdFit } from '../models/mbgnbd/types.js';
import type { ParetoNbdFit } from '../models/paretonbd/types.js';

/** The continuous-time purchase models the pipeline fits and compares. */
export type PurchaseModelName = 'bgnbd' | 'paretonbd' | 'mbgnbd';

/** {@link PurchaseModelName}s, in the order they are compared. */
export const PURCHASE_MODEL_NAMES: readonly PurchaseModelName[] = ['bgnbd', 'paretonbd', 'mbgnbd'];

/** Display names of the purchase models. */
export const PURCHASE_MODEL_TITLES: Readonly<Record<PurchaseModelName, string>> = { bgnbd: 'BG/NBD', paretonbd: 'Pareto/NBD', mbgnbd: 'MBG/NBD' };

/** A fitted purchase model of any of the {@link PurchaseModelName}s. */
export type PurchaseFit = BgNbdFit | ParetoNbdFit | MbgNbdFit;
