import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { compressedSummarySql, fitBgNbd, fitGammaGamma, fitMbgNbd, fitParetoNbd, parseTransactions, summarizeCustomerColumns } from '../../src/index.js';
import { logGamma } from '../../src/math.js';
import { cdnowSampleRows, referenceValue } from '../helpers/sharedData.js';
import { loadTable, openDuckDb, queryRows } from './duckdb.js';
import { gammaGammaLogLikelihood, polishGammaGamma } from './gammaGammaMaximum.js';

// Fitting on the compressed rows of compressedSummarySql (run by DuckDB) gives the parameters and
// log-likelihood of the fit on every customer of summarizeCustomerColumns, to 1e-9; both give the
// published CDNOW parameters.
const TOL = 1e-9;
const table = parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' }).table;
const { columns } = summarizeCustomerColumns(table, { asOf: '1997-09-30', timeUnit: 'week' });

let conn: DuckDBConnection;
let purchases: { frequency: Float64Array; recency: Float64Array; T: Float64Array; weights: Float64Array };
let spend: { frequency: Float64Array; monetaryValue: Float64Array; weights: Float64Array };
beforeAll(async () => {
  conn = await openDuckDb();
  await loadTable(conn, 'cdnow', table);
  const sql = compressedSummarySql({ dialect: 'duckdb', source: 'cdnow', asOf: '1997-09-30', timeUnit: 'week' });
  const p = await queryRows(conn, sql.purchases);
  purchases = {
    frequency: Float64Array.from(p, (r) => r.frequency as number),
    recency: Float64Array.from(p, (r) => r.recency as number),
    T: Float64Array.from(p, (r) => r.T as number),
    weights: Float64Array.from(p, (r) => r.weight as number),
  };
  const s = await queryRows(conn, sql.spend);
  spend = {
    frequency: Float64Array.from(s, (r) => r.frequency as number),
    monetaryValue: Float64Array.from(s, (r) => r.monetary_value as number),
    weights: Float64Array.from(s, (r) => r.weight as number),
  };
});

function expectSameFit<P extends object>(a: { params: P; logLikelihood: number; customers: number }, b: { params: P; logLikelihood: number; customers: number }): void {
  expect(b.customers).toBe(a.customers);
  const pa = a.params as Record<string, number>;
  const pb = b.params as Record<string, number>;
  for (const k of Object.keys(pa)) expect(Math.abs(pb[k]! - pa[k]!), k).toBeLessThanOrEqual(TOL * Math.abs(pa[k]!));
  expect(Math.abs(b.logLikelihood - a.logLikelihood)).toBeLessThanOrEqual(TOL * Math.abs(a.logLikelihood));
}

describe('fits on compressed rows from DuckDB equal fits on every customer (CDNOW sample, weeks)', () => {
  it('compresses 2,357 customers into far fewer distinct rows that count them all', () => {
    expect(purchases.weights.reduce((s, w) => s + w, 0)).toBe(2357);
    expect(purchases.frequency.length).toBeLessThan(1500);
    expect(spend.weights.reduce((s, w) => s + w, 0)).toBe(946);
  });
  it('BG/NBD: the same fit, and the published parameters', () => {
    const full = fitBgNbd(columns.btyd);
    const grouped = fitBgNbd(purchases, { weights: purchases.weights });
    expectSameFit(full, grouped);
    const ref = referenceValue('bgnbd.cdnow.params_paper').expected as Record<string, number>;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(grouped.params[k] - ref[k]!), k).toBeLessThan(0.015);
  });
  it('Pareto/NBD: the same fit', () => {
    expectSameFit(fitParetoNbd(columns.btyd), fitParetoNbd(purchases, { weights: purchases.weights }));
  });
  it('MBG/NBD: the same fit, and the published parameters', () => {
    const grouped = fitMbgNbd(purchases, { weights: purchases.weights });
    expectSameFit(fitMbgNbd(columns.btyd), grouped);
    const ref = referenceValue('mbgnbd.cdnow.params_btydplus').expected as Record<string, number>;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(grouped.params[k] - ref[k]!), k).toBeLessThan(0.0015);
  });
  it('Gamma-Gamma: the same likelihood at every parameter, the same maximum, the published parameters', () => {
    // Fader & Hardie (2013) eq. for the density of the mean spend zbar of x repeat purchases.
    const ll = (x: ArrayLike<number>, m: ArrayLike<number>, w: ArrayLike<number> | null, p: number, q: number, g: number): number => {
      let total = 0;
      for (let i = 0; i < x.length; i++) {
        if (x[i]! === 0) continue;
        const px = p * x[i]!;
        const term = logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(g) + (px - 1) * Math.log(m[i]!) + px * Math.log(x[i]!) - (px + q) * Math.log(g + m[i]! * x[i]!);
        total += (w === null ? 1 : w[i]!) * term;
      }
      return total;
    };
    const full = fitGammaGamma(columns.btyd);
    const grouped = fitGammaGamma(spend, { weights: spend.weights });
    for (const [p, q, g] of [[full.params.p, full.params.q, full.params.gamma], [1, 1, 1], [10, 2, 30]] as const) {
      const a = ll(columns.btyd.frequency, columns.btyd.monetaryValue, null, p, q, g);
      expect(Math.abs(ll(spend.frequency, spend.monetaryValue, spend.weights, p, q, g) - a)).toBeLessThanOrEqual(TOL * Math.abs(a));
    }
    expect(grouped.customers).toBe(full.customers);
    expect(Math.abs(grouped.logLikelihood - full.logLikelihood)).toBeLessThanOrEqual(TOL * Math.abs(full.logLikelihood));
    const ref = referenceValue('gg.cdnow.params').expected as Record<string, number>;
    expect(Math.abs(grouped.params.p - ref.p!)).toBeLessThan(0.015);
    expect(Math.abs(grouped.params.q - ref.q!)).toBeLessThan(0.015);
    expect(Math.abs(grouped.params.gamma - ref['gamma(v)']!)).toBeLessThan(0.015);
  });
  it('Gamma-Gamma: the same maximum to 1e-9 (both fits polished by Newton steps on the gradient)', () => {
    // The default stop leaves the parameters determined to about 1e-7 along the likelihood's flat
    // p-gamma ridge (see gammaGammaMaximum.ts): the same 946 JS rows merely grouped stop 2e-8
    // apart, the engine's rows (89 of 830 mean spends differ in their last bit, the engine adding
    // in another order) 1e-7 apart. Located from the gradient, the two maxima agree to 1e-9.
    const full = fitGammaGamma(columns.btyd);
    const grouped = fitGammaGamma(spend, { weights: spend.weights });
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(grouped.params[k] - full.params[k]), k).toBeLessThan(1e-6 * full.params[k]);
    const a = polishGammaGamma(columns.btyd, full.params);
    const b = polishGammaGamma(spend, grouped.params);
    for (const k of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(b[k] - a[k]), k).toBeLessThanOrEqual(TOL * a[k]);
      // The fit's own parameters lie within its stopping band of the maximum.
      expect(Math.abs(full.params[k] - a[k]), k).toBeLessThan(1e-6 * a[k]);
    }
    const la = gammaGammaLogLikelihood(columns.btyd, a.p, a.q, a.gamma);
    expect(Math.abs(gammaGammaLogLikelihood(spend, b.p, b.q, b.gamma) - la)).toBeLessThanOrEqual(TOL * Math.abs(la));
    expect(Math.abs(full.logLikelihood - la)).toBeLessThanOrEqual(TOL * Math.abs(la));
  });
});
