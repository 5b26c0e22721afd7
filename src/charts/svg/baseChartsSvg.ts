import type { TierMigration } from '../../tiers/tierMigration.js';
import type { LorenzCurve } from '../lorenzCurve.js';
import type { LoyaltyPyramidLevel, LoyaltyQuadrantCell, MissingSignalShares, ValueLoyaltyGroupCount } from '../loyaltyCharts.js';
import type { RfmGrid } from '../rfmGrid.js';
import type { TierPyramid } from '../tierPyramid.js';
import type { ClvBin, ClvGroup } from '../valueCharts.js';
import { barChartSvg } from './barChart.js';
import { openSvg, px, seriesColor, TOP, WIDTH } from './frame.js';
import { heatmapSvg } from './heatmap.js';
import { horizontalBarsSvg } from './horizontalBars.js';
import { lineChartSvg } from './lineChart.js';
import { pyramidSvg } from './pyramid.js';
import { quadrantSvg, type QuadrantCellSpec } from './quadrant.js';
import { formatTick } from './scale.js';
import { escapeXml, wrapText } from './text.js';

const percent = (x: number): string => `${(100 * x).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`;
const count = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * The ABCD pyramid as an SVG string: A at the top, each tier with its customers and its shares of revenue and CLV.
 *
 * @param pyramid - A {@link tierPyramid} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { scoreCustomers, simulateTransactions, tierPyramid, tierPyramidSvg } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * tierPyramidSvg(tierPyramid(scores)).includes('Tier A'); // => true
 * ```
 */
export function tierPyramidSvg(pyramid: TierPyramid): string {
  return pyramidSvg({
    title: 'ABCD tiers',
    description: `Customers ranked by ${pyramid.tierBy} into tiers A (top) to D; each tier's share of customers, of revenue and of lifetime value.`,
    levels: pyramid.levels.map((l) => ({ label: `Tier ${l.tier}: ${count(l.customers)} customers (${percent(l.customerShare)})`, detail: `${percent(l.revenueShare)} of revenue · ${percent(l.clvShare)} of lifetime value` })),
  });
}

/**
 * The Lorenz curve as an SVG line chart, with the diagonal of equal shares and the Gini coefficient in the title.
 *
 * @param curve - A {@link lorenzCurve} result.
 * @param valueName - What the values are, for the labels. @defaultValue `'revenue'`
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { lorenzCurve, lorenzCurveSvg } from 'loyalty-score';
 * lorenzCurveSvg(lorenzCurve([1, 2, 3, 4])).includes('Gini 0.25'); // => true
 * ```
 */
export function lorenzCurveSvg(curve: LorenzCurve, valueName = 'revenue'): string {
  return lineChartSvg({
    title: `Concentration of ${valueName}: Gini ${Number(curve.gini.toFixed(3))}`,
    description: `The share of ${valueName} held by the smallest customers: the further the curve sags below the diagonal, the more ${valueName} is concentrated in few customers.`,
    series: [{ name: 'Lorenz curve', x: curve.points.map((p) => p.x), y: curve.points.map((p) => p.y) }],
    xLabel: 'share of customers, smallest first (%)',
    yLabel: `share of ${valueName} (%)`,
    diagonal: true,
    formatX: (v) => String(Math.round(v * 100)),
    formatY: (v) => String(Math.round(v * 100)),
  });
}

/**
 * The R x F heatmap as an SVG string: customers per (R, F) cell, with the mean monetary value in each cell's tooltip and in the report's table.
 *
 * @param grid - An {@link rfmGrid} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { rfmGrid, rfmGridSvg, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * (rfmGridSvg(rfmGrid(scores)).match(/<rect class="ls-cell"/g) ?? []).length; // => 25
 * ```
 */
export function rfmGridSvg(grid: RfmGrid): string {
  const k = grid.k;
  const rows = Array.from({ length: k }, (_, i) => String(k - i));
  const values = rows.map((_, i) => Array.from({ length: k }, (_, f) => grid.cells[(k - 1 - i) * k + f]!.customers));
  return heatmapSvg({
    title: 'Customers by recency and frequency score',
    description: 'Customers in each cell of recency score (rows, 5 = most recent) and frequency score (columns, 5 = most frequent).',
    rows,
    columns: Array.from({ length: k }, (_, f) => String(f + 1)),
    values,
    xLabel: 'F score (1 = least frequent)',
    yLabel: 'R score (1 = least recent)',
    legendLabel: 'customers',
    format: formatTick,
  });
}

/**
 * The RFM segment map as an SVG string: each R x F cell named by the segment most of its customers are in.
 *
 * @param grid - An {@link rfmGrid} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { rfmGrid, rfmSegmentMapSvg, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * rfmSegmentMapSvg(rfmGrid(scores)).includes('Champions'); // => true
 * ```
 */
export function rfmSegmentMapSvg(grid: RfmGrid): string {
  const k = grid.k;
  const names = grid.segments.map((s) => s.segment);
  const left = 40;
  const right = WIDTH - 8;
  const height = TOP + 8 + 52 * k + 44;
  const bottom = height - 44;
  const cw = (right - left) / k;
  const ch = (bottom - TOP - 8) / k;
  const parts: string[] = [
    openSvg({ title: 'RFM segment map', description: 'The segment that most customers of each recency x frequency cell belong to; empty cells have no customers.' }, height),
  ];
  for (let i = 0; i < k; i++) {
    const r = k - i;
    for (let f = 1; f <= k; f++) {
      const cell = grid.cells[(r - 1) * k + (f - 1)]!;
      const x = left + (f - 1) * cw;
      const y = TOP + 8 + i * ch;
      const g = cell.segment === null ? -1 : names.indexOf(cell.segment);
      parts.push(`<rect class="ls-cell" x="${px(x)}" y="${px(y)}" width="${px(cw - 2)}" height="${px(ch - 2)}" fill="${g < 0 ? 'none' : seriesColor(g)}" fill-opacity="0.35" stroke="currentColor" stroke-opacity="0.2"><title>${escapeXml(`R ${r}, F ${f}: ${cell.segment ?? 'no customers'}`)}</title></rect>`);
      if (cell.segment !== null) {
        const lines = wrapText(cell.segment, cw - 8);
        lines.forEach((line, j) => parts.push(`<text class="ls-cell-text" x="${px(x + cw / 2)}" y="${px(y + ch / 2 + 4 + (j - (lines.length - 1) / 2) * 14)}" text-anchor="middle">${escapeXml(line)}</text>`));
      }
    }
    parts.push(`<text class="ls-tick" x="${px(left - 6)}" y="${px(TOP + 8 + (i + 0.5) * ch + 4)}" text-anchor="end">${r}</text>`);
  }
  for (let f = 1; f <= k; f++) parts.push(`<text class="ls-tick" x="${px(left + (f - 0.5) * cw)}" y="${px(bottom + 16)}" text-anchor="middle">${f}</text>`);
  parts.push(`<text class="ls-axis-label" x="${px((left + right) / 2)}" y="${px(bottom + 36)}" text-anchor="middle">F score (1 = least frequent)</text>`);
  parts.push(`<text class="ls-axis-label" transform="translate(12 ${px((TOP + bottom) / 2)}) rotate(-90)" text-anchor="middle">R score (1 = least recent)</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/**
 * Segment sizes and mean CLV as SVG horizontal bars.
 *
 * @param grid - An {@link rfmGrid} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { rfmGrid, rfmSegmentsSvg, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * rfmSegmentsSvg(rfmGrid(scores)).includes('Customers per RFM segment'); // => true
 * ```
 */
export function rfmSegmentsSvg(grid: RfmGrid): string {
  return horizontalBarsSvg({
    title: 'Customers per RFM segment',
    description: 'How many customers each RFM segment holds; the table beside it gives their mean lifetime value.',
    categories: grid.segments.map((s) => s.segment),
    series: [{ name: 'customers', values: grid.segments.map((s) => s.customers) }],
    xLabel: 'customers',
  });
}

/**
 * The loyalty pyramid as an SVG string: committed at the top, no loyalty at the base.
 *
 * @param levels - A {@link loyaltyPyramid} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { loyaltyPyramid, loyaltyPyramidSvg, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * loyaltyPyramidSvg(loyaltyPyramid(scores)).includes('committed'); // => true
 * ```
 */
export function loyaltyPyramidSvg(levels: readonly LoyaltyPyramidLevel[]): string {
  return pyramidSvg({
    title: 'Loyalty pyramid',
    description: 'Customers on each level of the loyalty pyramid, from committed (top) to no loyalty (base).',
    levels: [...levels].reverse().map((l) => ({ label: `${l.level} ${l.label.replace(/-/g, ' ')}`, detail: `${count(l.customers)} customers (${percent(l.share)})` })),
  });
}

/**
 * The attitude x repeat quadrant as an SVG string: true, latent, spurious and no loyalty, with the loyalty types in each.
 *
 * @param cells - A {@link loyaltyQuadrant} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { loyaltyQuadrant, loyaltyQuadrantSvg, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * loyaltyQuadrantSvg(loyaltyQuadrant(scores)).includes('spurious loyalty'); // => true
 * ```
 */
export function loyaltyQuadrantSvg(cells: readonly LoyaltyQuadrantCell[]): string {
  const at = (q: string): QuadrantCellSpec => {
    const c = cells.find((x) => x.quadrant === q)!;
    return {
      name: `${q === 'none' ? 'no' : q} loyalty`,
      lines: [`${count(c.customers)} customers (${percent(c.share)})`, ...c.types.slice(0, 3).map((t) => `${t.type}: ${count(t.customers)}`)],
      share: c.share,
    };
  };
  return quadrantSvg({
    title: 'Attitude x repeat patronage',
    description: 'Customers by relative attitude (survey answers) and repeat patronage (behaviour), after Dick and Basu: true, latent, spurious and no loyalty, with the loyalty types inside each.',
    xLabel: 'repeat patronage',
    yLabel: 'attitude',
    cells: [at('latent'), at('true'), at('none'), at('spurious')],
  });
}

/**
 * The value x loyalty groups as an SVG quadrant: high-end, potential, temporary and strangers with their customers and CLV.
 *
 * @param groups - A {@link valueLoyaltyGroups} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { scoreCustomers, simulateTransactions, valueLoyaltyGroups, valueLoyaltySvg } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * valueLoyaltySvg(valueLoyaltyGroups(scores)).includes('high-end'); // => true
 * ```
 */
export function valueLoyaltySvg(groups: readonly ValueLoyaltyGroupCount[]): string {
  const total = groups.reduce((s, g) => s + g.clv, 0);
  const at = (name: string): QuadrantCellSpec => {
    const g = groups.find((x) => x.group === name)!;
    return { name: g.group, lines: [`${count(g.customers)} customers (${percent(g.share)})`, `${total > 0 ? percent(g.clv / total) : '0%'} of lifetime value`, g.strategy], share: g.share };
  };
  return quadrantSvg({
    title: 'Value x loyalty',
    description: 'Customers by value (tier A or B is high) and loyalty (pyramid level 3 or 4 is high), with how to treat each group.',
    xLabel: 'loyalty',
    yLabel: 'value',
    cells: [at('temporary'), at('high-end'), at('stranger'), at('potential')],
  });
}

/**
 * Missing signals as SVG horizontal bars: the share of customers whose loyalty classification lacked each signal.
 *
 * @param shares - A {@link missingSignalShares} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { missingSignalShares, missingSignalsSvg, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * missingSignalsSvg(missingSignalShares(scores)).includes('attitude.satisfaction'); // => true
 * ```
 */
export function missingSignalsSvg(shares: MissingSignalShares): string {
  const signals = shares.signals.filter((s) => s.customers > 0);
  return horizontalBarsSvg({
    title: 'Signals the loyalty classification lacked',
    description: `Share of customers without each signal; mean confidence of the classification ${percent(shares.meanConfidence)}.`,
    categories: signals.length > 0 ? signals.map((s) => s.signal) : ['none missing'],
    series: [{ name: 'customers without the signal', values: signals.length > 0 ? signals.map((s) => 100 * s.share) : [0] }],
    xLabel: 'customers without the signal (%)',
  });
}

/**
 * The CLV distribution as an SVG histogram: customers per CLV bin (the last bin open).
 *
 * @param bins - A {@link clvDistribution} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { clvDistribution, clvDistributionSvg } from 'loyalty-score';
 * (clvDistributionSvg(clvDistribution([1, 2, 3, 50], { bins: 3 })).match(/<rect class="ls-bar"/g) ?? []).length; // => 4
 * ```
 */
export function clvDistributionSvg(bins: readonly ClvBin[]): string {
  return barChartSvg({
    title: 'Distribution of lifetime value',
    description: 'Customers per band of lifetime value over the horizon; the last band holds the largest values.',
    categories: bins.map((b) => (b.to === Infinity ? `${formatTick(b.from)}+` : formatTick(b.from))),
    series: [{ name: 'customers', values: bins.map((b) => b.customers) }],
    xLabel: 'lifetime value, lower edge of the band (currency)',
    yLabel: 'customers',
  });
}

/**
 * Mean CLV by tier or segment as SVG horizontal bars.
 *
 * @param groups - A {@link clvByGroup} result.
 * @param by - What the groups are. @defaultValue `'tier'`
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { clvByGroup, clvByGroupSvg, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * clvByGroupSvg(clvByGroup(scores, 'segment'), 'segment').includes('segment'); // => true
 * ```
 */
export function clvByGroupSvg(groups: readonly ClvGroup[], by: 'tier' | 'segment' = 'tier'): string {
  return horizontalBarsSvg({
    title: `Mean lifetime value by ${by}`,
    description: `Mean lifetime value per customer of each ${by} over the horizon.`,
    categories: groups.map((g) => (by === 'tier' ? `Tier ${g.group}` : g.group)),
    series: [{ name: 'mean lifetime value', values: groups.map((g) => g.meanClv ?? 0) }],
    xLabel: 'mean lifetime value per customer (currency)',
  });
}

/**
 * The tier migration matrix as an SVG heatmap: customers from each earlier tier (rows, `new` for
 * customers who had not bought) to each later tier (columns, `lost` for those who left).
 *
 * @param migration - A `tierMigration` result (e.g. {@link scoreChanges}' `migration`).
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { tierMigration, tierMigrationSvg } from 'loyalty-score';
 * const a = (customerId: number, tier: 'A' | 'B' | 'C' | 'D', rank: number) => ({ customerId, rank, percentile: 0, value: 10 - rank, tier });
 * const m = tierMigration([a(1, 'A', 1), a(2, 'D', 2)], [a(1, 'B', 1), a(3, 'D', 2)]);
 * (tierMigrationSvg(m).match(/<rect class="ls-cell"/g) ?? []).length; // => 25
 * ```
 */
export function tierMigrationSvg(migration: TierMigration): string {
  const from = ['A', 'B', 'C', 'D', 'new'] as const;
  const to = ['A', 'B', 'C', 'D', 'lost'] as const;
  return heatmapSvg({
    title: 'Tier migration',
    description: 'Customers moving from their earlier tier (rows) to their later tier (columns); new customers had not bought before, lost ones have no purchase in the later scoring.',
    rows: from.map((f) => (f === 'new' ? 'new' : `from ${f}`)),
    columns: to.map((t) => (t === 'lost' ? 'lost' : `to ${t}`)),
    values: from.map((f) => to.map((t) => migration.matrix[f][t])),
    xLabel: 'later tier',
    yLabel: 'earlier tier',
    legendLabel: 'customers',
    format: formatTick,
    height: 300,
  });
}
