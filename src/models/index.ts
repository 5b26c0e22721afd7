export type { BtydCustomer, BtydFitDiagnostics, DiscreteCustomer, FitDiagnostics, PurchaseModel } from './types.js';
export * from './fit/index.js';
export * from './bgnbd/index.js';
export * from './paretonbd/index.js';
export * from './mbgnbd/index.js';
export * from './bgbb/index.js';
export * from './gammagamma/index.js';
export * from './evaluation/index.js';
