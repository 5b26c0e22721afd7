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
export * from './uncertainty/index.js';
export * from './contractual/index.js';
export * from './questions/index.js';
