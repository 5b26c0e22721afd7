import type { CovariateInfo } from '../covariates/types.js';
import type { FitBtydOptions } from '../fit/btydFitRows.js';
import type { BtydCustomer, BtydFitDiagnostics, PurchaseModel } from '../types.js';

/** BG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α); dropout probability after each repeat purchase p ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Options of a BG/NBD-family simulation. */
export interface SimulateBtydOptions {
  /**
   * Number of customers, a whole number >= 0; ignored when `T` is an array (one customer per entry).
   * @defaultValue 1
   */
  readonly customers?: number;
  /** Observation length per customer, in the model's time unit: one value for all, or one per customer. */
  readonly T: number | readonly number[];
  /** Seed of the random stream, a finite number (its 32-bit integer part is used). */
  readonly seed: number;
}

/** A BG/NBD model at given parameters. */
export interface BgNbdModel extends PurchaseModel<BgNbdParams> {
  readonly model: 'bgnbd';
  /** Simulated (x, t_x, T) histories under these parameters. */
  simulate(options: SimulateBtydOptions): BtydCustomer[];
}

/** A fitted BG/NBD model with its fit diagnostics. */
export interface BgNbdFit extends BgNbdModel, BtydFitDiagnostics<BgNbdParams> {
  /** Present when fitted with `covariates`: the coefficients and a customer's own model (see {@link CovariateInfo}). */
  readonly covariates?: CovariateInfo<BgNbdParams, BgNbdModel>;
}

/** Options of {@link fitBgNbd}: weights, the optimiser's knobs, start and L2 penalty. */
export type FitBgNbdOptions = FitBtydOptions<keyof BgNbdParams & string>;
