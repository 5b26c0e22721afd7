import type { BtydFitDiagnostics, DiscreteCustomer, PurchaseModel } from '../types.js';
import type { SimulateBgBbOptions } from './simulateBgBb.js';

/** Parameters of the BG/BB model (Fader, Hardie & Shang 2010), all `> 0`. */
export interface BgBbParams {
  /** Beta(alpha, beta) heterogeneity of the transaction probability p. */
  readonly alpha: number;
  readonly beta: number;
  /** Beta(gamma, delta) heterogeneity of the dropout probability theta. */
  readonly gamma: number;
  readonly delta: number;
}

/**
 * One row of BG/BB data: a customer's (x, t_x, n), or a pattern shared by `weight` customers
 * (e.g. the `weights` column of the donations data).
 */
export interface BgBbRow extends DiscreteCustomer {
  /**
   * Number of customers with this history, finite and `>= 0` (need not be whole; rows of weight 0 are dropped).
   * @defaultValue 1
   */
  readonly weight?: number;
}

/** A BG/BB model: the {@link PurchaseModel} interface, in transaction opportunities. */
export interface BgBbModel extends PurchaseModel<BgBbParams, DiscreteCustomer> {
  readonly model: 'bgbb';
  /** {@link PurchaseModel.purchaseProbability} for many customers. */
  purchaseProbabilityMany(n: number, t: number, customers: readonly DiscreteCustomer[]): Float64Array;
  /** Seeded simulated histories under these parameters ({@link simulateBgBb}). */
  simulate(options: SimulateBgBbOptions): DiscreteCustomer[];
  /** Log-likelihood of one customer's history. */
  customerLogLikelihood(customer: DiscreteCustomer): number;
}

/** A fitted BG/BB model: the model plus the fit's diagnostics. */
export interface FittedBgBb extends BgBbModel, BtydFitDiagnostics<BgBbParams> {}
