import type { BgNbdParams, FitBgNbdOptions, SimulateBtydOptions } from '../bgnbd/types.js';
import type { FitBgNbdCovariateOptions } from '../bgnbd/bgNbdCovariates.js';
import type { CovariateInfo } from '../covariates/types.js';
import type { BtydCustomer, BtydFitDiagnostics, PurchaseModel } from '../types.js';

/** MBG/NBD parameters: λ ~ Gamma(shape r, rate α); dropout probability p ~ Beta(a, b), applied after every purchase including the first. */
export type MbgNbdParams = BgNbdParams;

/** An MBG/NBD model at given parameters. */
export interface MbgNbdModel extends PurchaseModel<MbgNbdParams> {
  readonly model: 'mbgnbd';
  /** Simulated (x, t_x, T) histories under these parameters. */
  simulate(options: SimulateBtydOptions): BtydCustomer[];
}

/** A fitted MBG/NBD model with its fit diagnostics. */
export interface MbgNbdFit extends MbgNbdModel, BtydFitDiagnostics<MbgNbdParams> {
  /** Present when fitted with `covariates`: the coefficients and a customer's own model (see {@link CovariateInfo}). */
  readonly covariates?: CovariateInfo<MbgNbdParams, MbgNbdModel>;
}

/** Options of {@link fitMbgNbd}: those of {@link fitBgNbd}, `covariates` included. */
export type FitMbgNbdOptions = FitBgNbdCovariateOptions;
