import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/charts/svg/scale.js';
import {
  barChartSvg,
  bgNbd,
  calibrationVsHoldout,
  calibrationVsHoldoutSvg,
  clvByGroup,
  clvByGroupSvg,
  clvDistribution,
  clvDistributionSvg,
  frequencyRecencyMatrix,
  frequencyRecencyMatrixSvg,
  heatmapSvg,
  horizontalBarsSvg,
  lineChartSvg,
  lorenzCurve,
  lorenzCurveSvg,
  loyaltyPyramid,
  loyaltyPyramidSvg,
  loyaltyQuadrant,
  loyaltyQuadrantSvg,
  missingSignalShares,
  missingSignalsSvg,
  periodTransactions,
  periodTransactionsSvg,
  probabilityAliveMatrix,
  probabilityAliveMatrixSvg,
  pyramidSvg,
  rfmGrid,
  rfmGridSvg,
  rfmSegmentMapSvg,
  rfmSegmentsSvg,
  scoreChanges,
  scoreCustomers,
  simulateTransactions,
  tierMigrationSvg,
  tierPyramid,
  tierPyramidSvg,
  valueLoyaltyGroups,
  valueLoyaltySvg,
} from '../../src/index.js';

/** What every chart must be: one well-formed <svg> with a title, a description and an aria-label, and no broken number. */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  expect(svg).toMatch(/ role="img" aria-label="[^"]+"/);
  expect(svg).toMatch(/<title>[^<]+<\/title><desc>[^<]+<\/desc>/);
  expect(svg).not.toMatch(/NaN|undefined|Infinity|null/);
  for (const tag of ['text', 'title', 'svg']) expect((svg.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length, tag).toBe((svg.match(new RegExp(`</${tag}>`, 'g')) ?? []).length);
}

describe('chart SVG', () => {
  const rows = simulateTransactions({ customers: 400, start: '2024-01-01', end: '2025-06-30', seed: 3 });
  const scores = scoreCustomers(rows, { asOf: '2025-06-30' });
  const before = scoreCustomers(rows, { asOf: '2025-03-31' });
  const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  const btyd = scores.columns.summary.btyd;

  it('every chart is a well-formed, labelled SVG whose size does not depend on the number of customers', () => {
    const all = [
      tierPyramidSvg(tierPyramid(scores)),
      lorenzCurveSvg(lorenzCurve(scores.columns.tierValue)),
      rfmGridSvg(rfmGrid(scores)),
      rfmSegmentMapSvg(rfmGrid(scores)),
      rfmSegmentsSvg(rfmGrid(scores)),
      loyaltyPyramidSvg(loyaltyPyramid(scores)),
      loyaltyQuadrantSvg(loyaltyQuadrant(scores)),
      valueLoyaltySvg(valueLoyaltyGroups(scores)),
      missingSignalsSvg(missingSignalShares(scores)),
      frequencyRecencyMatrixSvg(frequencyRecencyMatrix(model, { maxFrequency: 12, T: 78 })),
      probabilityAliveMatrixSvg(probabilityAliveMatrix(model, { maxFrequency: 12, T: 78 })),
      calibrationVsHoldoutSvg(calibrationVsHoldout(model, { calibration: btyd, holdoutPurchases: btyd.frequency, holdoutLength: 10 })),
      periodTransactionsSvg(periodTransactions(model, btyd)),
      clvDistributionSvg(clvDistribution(scores.columns.clv)),
      clvByGroupSvg(clvByGroup(scores, 'tier')),
      clvByGroupSvg(clvByGroup(scores, 'segment'), 'segment'),
      tierMigrationSvg(scoreChanges(before, scores).migration),
    ];
    for (const svg of all) expectWellFormed(svg);
    // Aggregated: no element per customer (400 here), a few hundred elements at most.
    for (const svg of all) expect((svg.match(/<(rect|path|text|line) /g) ?? []).length).toBeLessThan(600);
  });

  it('escapes text and survives empty and all-zero data', () => {
    const svg = barChartSvg({ title: 'a <b> & "c"', description: "it's", categories: [], series: [], xLabel: 'x', yLabel: 'y' });
    expectWellFormed(svg);
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expectWellFormed(barChartSvg({ title: 't', description: 'd', categories: ['a'], series: [{ name: 's', values: [0] }], xLabel: 'x', yLabel: 'y' }));
    expectWellFormed(lineChartSvg({ title: 't', description: 'd', series: [], xLabel: 'x', yLabel: 'y' }));
    expectWellFormed(heatmapSvg({ title: 't', description: 'd', rows: ['r'], columns: ['c'], values: [[null]], xLabel: 'x', yLabel: 'y', legendLabel: 'l' }));
    expectWellFormed(horizontalBarsSvg({ title: 't', description: 'd', categories: ['a'], series: [{ name: 's', values: [0] }], xLabel: 'x' }));
    expectWellFormed(pyramidSvg({ title: 't', description: 'd', levels: [] }));
    expectWellFormed(clvDistributionSvg(clvDistribution([])));
    expectWellFormed(lorenzCurveSvg(lorenzCurve([])));
  });

  it('property: nice ticks are ascending round steps that cover the range', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 2, max: 10 }), (a, b, count) => {
        const ticks = niceTicks(a, b, count);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(ticks[0]!).toBeLessThanOrEqual(lo);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(hi);
        expect(ticks.length).toBeLessThanOrEqual(2 * count + 3);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
      }),
      { numRuns: 1000 },
    );
  });
});
