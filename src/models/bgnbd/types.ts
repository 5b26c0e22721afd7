import type { FitOptions } from '../fit/fitByMaximumLikelihood.js';
import type { BtydCustomer, FitDiagnostics, PurchaseModel } from '../types.js';

/** BG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α); dropout probability after each repeat purchase p ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Options of a BG/NBD-family simulation. */
export interface SimulateBtydOptions {
  /** Number of customers; ignored when `T` is an array (one customer per entry). */
  readonly customers?: number;
  /** Observation length per customer, in the model's time unit: one value for all, or one per customer. */
  readonly T: number | readonly number[];
  /** Seed of the random stream. */
  readonly seed: number;
}

/** A BG/NBD model at given parameters. */
export interface BgNbdModel extends PurchaseModel<BgNbdParams> {
  readonly model: 'bgnbd';
  /** Simulated (x, t_x, T) histories under these parameters. */
  simulate(options: SimulateBtydOptions): BtydCustomer[];
}

/** A fitted BG/NBD model with its fit diagnostics. */
export interface BgNbdFit extends BgNbdModel, FitDiagnostics<BgNbdParams> {}

/** Options of {@link fitBgNbd}. */
export interface FitBgNbdOptions extends FitOptions<keyof BgNbdParams & string> {
  /** Count of customers per input row (for pre-aggregated data). @defaultValue 1 for every row */
  readonly weights?: readonly number[];
}
