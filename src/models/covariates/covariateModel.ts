import { InvalidInputError } from '../../errors/InvalidInputError.js';
import { isColumns } from '../fit/btydFitRows.js';
import { historyOf } from '../fit/fitInput.js';
import { assertBtydCustomer } from '../shared/btydCustomer.js';
import type { BtydColumns, BtydCustomer, BtydFitDiagnostics, PurchaseModel } from '../types.js';
import { dotOf, encodeCovariates } from './covariateDesign.js';
import type { CovariateRowsFit } from './fitCovariateRows.js';
import type { CovariateColumns, CovariateCustomer, CovariateDesign, CovariateInfo } from './types.js';

/** Distinct covariate rows whose plain models are kept; beyond it the cache starts afresh. */
const CACHE_LIMIT = 4096;

/**
 * A fitted model with static covariates: the plain model at the base parameters, whose
 * per-customer methods are replaced by ones that encode the customer's covariates with the fit's
 * design, scale the base parameters (`scale(params, γ_P·z_P, γ_D·z_D)`) and ask the plain model
 * at those parameters (one plain model per distinct covariate row, cached). The vectorised forms
 * group the customers by covariate row and run the plain vectorised form on each group, so they
 * equal the single forms bit for bit. `expectedPurchasesOverHorizons` is left out (callers fall
 * back to `expectedPurchasesMany`); the methods that take no customer answer at the base
 * parameters; `covariates` holds the coefficients and `modelFor`.
 * @internal
 */
export function fittedCovariateModel<P, M extends PurchaseModel<P>>(
  design: CovariateDesign,
  fit: CovariateRowsFit<string>,
  scale: (params: P, dotPurchase: number, dotDropout: number) => P,
  build: (params: P) => M,
  fn: string,
): M & BtydFitDiagnostics<P> & { readonly covariates: CovariateInfo<P, M> } {
  const params = fit.params as P;
  const { coefficients } = fit;
  const gP = design.purchase.columns.map((c) => coefficients.purchase[c]!);
  const gD = design.dropout.columns.map((c) => coefficients.dropout[c]!);
  let cache = new Map<string, M>();
  const encode = (valueOf: (field: string) => unknown, index: number | string): [Float64Array, Float64Array] => [
    encodeCovariates(design.purchase, valueOf, index, fn),
    encodeCovariates(design.dropout, valueOf, index, fn),
  ];
  const scaled = (zP: Float64Array, zD: Float64Array): P => scale(params, dotOf(gP, zP), dotOf(gD, zD));
  const modelAt = (zP: Float64Array, zD: Float64Array): M => {
    const key = `${zP.join(',')}|${zD.join(',')}`;
    let m = cache.get(key);
    if (m === undefined) {
      if (cache.size >= CACHE_LIMIT) cache = new Map();
      m = build(scaled(zP, zD));
      cache.set(key, m);
    }
    return m;
  };
  const checkObject = (cov: unknown): { readonly [name: string]: unknown } => {
    if (cov === null || typeof cov !== 'object') throw new InvalidInputError([{ code: 'not_an_object', path: ['covariates'], message: 'expected an object of covariate values' }], fn);
    return cov as { readonly [name: string]: unknown };
  };
  const ofCustomer = (c: CovariateCustomer | BtydCustomer, index: number | string = 'customer'): [M, BtydCustomer] => {
    if (c === null || typeof c !== 'object') throw new InvalidInputError([{ code: 'not_an_object', path: [index], message: 'expected a customer with frequency, recency, T and its covariates' }], fn);
    const h = historyOf(c as BtydCustomer);
    assertBtydCustomer(h, index);
    return [modelAt(...encode((f) => (c as Record<string, unknown>)[f], index)), h];
  };
  /** Runs `each` on the customers grouped by covariate row; scatters into one output array. */
  const many = (customers: readonly CovariateCustomer[] | CovariateColumns, each: (m: M, group: BtydCustomer[]) => Float64Array): Float64Array => {
    let n: number;
    let item: (i: number) => [M, BtydCustomer];
    if (Array.isArray(customers)) {
      n = customers.length;
      item = (i) => ofCustomer(customers[i]!, i);
    } else {
      const cols = customers as CovariateColumns;
      if (!isColumns(cols)) throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of customers or columns { frequency, recency, T, …covariates }' }], fn);
      n = cols.frequency.length;
      const raw = cols as unknown as Record<string, ArrayLike<unknown> | undefined>;
      item = (i) => {
        const h = { frequency: cols.frequency[i]!, recency: cols.recency[i]!, T: cols.T[i]! };
        assertBtydCustomer(h, i);
        return [modelAt(...encode((f) => raw[f]?.[i], i)), h];
      };
    }
    const groups = new Map<M, { idx: number[]; rows: BtydCustomer[] }>();
    for (let i = 0; i < n; i++) {
      const [m, h] = item(i);
      let g = groups.get(m);
      if (g === undefined) groups.set(m, (g = { idx: [], rows: [] }));
      g.idx.push(i);
      g.rows.push(h);
    }
    const out = new Float64Array(n);
    for (const [m, g] of groups) {
      const values = each(m, g.rows);
      for (let k = 0; k < g.idx.length; k++) out[g.idx[k]!] = values[k]!;
    }
    return out;
  };
  const { expectedPurchasesOverHorizons: _plainOnly, discountedPurchasesOverHorizons: _plainToo, ...base } = build(params);
  const covariates: CovariateInfo<P, M> = {
    coefficients,
    coefficientStandardErrors: fit.coefficientStandardErrors,
    design,
    paramsOf: (cov) => scaled(...encode((f) => checkObject(cov)[f], 'covariates')),
    modelFor: (cov) => modelAt(...encode((f) => checkObject(cov)[f], 'covariates')),
  };
  return {
    ...base,
    probabilityAlive: (c: BtydCustomer) => {
      const [m, h] = ofCustomer(c);
      return m.probabilityAlive(h);
    },
    expectedPurchases: (t: number, c: BtydCustomer) => {
      const [m, h] = ofCustomer(c);
      return m.expectedPurchases(t, h);
    },
    purchaseProbability: (n: number, t: number, c?: BtydCustomer) => {
      if (c === undefined) return base.purchaseProbability(n, t);
      const [m, h] = ofCustomer(c);
      return m.purchaseProbability(n, t, h);
    },
    probabilityAliveMany: (customers: readonly BtydCustomer[] | BtydColumns) => many(customers as readonly CovariateCustomer[] | CovariateColumns, (m, rows) => m.probabilityAliveMany(rows)),
    expectedPurchasesMany: (t: number, customers: readonly BtydCustomer[] | BtydColumns) => many(customers as readonly CovariateCustomer[] | CovariateColumns, (m, rows) => m.expectedPurchasesMany(t, rows)),
    ...(fit.diagnostics as unknown as BtydFitDiagnostics<P>),
    covariates,
  } as unknown as M & BtydFitDiagnostics<P> & { readonly covariates: CovariateInfo<P, M> };
}
