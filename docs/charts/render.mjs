// Regenerates the chart pictures of docs/report.md from the example data (examples/data), with
// the built library (dist/index.js): `npm run docs` runs it after typedoc. Each picture is the
// library's own SVG, on a white background so that it reads in light and dark viewers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = resolve(root, 'dist/index.js');
if (!existsSync(dist)) {
  console.warn('docs/charts/render.mjs: dist/index.js is missing (run npm run build): the chart pictures were not regenerated');
  process.exit(0);
}
const lib = await import(pathToFileURL(dist).href);
if (typeof lib.buildReport !== 'function') {
  console.warn('docs/charts/render.mjs: dist/index.js predates the charts (run npm run build): the chart pictures were not regenerated');
  process.exit(0);
}

const reader = new lib.TransactionTextReader();
reader.push(readFileSync(resolve(root, 'examples/data/transactions.csv'), 'utf8'));
const { table } = reader.finish();
// The survey file in the shape scoreCustomers takes: answers on a 1-5 scale by customer id.
const [header, ...lines] = readFileSync(resolve(root, 'examples/data/survey.csv'), 'utf8').trim().split(/\r?\n/);
const names = header.split(',');
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const ATTITUDE = ['satisfaction', 'repurchase_intention', 'recommend_likelihood', 'competitor_appeal', 'quality_tolerance', 'price_sensitivity', 'decision_time'];
const survey = lines.map((line) => {
  const cells = line.split(',');
  const get = (n) => cells[names.indexOf(n)] ?? '';
  const attitude = { scale: { min: 1, max: 5 } };
  for (const n of ATTITUDE) if (get(n) !== '') attitude[camel(n)] = Number(get(n));
  const context = { scale: { min: 1, max: 5 } };
  if (get('has_alternatives') !== '') context.hasAlternatives = get('has_alternatives') === 'true';
  for (const n of ['switching_cost', 'convenience']) if (get(n) !== '') context[camel(n)] = Number(get(n));
  return { customerId: get('customer_id'), attitude, context };
});

const data = lib.buildReport(table, { survey, calibrationEnd: '2025-04-30', compareAsOf: '2025-09-30', source: 'examples/data/transactions.csv' });
const d = data.diagnostics;
const charts = {
  'tier-pyramid': lib.tierPyramidSvg(data.tiers.pyramid),
  lorenz: lib.lorenzCurveSvg(data.tiers.lorenz, 'revenue'),
  'rfm-grid': lib.rfmGridSvg(data.rfm),
  'rfm-segment-map': lib.rfmSegmentMapSvg(data.rfm),
  'rfm-segments': lib.rfmSegmentsSvg(data.rfm),
  'loyalty-pyramid': lib.loyaltyPyramidSvg(data.loyalty.pyramid),
  'loyalty-quadrant': lib.loyaltyQuadrantSvg(data.loyalty.quadrant),
  'value-loyalty': lib.valueLoyaltySvg(data.loyalty.valueLoyalty),
  'missing-signals': lib.missingSignalsSvg(data.loyalty.missing),
  'frequency-recency': lib.frequencyRecencyMatrixSvg(d.frequencyRecency, { timeUnit: 'week' }),
  'probability-alive': lib.probabilityAliveMatrixSvg(d.probabilityAlive, { timeUnit: 'week' }),
  'calibration-holdout': lib.calibrationVsHoldoutSvg(d.calibrationVsHoldout),
  'tracking-cumulative': lib.repeatPurchaseTrackingSvg(d.tracking, { kind: 'cumulative' }),
  'tracking-incremental': lib.repeatPurchaseTrackingSvg(d.tracking, { kind: 'incremental' }),
  'period-transactions': lib.periodTransactionsSvg(d.periodTransactions),
  'clv-distribution': lib.clvDistributionSvg(data.value.distribution),
  'clv-by-tier': lib.clvByGroupSvg(data.value.byTier, 'tier'),
  'clv-by-segment': lib.clvByGroupSvg(data.value.bySegment, 'segment'),
  'tier-migration': lib.tierMigrationSvg(data.changes.migration),
};
for (const [id, svg] of Object.entries(charts)) {
  const standalone = svg.replace('<svg ', '<svg style="color:#1b1f24;background:#ffffff" ').replace('</desc>', '</desc><rect width="100%" height="100%" fill="#ffffff"/>');
  writeFileSync(resolve(here, `${id}.svg`), `${standalone}\n`);
}
console.log(`docs/charts: ${Object.keys(charts).length} pictures from the example data`);
