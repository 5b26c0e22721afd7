/**
 * Keeps docs/reference-values.md true: recomputes every "ours" value and every measured error the
 * page prints, and checks each against the text (`expectQuoted`: printed = computed, rounded to
 * the digits shown; `expectBound`: measured error <= the printed bound). The tolerances themselves
 * are enforced by the tests the page names; this file only guards the page against drift.
 * It also checks that the page has a row for every id of reference-values.json.
 */
import { describe, expect, it } from 'vitest';
import {
  bgBb,
  bgNbd,
  calibrationAndHoldout,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  paretoNbd,
  parseTransactions,
  summarizeCustomers,
  type BtydCustomer,
} from '../../src/index.js';
import { cdnowSampleRows, readShared, readSharedCsv, round2HalfUp } from '../helpers/sharedData.js';
import { docText, expectBound, expectQuoted } from './quoted.js';

interface Entry {
  id: string;
  expected: Record<string, unknown>;
  inputs: Record<string, unknown>;
}
const entries = JSON.parse(readShared('reference-values.json')) as Entry[];
const ref = (id: string): Record<string, unknown> => entries.find((e) => e.id === id)!.expected;
const doc = docText('reference-values.md');

const maxAbs = (a: readonly number[], e: readonly number[]): number => Math.max(...a.map((v, i) => Math.abs(v - e[i]!)));
const maxRel = (a: readonly number[], e: readonly number[]): number => Math.max(...a.map((v, i) => Math.abs(v / e[i]! - 1)));
const relMean = (a: readonly number[], e: readonly number[]): number =>
  a.reduce((s, v, i) => s + Math.abs(v - e[i]!), 0) / e.reduce((s, v) => s + Math.abs(v), 0);
/** Checks each printed value of a list, in order. */
const quoteAll = (texts: readonly string[], values: readonly number[]): void => texts.forEach((t, i) => expectQuoted(doc, t, values[i]!));

const cbs = readSharedCsv('btyd/cdnowSummary_cbs.csv');
const exact: BtydCustomer[] = cbs.map((r) => ({ frequency: Number(r['x']), recency: Number(r['t.x']), T: Number(r['T.cal']) }));
const rounded: BtydCustomer[] = readSharedCsv('cdnow_customers_summary.csv').map((r) => ({
  frequency: Number(r['frequency']),
  recency: Number(r['recency']),
  T: Number(r['T']),
}));

describe('docs/reference-values.md', () => {
  it('has a row for every id of reference-values.json', () => {
    expect(entries).toHaveLength(25);
    for (const e of entries) expect(doc, e.id).toContain(`| \`${e.id}\` |`);
  });

  it('customer summaries', () => {
    const { table } = parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' });
    const s = summarizeCustomers(table, { asOf: '1997-09-30', timeUnit: 'week' }).customers;
    const published = readSharedCsv('cdnow_customers_summary_with_transactions.csv');
    expectQuoted(doc, '2,357', s.length);
    const mismatches = s.filter((c, i) => {
      const p = published[i]!;
      return (
        c.btyd.frequency !== Number(p['x']) ||
        round2HalfUp(c.btyd.recency) !== Number(p['t_x']) ||
        round2HalfUp(c.btyd.T) !== Number(p['T']) ||
        round2HalfUp(c.btyd.monetaryValue) !== Number(p['zbar'])
      );
    });
    expect(mismatches).toHaveLength(0);
    expect(doc).toContain('0 mismatches after half-up rounding');
    expect(maxAbs(s.map((c) => c.btyd.recency), exact.map((c) => c.recency))).toBe(0);
    expect(maxAbs(s.map((c) => c.btyd.T), exact.map((c) => c.T))).toBe(0);
    expect(doc).toContain('(max difference 0)');
    expectBound(doc, '1e-13', maxAbs(s.map((c) => c.btyd.monetaryValue), cbs.map((r) => Number(r['m.x']))));

    const split = calibrationAndHoldout(table, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', timeUnit: 'week' });
    const sizes = new Array<number>(8).fill(0);
    const sums = new Array<number>(8).fill(0);
    for (const c of split.customers) {
      const b = Math.min(c.btyd.frequency, 7);
      sizes[b]!++;
      sums[b]! += c.holdout.frequency;
    }
    const means = sums.map((x, i) => x / sizes[i]!);
    quoteAll(['0.2367', '0.6970', '1.3925', '1.5600', '2.5323', '2.9474', '3.8621', '6.3594'], means);
    expectBound(doc, '4.8e-4', maxAbs(means, ref('rfm.cdnow.aggregates').holdout_mean_by_bin as number[]));
    expectQuoted(doc, '1,882', sums.reduce((a, b) => a + b, 0));
  });

  it('BG/NBD', () => {
    const e = fitBgNbd(exact);
    const r = fitBgNbd(rounded);
    const p = (f: typeof e): number[] => [f.params.r, f.params.alpha, f.params.a, f.params.b];
    quoteAll(['0.242595', '4.413602', '0.792922', '2.425907', '-9582.4292'], [...p(e), e.logLikelihood]);
    quoteAll(['0.242593', '4.413532', '0.792886', '2.425753', '-9582.4256'], [...p(r), r.logLikelihood]);
    const paper = ref('bgnbd.cdnow.params_paper') as Record<string, number>;
    const pp = [paper.r!, paper.alpha!, paper.a!, paper.b!];
    expectBound(doc, '4.1e-4', maxAbs(p(e), pp));
    expectBound(doc, '4.7e-4', maxAbs(p(r), pp));
    const btyd = ref('bgnbd.cdnow.params_btyd') as Record<string, number[] | number>;
    expectBound(doc, '5.3e-5', relMean(p(e), btyd.btyd_run1 as number[]));
    expectBound(doc, '2.7e-6', relMean(p(e), btyd.clvtools as number[]));
    expectBound(doc, '2.1e-4', e.logLikelihood - (btyd.btyd_LL as number));
    const ce = r.expectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 });
    expectQuoted(doc, '1.22591', ce);
    expectBound(doc, '9.0e-5', ce - 1.226);

    const m = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const pmf = ref('bgnbd.pmf_btyd') as Record<string, number | number[]>;
    const a = m.purchaseProbability(10, 2);
    const b = m.purchaseProbability(0, 39);
    expectQuoted(doc, '1.0786896e-7', a);
    expectQuoted(doc, '0.57378635', b);
    expectBound(doc, '3.4e-7', a / (pmf['P(X(2)=10)'] as number) - 1);
    expectBound(doc, '8.4e-8', b / (pmf['P(X(39)=0)'] as number) - 1);
    const v = Array.from({ length: 10 }, (_, i) => m.purchaseProbability(11 + i, 30));
    const pv = pmf['P(X(30)=n), n=11..20'] as number[];
    expectBound(doc, '4.9e-11', maxAbs(v, pv));
    expectBound(doc, '2.2e-7', maxRel(v, pv));
    // "agree to every printed digit": each published value has 10 decimals or fewer.
    v.forEach((x, i) => expect(Math.abs(x - pv[i]!)).toBeLessThanOrEqual(0.5e-10));
  });

  it('Pareto/NBD', () => {
    const e = fitParetoNbd(exact);
    const r = fitParetoNbd(rounded);
    const p = (f: typeof e): number[] => [f.params.r, f.params.alpha, f.params.s, f.params.beta];
    quoteAll(['0.553277', '10.577683', '0.606240', '11.668735', '-9594.9762'], [...p(e), e.logLikelihood]);
    quoteAll(['0.553276', '10.577612', '0.606214', '11.667911', '-9594.9739'], [...p(r), r.logLikelihood]);
    const paper = ref('pnbd.cdnow.params_paper') as Record<string, number>;
    const pp = [paper.r!, paper.alpha!, paper.s!];
    expectBound(doc, '3.9e-4', Math.max(maxAbs(p(e).slice(0, 3), pp), maxAbs(p(r).slice(0, 3), pp)));
    expectBound(doc, '2.7e-4', e.params.beta - paper.beta!);
    expectBound(doc, '1.1e-3', r.params.beta - paper.beta!);
    const c = ref('pnbd.cdnow.params_btyd_clvtools') as Record<string, number[] | number>;
    expectBound(doc, '1.9e-4', relMean(p(e), c.clvtools as number[]));
    expectBound(doc, '6.6e-4', relMean(p(e), c['btyd_cdnowSummary_est.params'] as number[]));
    expectBound(doc, '1.8e-4', e.logLikelihood - (c.clvtools_LL as number));
    const se = e.standardErrors!;
    const ses = [se.r, se.alpha, se.s, se.beta];
    quoteAll(['0.047628', '0.842723', '0.187281', '6.211117'], ses);
    expectBound(doc, '8.3e-5', relMean(ses, c.clvtools_se as number[]));

    const m = paretoNbd({ r: 0.55, alpha: 10.56, s: 0.61, beta: 11.64 });
    const ex = Array.from({ length: 10 }, (_, t) => m.expectedPurchasesNewCustomer(t));
    expectQuoted(doc, '0.050778206', ex[1]!);
    expectQuoted(doc, '0.389092109', ex[9]!);
    expectBound(doc, '4.8e-9', maxAbs(ex, ref('pnbd.btyd_example.expectation')['E[X(t)]'] as number[]));

    const u = paretoNbd({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 });
    const pair = [132, 133].map((x) => u.expectedPurchases(10, { frequency: x, recency: 200, T: 200 }));
    quoteAll(['6.206051788962934', '6.252872247574498'], pair);
    expectBound(doc, '5.1e-14', maxRel(pair, ref('pnbd.lifetimes.underflow_pair').values_in_comment as number[]));

    const o = paretoNbd({ r: 10.465, alpha: 0.00798565181, s: 3.0516, beta: 2.82 });
    const alive = [[40, 5, 6], [50, 1, 37], [50, 4, 37]].map(([x, tx, T]) => o.probabilityAlive({ frequency: x!, recency: tx!, T: T! }));
    quoteAll(['0.00189', '1.4e-96', '6.7e-60'], alive);
  });

  it('MBG/NBD', () => {
    const r = fitMbgNbd(rounded);
    const e = fitMbgNbd(exact);
    const p = (f: typeof e): number[] => [f.params.r, f.params.alpha, f.params.a, f.params.b];
    quoteAll(['0.524838', '6.182992', '0.891356', '1.613999'], p(r));
    quoteAll(['0.524843', '6.183085', '0.891359', '1.614002', '-9582.1357'], [...p(e), e.logLikelihood]);
    const pub = ref('mbgnbd.cdnow.params_btydplus') as Record<string, number>;
    const pp = [pub.r!, pub.alpha!, pub.a!, pub.b!];
    expectBound(doc, '3.6e-4', Math.max(maxAbs(p(r), pp), maxAbs(p(e), pp)));
  });

  it('BG/BB', () => {
    const rows = readSharedCsv('donations.csv').map((r) => ({
      frequency: Number(r['frequency']),
      recency: Number(r['recency']),
      periods: Number(r['periods']),
      weight: Number(r['weights']),
    }));
    const f = fitBgBb(rows, { weights: rows.map((r) => r.weight) });
    const p = [f.params.alpha, f.params.beta, f.params.gamma, f.params.delta];
    quoteAll(['1.203522', '0.749716', '0.656718', '2.783442', '-33225.5813'], [...p, f.logLikelihood]);
    const pub = ref('bgbb.donations.params') as { paper: Record<string, number>; btyd_run1: number[]; btyd_run3: number[]; btyd_LL: number };
    expectBound(doc, '4.8e-4', maxAbs(p, [pub.paper.alpha!, pub.paper.beta!, pub.paper.gamma!, pub.paper.delta!]));
    expectBound(doc, '1.3e-3', f.logLikelihood - pub.btyd_LL);
    expectBound(doc, '6.8e-5', maxRel(p.slice(0, 3), pub.btyd_run1.slice(0, 3)));
    expectBound(doc, '1.7e-4', maxRel(p.slice(3), pub.btyd_run1.slice(3)));

    const entry = entries.find((x) => x.id === 'bgbb.donations.expected_new_customer')!;
    const m = bgBb(entry.inputs.params_pymc as { alpha: number; beta: number; gamma: number; delta: number });
    const en = (entry.inputs.n as number[]).map((n) => m.expectedPurchasesNewCustomer(n));
    expectQuoted(doc, '0.49854', en[0]!);
    expectQuoted(doc, '3.38869', en[10]!);
    expectBound(doc, '9.0e-5', maxRel(en, entry.expected['E[X(n)]'] as number[]));
    const [alpha, beta, gamma, delta] = pub.btyd_run3 as [number, number, number, number];
    const e10 = bgBb({ alpha, beta, gamma, delta }).expectedPurchasesNewCustomer(10);
    expectQuoted(doc, '3.1798059', e10);
    expectBound(doc, '3.0e-7', e10 / (entry.expected['btyd_E[X(10)]'] as number) - 1);
  });

  it('Gamma-Gamma', () => {
    const e = fitGammaGamma(cbs.map((r) => ({ frequency: Number(r['x']), monetaryValue: Number(r['m.x']) })));
    const r = fitGammaGamma(
      readSharedCsv('cdnow_customers_summary_with_transactions.csv').map((x) => ({ frequency: Number(x['x']), monetaryValue: Number(x['zbar']) })),
    );
    expectQuoted(doc, '946', e.customers);
    quoteAll(['6.2496', '3.7442', '15.4435', '-4055.91769'], [e.params.p, e.params.q, e.params.gamma, e.logLikelihood]);
    quoteAll(['6.2488', '3.7446', '15.4477', '-4055.9232'], [r.params.p, r.params.q, r.params.gamma, r.logLikelihood]);
    const pub = ref('gg.cdnow.params') as Record<string, number>;
    const pp = [pub.p!, pub.q!, pub['gamma(v)']!];
    expect(maxAbs([e.params.p, e.params.q, e.params.gamma], pp)).toBeLessThanOrEqual(0.005);
    expectBound(doc, '5.2e-6', e.logLikelihood - pub.clvtools_LL!);
    expectBound(doc, '7.8e-3', maxAbs([r.params.p, r.params.q, r.params.gamma], pp));
  });
});
