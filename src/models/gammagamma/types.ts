import type { Rng } from '../../math/random.js';
import type { FitData, FitDiagnostics, SpendColumns } from '../types.js';

/** Options of {@link simulateGammaGamma}. */
export interface SimulateGammaGammaOptions {
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

/** Parameters of the Gamma-Gamma spend model (Fader & Hardie 2013), all `> 0`. */
export interface GammaGammaParams {
  /** Shape of the gamma distribution of one transaction's spend around the customer's mean. */
  readonly p: number;
  /** Shape of the gamma heterogeneity of the customers' scale parameter ν. */
  readonly q: number;
  /** Rate of that heterogeneity (written γ in the note; `v` in lifetimes). */
  readonly gamma: number;
}

/** One customer's spend history: x repeat transactions with mean spend `monetaryValue` (z̄). */
export interface SpendCustomer {
  /** Number of repeat transactions x (`>= 0`; 0 means no spend history). */
  readonly frequency: number;
  /** Mean spend of those transactions, currency units (`> 0` when frequency > 0). */
  readonly monetaryValue: number;
}

/**
 * What {@link fitGammaGamma} accepts: an array of {@link SpendCustomer}s (or of elements carrying
 * one in `btyd`, such as customer summaries), `{ customers }` holding such an array, or
 * {@link SpendColumns}.
 */
export type SpendData = FitData<SpendCustomer, SpendColumns>;

/** The spend-model interface used by `predictClv`. */
export interface SpendModel {
  /** Expected spend per transaction of this customer, currency units. */
  expectedAverageSpend(customer: SpendCustomer): number;
  /** {@link SpendModel.expectedAverageSpend} for many customers: an array or {@link SpendColumns}. */
  expectedAverageSpendMany(customers: readonly SpendCustomer[] | SpendColumns): Float64Array;
}

/** A Gamma-Gamma model with given parameters. */
export interface GammaGammaModel extends SpendModel {
  readonly model: 'gammagamma';
  readonly params: GammaGammaParams;
  /** Seeded simulated mean spends for customers with the given repeat counts ({@link simulateGammaGamma}). */
  simulate(frequencies: ArrayLike<number>, options?: SimulateGammaGammaOptions): SpendCustomer[];
  /** Log-density of one customer's mean spend z̄ given x (0 for x = 0 or z̄ <= 0: no information, left out of fits). */
  customerLogLikelihood(customer: SpendCustomer): number;
}

/** A fitted Gamma-Gamma model: the model plus the fit's diagnostics. */
export interface GammaGammaFit extends GammaGammaModel, FitDiagnostics<GammaGammaParams> {
  /** Repeat customers whose mean repeat spend is 0 or less (free orders): left out of the fit (`customers` does not count them). */
  readonly zeroSpend: number;
}
