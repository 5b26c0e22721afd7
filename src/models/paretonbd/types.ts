import type { SimulateBtydOptions } from '../bgnbd/types.js';
import type { CovariateInfo } from '../covariates/types.js';
import type { FitBtydOptions } from '../fit/btydFitRows.js';
import type { BtydCustomer, BtydFitDiagnostics, PurchaseModel } from '../types.js';

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(shape r, rate α); dropout rate μ ~ Gamma(shape s, rate β). */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** A Pareto/NBD model at given parameters. */
export interface ParetoNbdModel extends PurchaseModel<ParetoNbdParams> {
  readonly model: 'paretonbd';
  /** Simulated (x, t_x, T) histories under these parameters. */
  simulate(options: SimulateBtydOptions): BtydCustomer[];
}

/** A fitted Pareto/NBD model with its fit diagnostics. */
export interface ParetoNbdFit extends ParetoNbdModel, BtydFitDiagnostics<ParetoNbdParams> {
  /** Present when fitted with `covariates`: the coefficients and a customer's own model (see {@link CovariateInfo}). */
  readonly covariates?: CovariateInfo<ParetoNbdParams, ParetoNbdModel>;
}

/** Options of {@link fitParetoNbd}: weights, the optimiser's knobs, start and L2 penalty. */
export type FitParetoNbdOptions = FitBtydOptions<keyof ParetoNbdParams & string>;
