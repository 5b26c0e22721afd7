import type { Rng } from '../../math/random.js';
import type { BtydFitDiagnostics, DiscreteCustomer, PurchaseModel } from '../types.js';

/** Options of {@link simulateBgBb}. */
export interface SimulateBgBbOptions {
  /** Number of customers to draw, a whole number `>= 0`. */
  readonly customers: number;
  /**
   * Transaction opportunities observed per customer (n), a whole number `>= 0`.
   * @defaultValue 6
   */
  readonly periods?: number;
  /**
   * Seed of the generator, used when `rng` is not given.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * A seeded generator from `createRng`; overrides `seed`.
   * @defaultValue createRng(seed)
   */
  readonly rng?: Rng;
}

/** What {@link fitBgBb} accepts: an array of histories, or `{ customers }` holding one; weights go in `options.weights`. */
export type DiscreteData = readonly DiscreteCustomer[] | { readonly customers: readonly DiscreteCustomer[] };

/** Parameters of the BG/BB model (Fader, Hardie & Shang 2010), all `> 0`. */
export interface BgBbParams {
  /** Beta(alpha, beta) heterogeneity of the transaction probability p. */
  readonly alpha: number;
  readonly beta: number;
  /** Beta(gamma, delta) heterogeneity of the dropout probability theta. */
  readonly gamma: number;
  readonly delta: number;
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
export interface BgBbFit extends BgBbModel, BtydFitDiagnostics<BgBbParams> {}
