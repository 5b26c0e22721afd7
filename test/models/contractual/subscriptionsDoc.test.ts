/**
 * docs/subscriptions.md: every number the guide quotes, recomputed (expectQuoted: the printed
 * digits must be the computed value rounded).
 */
import { describe, expect, it } from 'vitest';
import { retentionImpact } from '../../../src/clv/retentionImpact.js';
import { fitBetaDiscreteWeibull } from '../../../src/models/contractual/fitBetaDiscreteWeibull.js';
import { fitShiftedBetaGeometric } from '../../../src/models/contractual/fitShiftedBetaGeometric.js';
import { docText, expectQuoted } from '../../docs/quoted.js';
import { calibration, HIGH_END, REGULAR } from './paperCohorts.js';

const doc = docText('subscriptions.md');
/** The guide prints negative numbers with a minus sign (U+2212). */
const minus = (text: string): string => text.replace('-', '−');
function quotedNegative(text: string, value: number): void {
  expect(doc).toContain(minus(text));
  expectQuoted(doc.replace(/−/g, '-'), text, value);
}

describe('docs/subscriptions.md', () => {
  const sbg = { high: fitShiftedBetaGeometric(calibration(HIGH_END)), regular: fitShiftedBetaGeometric(calibration(REGULAR)) };
  const bdw = { high: fitBetaDiscreteWeibull(calibration(HIGH_END)), regular: fitBetaDiscreteWeibull(calibration(REGULAR)) };

  it('the estimates table', () => {
    const row = (label: string): string => doc.split('\n').find((l) => l.startsWith(`| ${label} |`))!;
    const check = (label: string, values: number[]): void => {
      const cells = row(label);
      const printed = cells.match(/−?\d+\.\d+/g)!.map((t) => t.replace('−', '-'));
      expect(printed).toHaveLength(values.length);
      printed.forEach((t, k) => expectQuoted(cells.replace(/−/g, '-'), t, values[k]!));
    };
    const se = (f: typeof sbg.high | typeof bdw.high, k: string): number => (f.standardErrors as Record<string, number>)[k]!;
    check('High End, sBG', [sbg.high.params.alpha, se(sbg.high, 'alpha'), sbg.high.params.beta, se(sbg.high, 'beta'), sbg.high.logLikelihood]);
    check('Regular, sBG', [sbg.regular.params.alpha, se(sbg.regular, 'alpha'), sbg.regular.params.beta, se(sbg.regular, 'beta'), sbg.regular.logLikelihood]);
    check('High End, BdW', [bdw.high.params.alpha, bdw.high.params.beta, bdw.high.params.c, se(bdw.high, 'c'), bdw.high.logLikelihood]);
    check('Regular, BdW', [bdw.regular.params.alpha, bdw.regular.params.beta, bdw.regular.params.c, se(bdw.regular, 'c'), bdw.regular.logLikelihood]);
    quotedNegative('-1611.16', sbg.high.logLikelihood);
    // The paper's printed values, which the fit rounds to.
    expectQuoted(doc, '0.668', sbg.high.params.alpha);
    expectQuoted(doc, '3.806', sbg.high.params.beta);
    quotedNegative('-1611.2', sbg.high.logLikelihood);
    expectQuoted(doc, '0.704', sbg.regular.params.alpha);
    expectQuoted(doc, '1.182', sbg.regular.params.beta);
  });

  it('the projections table, and the year-12 errors', () => {
    const rows: [string, Float64Array][] = [
      ['High End, sBG', sbg.high.projections(5)[0]!.expected],
      ['High End, BdW', bdw.high.projections(5)[0]!.expected],
      ['Regular, sBG', sbg.regular.projections(5)[0]!.expected],
      ['Regular, BdW', bdw.regular.projections(5)[0]!.expected],
    ];
    for (const [label, expected] of rows) {
      const line = doc.split('\n').filter((l) => l.startsWith(`| ${label} |`)).find((l) => !l.includes('('))!;
      const printed = line.match(/\d+\.\d/g)!;
      expect(printed, label).toHaveLength(5);
      printed.forEach((t, k) => expectQuoted(line, t, expected[8 + k]!));
    }
    const actual = (label: string): number[] => doc.split('\n').find((l) => l.startsWith(`| ${label}, actual |`))!.match(/\d+/g)!.map(Number);
    expect(actual('High End')).toEqual(HIGH_END.slice(8));
    expect(actual('Regular')).toEqual(REGULAR.slice(8));
    expectQuoted(doc, '4', (HIGH_END[12] / sbg.high.projections(5)[0]!.expected[12]! - 1) * 100);
    expectQuoted(doc, '2', (REGULAR[12] / sbg.regular.projections(5)[0]!.expected[12]! - 1) * 100);
    expectQuoted(doc, '488.9', 1000 * sbg.high.survival(7));
  });

  it('retention rates, lifetimes and the joint fit', () => {
    const r = sbg.regular;
    expectQuoted(doc, '0.6267', r.retentionRate(1));
    expectQuoted(doc, '0.7560', r.retentionRate(2));
    expectQuoted(doc, '0.9107', r.retentionRate(7));
    expectQuoted(doc, '0.9454', r.retentionRate(12));
    expectQuoted(doc, '1.724', bdw.high.params.c);
    expectQuoted(doc, '0.8694', bdw.high.retentionRate(1));
    expectQuoted(doc, '0.8516', bdw.high.retentionRate(2));
    expect(sbg.high.expectedLifetime).toBe(Infinity);
    expect(sbg.regular.expectedLifetime).toBe(Infinity);
    const joint = fitShiftedBetaGeometric({ cohorts: [calibration(HIGH_END), HIGH_END.slice(0, 4)] });
    expectQuoted(doc, '0.771', joint.params.alpha);
    expectQuoted(doc, '4.458', joint.params.beta);
    const young = joint.projections(2)[1]!.conditional;
    expect(young[0]).toBe(653);
    expectQuoted(doc, '591.8', young[1]!);
    expectQuoted(doc, '542.4', young[2]!);
  });

  it('the DERL table', () => {
    for (const [label, fit] of [['Regular, sBG', sbg.regular], ['High End, sBG', sbg.high]] as const) {
      const line = doc.split('\n').find((l) => l.startsWith(`| ${label} | `) && /\d\.\d{4} \|/.test(l))!;
      const printed = line.match(/\d+\.\d{4}/g)!;
      const values = [fit.subscriptionClv({ margin: 1, discountRate: 0.1 }), ...[0, 1, 3, 7].map((n) => fit.discountedExpectedResidualLifetime(n, 0.1))];
      printed.forEach((t, k) => expectQuoted(line, t, values[k]!));
    }
  });

  it('the retention what-if', () => {
    const curve = retentionImpact({ marginPerPeriod: 100, retention: sbg.regular, discountRate: 0.1, horizon: 10, change: 0.05 });
    const flat = retentionImpact({ marginPerPeriod: 100, retention: sbg.regular.retentionRate(1), discountRate: 0.1, horizon: 10, change: 0.05 });
    expectQuoted(doc, '0.6767', curve.retention.after);
    expectQuoted(doc, '219.50', curve.before.clv);
    expectQuoted(doc, '255.00', curve.after.clv);
    expectQuoted(doc, '16.2', curve.clvChangeRelative! * 100);
    expectQuoted(doc, '131.94', flat.before.clv);
    expectQuoted(doc, '158.63', flat.after.clv);
    expectQuoted(doc, '20.2', flat.clvChangeRelative! * 100);
    expectQuoted(doc, '40', (1 - flat.before.clv / curve.before.clv) * 100);
    expectQuoted(doc, '35.50', curve.clvChange);
    expectQuoted(doc, '26.69', flat.clvChange);
  });
});

describe('docs/reference-values.md: the contractual rows', () => {
  const page = docText('reference-values.md');
  const section = page.slice(page.indexOf('## Contractual models'), page.indexOf('## Lifetime value'));
  const high = fitShiftedBetaGeometric(calibration(HIGH_END));
  const regular = fitShiftedBetaGeometric(calibration(REGULAR));
  const bh = fitBetaDiscreteWeibull(calibration(HIGH_END));
  const br = fitBetaDiscreteWeibull(calibration(REGULAR));

  it('our values and the measured errors', () => {
    const quote = (text: string, value: number): void => expectQuoted(section, text, value);
    const bound = (text: string, error: number): void => {
      expect(section).toContain(text);
      expect(Math.abs(error)).toBeLessThanOrEqual(Number(text));
    };
    quote('0.668088', high.params.alpha);
    quote('3.806095', high.params.beta);
    quote('-1611.1581', high.logLikelihood);
    bound('8.9e-5', high.params.alpha - 0.668);
    bound('9.5e-5', high.params.beta - 3.806);
    bound('0.042', high.logLikelihood + 1611.2);
    quote('0.704077', regular.params.alpha);
    quote('1.182043', regular.params.beta);
    quote('-1680.2652', regular.logLikelihood);
    bound('7.8e-5', regular.params.alpha - 0.704);
    bound('4.4e-5', regular.params.beta - 1.182);
    quote('378.0', high.projections(5)[0]!.expected[12]!);
    quote('170.0', regular.projections(5)[0]!.expected[12]!);
    const retenmodBg = [0.6680887568648957, 3.8060979564754756, 0.7040772251620928, 1.1820426720946693];
    const oursBg = [high.params.alpha, high.params.beta, regular.params.alpha, regular.params.beta];
    bound('7.9e-7', Math.max(...oursBg.map((v, i) => Math.abs(v / retenmodBg[i]! - 1))));
    [bh.params.alpha, bh.params.beta, bh.params.c].forEach((v, i) => quote(['0.214253', '1.426575', '1.723565'][i]!, v));
    [br.params.alpha, br.params.beta, br.params.c].forEach((v, i) => quote(['0.455614', '0.779326', '1.283451'][i]!, v));
    quote('-1605.3142', bh.logLikelihood);
    quote('-1679.6028', br.logLikelihood);
    const retenmodBdw = [0.2142531384288671, 1.4265731102773886, 1.7235654969246197, 0.45559859554150334, 0.779311713982981, 1.2834828164509988];
    const oursBdw = [bh.params.alpha, bh.params.beta, bh.params.c, br.params.alpha, br.params.beta, br.params.c];
    bound('3.4e-5', Math.max(...oursBdw.map((v, i) => Math.abs(v / retenmodBdw[i]! - 1))));
  });
});
