import { calibrationVsHoldoutSvg, frequencyRecencyMatrixSvg, periodTransactionsSvg, probabilityAliveMatrixSvg, repeatPurchaseTrackingSvg } from '../charts/svg/modelChartsSvg.js';
import {
  clvByGroupSvg,
  clvDistributionSvg,
  lorenzCurveSvg,
  loyaltyPyramidSvg,
  loyaltyQuadrantSvg,
  missingSignalsSvg,
  rfmGridSvg,
  rfmSegmentMapSvg,
  rfmSegmentsSvg,
  tierMigrationSvg,
  tierPyramidSvg,
  valueLoyaltySvg,
} from '../charts/svg/baseChartsSvg.js';
import { escapeXml } from '../charts/svg/text.js';
import { REPORT_DATA_KEYS, type ReportData } from './buildReport.js';
import { REPORT_CSS } from './styles.js';
import { rejectUnknownKeys } from '../errors/knownKeys.js';

/** A table cell: shown text and the exact number behind it (in `data-value`). */
type Cell = string | { readonly text: string; readonly value: number | string };

const money = (x: number): Cell => ({ text: x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), value: x });
const int = (x: number): Cell => ({ text: Math.round(x).toLocaleString('en-US'), value: x });
const share = (x: number): Cell => ({ text: `${(100 * x).toFixed(1)}%`, value: x });
const num = (x: number, digits = 3): Cell => ({ text: x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }), value: x });
const maybe = (x: number | null, f: (v: number) => Cell): Cell => (x === null ? '' : f(x));

function table(id: string, head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (c: Cell, tag: 'td' | 'th'): string => (typeof c === 'string' ? `<${tag}>${escapeXml(c)}</${tag}>` : `<${tag} data-value="${escapeXml(String(c.value))}">${escapeXml(c.text)}</${tag}>`);
  return (
    `<table class="numbers" data-table="${id}"><thead><tr>${head.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`).join('')}</tbody></table>`
  );
}

function figure(id: string, svg: string, reading: readonly [string, string], numbers: string): string {
  return `<figure id="chart-${id}" data-chart="${id}">${svg}<figcaption><p class="reading">${escapeXml(reading[0])}<br>${escapeXml(reading[1])}</p></figcaption>${numbers}</figure>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" data-section="${id}"><h2>${escapeXml(title)}</h2>${body}</section>`;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const fmt = (x: number): string => Number(x.toPrecision(4)).toLocaleString('en-US');

/**
 * Renders the report data as one self-contained HTML document: no script, no external font,
 * image or style sheet (every chart is inline SVG), readable without JavaScript, in light and
 * dark colour schemes (`prefers-color-scheme`), printable on A4. Seven sections: overview, ABCD
 * pyramid, RFM, loyalty, model diagnostics, value, and what changed (with `compareAsOf`). Each
 * chart has a two-line reading and the numbers behind it in a table; every numeric cell carries
 * its exact value in `data-value`.
 *
 * @param data - A {@link buildReport} result.
 * @returns The HTML document as a string.
 * @example
 * ```ts
 * import { buildReport, parseTransactions, renderReport, simulateTransactions } from 'loyalty-score';
 * const { table } = parseTransactions(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }));
 * const html = renderReport(buildReport(table, { asOf: '2025-06-30' }));
 * html.startsWith('<!doctype html>'); // => true
 * html.includes('<script'); // => false
 * (html.match(/<section /g) ?? []).length; // => 7
 * ```
 */
export function renderReport(data: ReportData): string {
  rejectUnknownKeys(data, REPORT_DATA_KEYS, 'data', 'renderReport');
  const o = data.overview;
  const unit = o.timeUnit;
  const title = `Customer report: ${o.source}`;
  const sections = [
    section('overview', '1. Overview', overview(data)),
    section('tiers', '2. ABCD pyramid', tiers(data)),
    section('rfm', '3. RFM', rfm(data)),
    section('loyalty', '4. Loyalty', loyalty(data)),
    section('diagnostics', '5. Model diagnostics', diagnostics(data, unit)),
    section('value', '6. Value', value(data)),
    section('changes', '7. What changed', changes(data)),
  ];
  const nav = `<nav><ol>${['Overview', 'ABCD pyramid', 'RFM', 'Loyalty', 'Model diagnostics', 'Value', 'What changed'].map((t, i) => `<li><a href="#${['overview', 'tiers', 'rfm', 'loyalty', 'diagnostics', 'value', 'changes'][i]}">${t}</a></li>`).join('')}</ol></nav>`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${escapeXml(title)}</title><style>${REPORT_CSS}</style></head><body>` +
    `<header><h1>${escapeXml(title)}</h1><p class="subtitle">${Math.round(o.customers).toLocaleString('en-US')} customers, ${o.firstPurchase} to ${o.asOf}; made by loyalty-score.</p>${nav}</header>` +
    `<main>${sections.join('')}</main></body></html>`
  );
}

function overview(d: ReportData): string {
  const o = d.overview;
  const kpi = (label: string, v: string, id: string): string => `<div data-kpi="${id}"><dt>${escapeXml(label)}</dt><dd>${escapeXml(v)}</dd></div>`;
  const params = (p: Readonly<Record<string, number>>): string => Object.entries(p).map(([k, v]) => `${k} = ${fmt(v)}`).join(', ');
  const warnings = o.warnings.length === 0 ? '<p>No fit warnings.</p>' : `<ul class="warnings">${o.warnings.map((w) => `<li>${escapeXml(`${w.source}: ${w.message}`)}</li>`).join('')}</ul>`;
  const horizon = `${o.horizon.amount} ${o.horizon.unit}${o.horizon.amount === 1 ? '' : 's'}`;
  return (
    `<dl class="kpis">${kpi('Customers', Math.round(o.customers).toLocaleString('en-US'), 'customers')}${kpi('Transactions', Math.round(o.transactions).toLocaleString('en-US'), 'transactions')}${kpi('Revenue', (money(o.revenue) as { text: string }).text, 'revenue')}` +
    `${kpi('Date span', `${o.firstPurchase} to ${o.asOf}`, 'span')}${kpi('Expected active customers', Math.round(o.expectedActive).toLocaleString('en-US'), 'active')}${kpi(`Total lifetime value (${horizon})`, (money(o.totalClv) as { text: string }).text, 'clv')}</dl>` +
    `<p>Purchase model: <strong>${escapeXml(o.model)}</strong>${o.chosenOnHoldout ? ' (lowest holdout error of the candidates)' : ''}, ${escapeXml(params(o.params))}, time unit ${escapeXml(o.timeUnit)}. Spend model: Gamma-Gamma, ${escapeXml(params(o.spendParams))}.</p>` +
    `<h3>Fit warnings</h3>${warnings}` +
    table('overview', ['measure', 'value'], [
      ['customers', int(o.customers)],
      ['transactions', int(o.transactions)],
      ['revenue', money(o.revenue)],
      ['expected active customers (sum of P(alive))', num(o.expectedActive, 1)],
      ['total lifetime value', money(o.totalClv)],
    ])
  );
}

function tiers(d: ReportData): string {
  const p = d.tiers.pyramid;
  const a = p.levels[0]!;
  const top = p.levels[0]!.customerShare + p.levels[1]!.customerShare;
  const topRevenue = p.levels[0]!.revenueShare + p.levels[1]!.revenueShare;
  const pyramid = figure(
    'tier-pyramid',
    tierPyramidSvg(p),
    [`Tier A, ${pct(a.customerShare)} of customers, brings ${pct(a.revenueShare)} of revenue and ${pct(a.clvShare)} of expected lifetime value.`, `Tiers A and B together: ${pct(top)} of customers, ${pct(topRevenue)} of revenue. The course's resource table (below) is a guide for effort, not a target.`],
    table('tier-pyramid', ['tier', 'customers', 'share', 'revenue', 'revenue share', 'CLV', 'CLV share'], p.levels.map((l) => [l.tier, int(l.customers), share(l.customerShare), money(l.revenue), share(l.revenueShare), money(l.clv), share(l.clvShare)])) +
      table('resource-table', ['course example', 'customers', 'revenue'], p.resourceTable.map((r) => [r.tier, share(r.customerShare), share(r.revenueShare)])),
  );
  const l = d.tiers.lorenz;
  const at = (x: number): number => l.points.reduce((best, q) => (Math.abs(q.x - x) < Math.abs(best.x - x) ? q : best)).y;
  const lorenz = figure(
    'lorenz',
    lorenzCurveSvg(l, p.tierBy),
    [`Gini ${l.gini.toFixed(3)}: 0 would mean every customer spends the same, 1 that one customer spends everything.`, `The top 20% of customers hold ${pct(1 - at(0.8))} of ${p.tierBy}; the bottom half holds ${pct(at(0.5))}.`],
    table('lorenz', ['share of customers', `share of ${p.tierBy}`], [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1].map((x) => [pct(x), share(at(x))]).concat([['Gini', num(l.gini)]])),
  );
  return `<div class="figures">${pyramid}${lorenz}</div>`;
}

function rfm(d: ReportData): string {
  const g = d.rfm;
  const busiest = g.cells.reduce((b, c) => (c.customers > b.customers ? c : b));
  const best = g.cells[g.k * g.k - 1]!;
  const heat = figure(
    'rfm-grid',
    rfmGridSvg(g),
    [`The most crowded cell is R ${busiest.r}, F ${busiest.f} with ${busiest.customers.toLocaleString('en-US')} customers.`, `The best cell (R ${g.k}, F ${g.k}) holds ${best.customers.toLocaleString('en-US')} customers${best.meanMonetary !== null ? `, who spend ${fmt(best.meanMonetary)} per purchase on average` : ''}.`],
    table('rfm-grid', ['R \\ F', ...Array.from({ length: g.k }, (_, f) => `F ${f + 1}`)], Array.from({ length: g.k }, (_, i) => {
      const r = g.k - i;
      return [`R ${r}`, ...Array.from({ length: g.k }, (_, f) => int(g.cells[(r - 1) * g.k + f]!.customers))];
    })) +
      table('rfm-monetary', ['mean M: R \\ F', ...Array.from({ length: g.k }, (_, f) => `F ${f + 1}`)], Array.from({ length: g.k }, (_, i) => {
        const r = g.k - i;
        return [`R ${r}`, ...Array.from({ length: g.k }, (_, f) => maybe(g.cells[(r - 1) * g.k + f]!.meanMonetary, money))];
      })),
  );
  const map = figure('rfm-segment-map', rfmSegmentMapSvg(g), ['Each recency x frequency cell is named by the segment most of its customers fall in.', 'Monetary value splits some cells between segments; the sizes are in the next chart.'], '');
  const biggest = [...g.segments].sort((a, b) => b.customers - a.customers)[0];
  const richest = [...g.segments].filter((s) => s.meanClv !== null).sort((a, b) => b.meanClv! - a.meanClv!)[0];
  const sizes = figure(
    'rfm-segments',
    rfmSegmentsSvg(g),
    [biggest ? `The largest segment is ${biggest.segment} with ${pct(biggest.share)} of customers.` : 'No segments.', richest ? `${richest.segment} have the highest mean lifetime value, ${fmt(richest.meanClv!)}.` : ''],
    table('rfm-segments', ['segment', 'customers', 'share', 'mean CLV'], g.segments.map((s) => [s.segment, int(s.customers), share(s.share), maybe(s.meanClv, money)])),
  );
  return `<div class="figures">${heat}${map}${sizes}</div>`;
}

function loyalty(d: ReportData): string {
  const { pyramid, quadrant, valueLoyalty, missing } = d.loyalty;
  const committed = pyramid[3]!;
  const p = figure(
    'loyalty-pyramid',
    loyaltyPyramidSvg(pyramid),
    [`${pct(committed.share)} of customers are committed (level 4); ${pct(pyramid[0]!.share)} show no loyalty (level 1).`, 'Levels come from purchase regularity and recency, and from survey answers where given.'],
    table('loyalty-pyramid', ['level', 'customers', 'share'], pyramid.map((l) => [`${l.level} ${l.label}`, int(l.customers), share(l.share)])),
  );
  const spurious = quadrant.find((c) => c.quadrant === 'spurious')!;
  const q = figure(
    'loyalty-quadrant',
    loyaltyQuadrantSvg(quadrant),
    [`${pct(spurious.share)} of customers buy again without a proven attitude (spurious loyalty): inertia, convenience, price or incentives keep them.`, 'Attitude needs survey answers; without them no customer can be placed in true or latent loyalty.'],
    table('loyalty-quadrant', ['quadrant', 'attitude', 'repeat', 'customers', 'share', 'types'], quadrant.map((c) => [c.quadrant, c.attitude, c.repeat, int(c.customers), share(c.share), c.types.map((t) => `${t.type} ${t.customers.toLocaleString('en-US')}`).join(', ')])),
  );
  const highEnd = valueLoyalty[0]!;
  const v = figure(
    'value-loyalty',
    valueLoyaltySvg(valueLoyalty),
    [`${pct(highEnd.share)} of customers are high-end: tier A or B and loyal (pyramid level 3 or 4).`, 'Potential customers are loyal but not yet valuable; temporary ones are valuable but not loyal.'],
    table('value-loyalty', ['group', 'customers', 'share', 'lifetime value', 'treatment'], valueLoyalty.map((g) => [g.group, int(g.customers), share(g.share), money(g.clv), g.strategy])),
  );
  const n = d.overview.customers;
  const m = figure(
    'missing-signals',
    missingSignalsSvg(missing),
    [`${pct(n > 0 ? missing.customersMissingAny / n : 0)} of customers were classified without at least one signal; ${missing.surveyed.toLocaleString('en-US')} answered the survey.`, `The mean confidence (share of the consulted evidence present) is ${pct(missing.meanConfidence)}.`],
    table('missing-signals', ['signal', 'customers without it', 'share'], missing.signals.map((s) => [s.signal, int(s.customers), share(s.share)])),
  );
  return `<div class="figures">${p}${q}${v}${m}</div>`;
}

function diagnostics(d: ReportData, unit: string): string {
  const g = d.diagnostics;
  const timeUnit = unit as 'day' | 'week' | 'month' | 'year';
  const intro = `<p class="note">Drawn from a holdout split: the model (${escapeXml(d.overview.model)}) is refitted on the purchases up to ${g.calibrationEnd} (${g.customers.toLocaleString('en-US')} customers) and compared with the ${fmt(g.holdoutLength)} ${unit}s after it. The two matrices use the model of the whole period.</p>`;
  const fr = g.frequencyRecency;
  const lastRow = fr.values[fr.values.length - 1]!;
  const frequent = `${fr.frequency[fr.frequency.length - 1]} repeat purchases`;
  const matrixTable = (id: string, m: typeof fr | typeof g.probabilityAlive): string => {
    const last = m.recency.length - 1;
    const cols = [0, Math.round(last / 4), Math.round(last / 2), Math.round((3 * last) / 4), last].filter((j, k, a) => a.indexOf(j) === k);
    const rowStep = Math.max(1, Math.ceil(m.frequency.length / 10));
    const rows = [...m.frequency.keys()].reverse().filter((i) => i % rowStep === 0 || i === m.frequency.length - 1);
    return table(id, [`frequency \\ recency (${unit}s)`, ...cols.map((j) => fmt(m.recency[j]!))], rows.map((i) => [String(m.frequency[i]), ...cols.map((j) => num(m.values[i]![j]!))]));
  };
  const f1 = figure(
    'frequency-recency',
    frequencyRecencyMatrixSvg(fr, { timeUnit }),
    [`A customer with ${frequent} who bought recently is expected to buy ${lastRow[lastRow.length - 1]!.toFixed(2)} times in the next ${unit}; if the last purchase was long ago, ${lastRow[0]!.toFixed(2)}.`, `Customers of age ${fmt(fr.T)} ${unit}s; rows are repeat purchases, columns the time of the last purchase.`],
    matrixTable('frequency-recency', fr),
  );
  const pa = g.probabilityAlive;
  const paRow = pa.values[pa.values.length - 1]!;
  const f2 = figure(
    'probability-alive',
    probabilityAliveMatrixSvg(pa, { timeUnit }),
    [`With ${frequent}, P(alive) runs from ${paRow[0]!.toFixed(2)} (last purchase long ago) to ${paRow[paRow.length - 1]!.toFixed(2)} (just bought).`, 'A frequent buyer who stops is soon likely gone; an occasional buyer may just be slow.'],
    matrixTable('probability-alive', pa),
  );
  const c = g.calibrationVsHoldout;
  const f3 = figure(
    'calibration-holdout',
    calibrationVsHoldoutSvg(c),
    [`Over the holdout the customers made ${Math.round(c.total.actual).toLocaleString('en-US')} purchases; the model expected ${Math.round(c.total.expected).toLocaleString('en-US')}.`, `Mean error per frequency group: MAE ${c.error.mae.toFixed(3)}, RMSE ${c.error.rmse.toFixed(3)} purchases per customer.`],
    table('calibration-holdout', ['calibration frequency', 'customers', 'observed mean', 'model mean'], c.buckets.map((b) => [b.label, int(b.customers), num(b.actualMean, 4), num(b.expectedMean, 4)])),
  );
  const t = g.tracking;
  const per = t.timeUnit === 'day' ? 'week' : t.timeUnit;
  const last = t.periodEnd.length - 1;
  const trackRows = (kind: 'cumulative' | 'incremental'): Cell[][] => {
    const step = Math.max(1, Math.ceil(t.periodEnd.length / 12));
    const rows: Cell[][] = [];
    for (let k = step - 1; k <= last; k += step) rows.push([`${per} ${k + 1}`, int(kind === 'cumulative' ? t.actualCumulative[k]! : t.actualIncremental[k]!), num(kind === 'cumulative' ? t.expectedCumulative[k]! : t.expectedIncremental[k]!, 1)]);
    if ((last + 1) % step !== 0) rows.push([`${per} ${last + 1}`, int(kind === 'cumulative' ? t.actualCumulative[last]! : t.actualIncremental[last]!), num(kind === 'cumulative' ? t.expectedCumulative[last]! : t.expectedIncremental[last]!, 1)]);
    return rows;
  };
  const f4 = figure(
    'tracking-cumulative',
    repeatPurchaseTrackingSvg(t, { kind: 'cumulative' }),
    [`By the end, the base made ${Math.round(t.actualCumulative[last] ?? 0).toLocaleString('en-US')} repeat purchases; the model expected ${Math.round(t.expectedCumulative[last] ?? 0).toLocaleString('en-US')}.`, `Left of the calibration end the model was fitted; right of it, it forecasts (mean error ${t.cumulativeError.mae.toFixed(1)} purchases).`],
    table('tracking-cumulative', [per, 'observed (running total)', 'model'], trackRows('cumulative')),
  );
  const f5 = figure(
    'tracking-incremental',
    repeatPurchaseTrackingSvg(t, { kind: 'incremental' }),
    [`Repeat purchases per ${per}: the model follows the level; weekly swings (holidays, campaigns) are not in it.`, `Mean absolute error ${t.incrementalError.mae.toFixed(1)} purchases per ${per}.`],
    table('tracking-incremental', [per, 'observed', 'model'], trackRows('incremental')),
  );
  const pt = g.periodTransactions;
  const f6 = figure(
    'period-transactions',
    periodTransactionsSvg(pt),
    [`${Math.round(pt[0]!.actual).toLocaleString('en-US')} customers made no repeat purchase in the calibration period; the model expected ${Math.round(pt[0]!.expected).toLocaleString('en-US')}.`, 'Close bars mean the model reproduces how purchases spread across customers.'],
    table('period-transactions', ['repeat purchases', 'observed customers', 'model customers'], pt.map((b) => [b.label, int(b.actual), num(b.expected, 1)])),
  );
  return `${intro}<div class="figures">${f1}${f2}${f3}${f4}${f5}${f6}</div>`;
}

function value(d: ReportData): string {
  const v = d.value;
  const total = v.byTier.reduce((s, g) => s + g.totalClv, 0);
  const open = v.distribution[v.distribution.length - 1]!;
  const f1 = figure(
    'clv-distribution',
    clvDistributionSvg(v.distribution),
    [`Most customers have a small lifetime value; ${open.customers.toLocaleString('en-US')} customers are above ${fmt(open.from)}.`, `Total lifetime value ${fmt(total)} over ${d.overview.horizon.amount} ${d.overview.horizon.unit}${d.overview.horizon.amount === 1 ? '' : 's'}.`],
    table('clv-distribution', ['from', 'to', 'customers'], v.distribution.map((b) => [fmt(b.from), b.to === Infinity ? 'and more' : fmt(b.to), int(b.customers)])),
  );
  const a = v.byTier[0]!;
  const f2 = figure(
    'clv-by-tier',
    clvByGroupSvg(v.byTier, 'tier'),
    [`A customer of tier A is worth ${fmt(a.meanClv ?? 0)} on average over the horizon.`, `Tier A holds ${pct(total > 0 ? a.totalClv / total : 0)} of all lifetime value.`],
    table('clv-by-tier', ['tier', 'customers', 'total CLV', 'mean CLV'], v.byTier.map((g) => [g.group, int(g.customers), money(g.totalClv), maybe(g.meanClv, money)])),
  );
  const f3 = figure(
    'clv-by-segment',
    clvByGroupSvg(v.bySegment, 'segment'),
    ['Mean lifetime value by RFM segment: where the value of the next horizon sits.', 'Segments with few customers but a high mean deserve attention first.'],
    table('clv-by-segment', ['segment', 'customers', 'total CLV', 'mean CLV'], v.bySegment.map((g) => [g.group, int(g.customers), money(g.totalClv), maybe(g.meanClv, money)])),
  );
  const topTable = table('top-customers', ['customer', 'tier', 'segment', 'revenue', 'P(alive)', 'expected purchases', 'CLV'], v.top.map((c) => [String(c.customerId), c.tier, c.segment ?? '', money(c.revenue), num(c.pAlive), num(c.expectedPurchases, 2), money(c.clv)]));
  return `<div class="figures">${f1}${f2}${f3}</div><h3>Top customers by lifetime value</h3>${topTable}`;
}

function changes(d: ReportData): string {
  const c = d.changes;
  if (c === null) return '<p class="note">Run with a comparison date (<code>--compare-as-of DATE</code>, or <code>compareAsOf</code>) to see tier migration, RFM drops, tomorrow\'s stars and the customers slipping away.</p>';
  const m = c.migration;
  const from = ['A', 'B', 'C', 'D', 'new'] as const;
  const to = ['A', 'B', 'C', 'D', 'lost'] as const;
  const f1 = figure(
    'tier-migration',
    tierMigrationSvg(m),
    [`From ${c.asOf.before} to ${c.asOf.after}: ${m.upgrades.length.toLocaleString('en-US')} customers moved up a tier and ${m.downgrades.length.toLocaleString('en-US')} moved down.`, `${m.newCustomers.length.toLocaleString('en-US')} customers are new since ${c.asOf.before}.`],
    table('tier-migration', ['from \\ to', ...to], from.map((f) => [f, ...to.map((t) => int(m.matrix[f][t]))])),
  );
  const rfmBody = table('rfm-drops', ['measure', 'customers'], [
    ['scored in both', int(c.rfm.compared)],
    ['R score fell by 2 or more', int(c.rfm.drops.r)],
    ['F score fell by 2 or more', int(c.rfm.drops.f)],
    ['M score fell by 2 or more', int(c.rfm.drops.m)],
    ['slipping (any of them)', int(c.rfm.slipping)],
  ]) + table('segment-moves', ['from segment', 'to segment', 'customers'], c.rfm.segmentMoves.map((s) => [s.from ?? '(none)', s.to ?? '(none)', int(s.count)]));
  const stars = table('stars', ['customer', 'value before', 'value now', 'projected'], m.stars.slice(0, 20).map((s) => [String(s.customerId), money(s.previousValue), money(s.value), money(s.projectedValue)]));
  const slipping = table('slipping-away', ['customer', 'tier before', 'CLV before', 'P(alive) before', 'P(alive) now'], c.slippingAway.map((s) => [String(s.customerId), s.tier, money(s.clvBefore), num(s.pAliveBefore), num(s.pAliveAfter)]));
  return (
    `<div class="figures">${f1}</div>` +
    `<h3>RFM drops</h3><p class="reading">${c.rfm.slipping.toLocaleString('en-US')} customers lost 2 or more points in R, F or M since ${c.asOf.before}.<br>Scores are relative to each date's base: a drop means falling behind the others.</p>${rfmBody}` +
    `<h3>Tomorrow's stars</h3><p class="reading">${m.stars.length.toLocaleString('en-US')} customers of tier C grow fast enough to reach tier B${m.starTarget !== null ? ` (${fmt(m.starTarget)})` : ''} next period.<br>They are worth investing in before they get there.</p>${stars}` +
    `<h3>Slipping away</h3><p class="reading">${c.slippingAway.length.toLocaleString('en-US')} high-value customers (tier A or B on ${c.asOf.before}) whose P(alive) fell by 0.1 or more.<br>Reach them before they are lost.</p>${slipping}`
  );
}
