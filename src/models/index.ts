/**
 * Purchase and spend models: BG/NBD, Pareto/NBD, MBG/NBD and BG/BB for purchases and dropout,
 * Gamma-Gamma for spend; each with a fit (`fitBgNbd`, ...) that returns parameters, diagnostics
 * and warnings, and predictions (P(alive), expected purchases). Holdout evaluation helpers.
 * Guide: [models](../../docs/models.md).
 *
 * Import from `loyalty-score`.
 *
 * @module models
 */
export type {
  BtydColumns,
  BtydCustomer,
  BtydFitDiagnostics,
  CustomerRows,
  DiscreteCustomer,
  FitData,
  FitDiagnostics,
  ManyColumns,
  PurchaseModel,
  SpendColumns,
  WithBtyd,
} from './types.js';
export * from './fit/index.js';
export * from './bgnbd/index.js';
export * from './paretonbd/index.js';
export * from './mbgnbd/index.js';
export * from './bgbb/index.js';
export * from './gammagamma/index.js';
export * from './evaluation/index.js';
