import { betaGeometricFromCovariateRows, type FitBgNbdCovariateOptions } from '../bgnbd/bgNbdCovariates.js';
import { covariateFitRows, rejectUnknownCovariateFitOptions } from '../covariates/covariateRows.js';
import type { BtydData } from '../fit/btydFitRows.js';
import { mbgNbd } from './mbgNbd.js';
import type { MbgNbdFit, MbgNbdModel } from './types.js';

/**
 * The MBG/NBD fit with static covariates (the `covariates` form of `fitMbgNbd`): the BG/NBD
 * parameterisation, α_i = α·exp(−γ_purchase·z_i), a_i = a·exp(γ_dropout·z_i), b_i = b·exp(γ_dropout·z_i).
 * @internal
 */
export function fitMbgNbdWithCovariates(data: BtydData, options: FitBgNbdCovariateOptions): MbgNbdFit {
  rejectUnknownCovariateFitOptions(options, 'fitMbgNbd');
  return betaGeometricFromCovariateRows<MbgNbdModel>(covariateFitRows(data, options.covariates!, options.weights, 'fitMbgNbd', options.revealValues === true), options, 'mbgnbd', mbgNbd, 'fitMbgNbd');
}
