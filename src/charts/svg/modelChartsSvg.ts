import type { CompareHoldoutByFrequencyResult } from '../../models/evaluation/compareHoldoutByFrequency.js';
import type { TimeUnit } from '../../time/units.js';
import type { BtydMatrix } from '../btydGrid.js';
import type { FrequencyRecencyMatrix } from '../frequencyRecencyMatrix.js';
import type { PeriodTransactionsBucket } from '../periodTransactions.js';
import type { RepeatPurchaseTracking } from '../repeatPurchaseTracking.js';
import { barChartSvg } from './barChart.js';
import { heatmapSvg } from './heatmap.js';
import { lineChartSvg } from './lineChart.js';
import { rejectUnknownKeys, type KeyList } from '../../errors/knownKeys.js';

/** Options of the model-diagnostic charts: the time unit named on the axes. */
export interface TimeAxisOptions {
  /** The model's time unit, named in axis labels. @defaultValue `'week'` */
  readonly timeUnit?: TimeUnit;
}

const plural = (unit: TimeUnit): string => `${unit}s`;

function matrixSvg(m: BtydMatrix, title: string, description: string, legendLabel: string, format: (v: number) => string, unit: TimeUnit): string {
  const rows = [...m.frequency].reverse().map(String);
  const values = [...m.values].reverse();
  return heatmapSvg({
    title,
    description,
    rows,
    columns: m.recency.map((t) => String(Math.round(t))),
    values,
    xLabel: `recency: time of the last purchase since the first (${plural(unit)})`,
    yLabel: 'frequency (repeat purchases)',
    legendLabel,
    format,
    cellText: () => null,
  });
}

/**
 * The frequency/recency matrix as an SVG heatmap: expected purchases over the horizon by
 * frequency (rows, highest at the top) and recency (columns), for customers of age T.
 *
 * @param matrix - A {@link frequencyRecencyMatrix} result.
 * @param options - See {@link TimeAxisOptions}.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { bgNbd, frequencyRecencyMatrix, frequencyRecencyMatrixSvg } from 'loyalty-score';
 * const m = frequencyRecencyMatrix(bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), { maxFrequency: 10, T: 39 });
 * frequencyRecencyMatrixSvg(m).includes('Expected purchases'); // => true
 * ```
 */
export function frequencyRecencyMatrixSvg(matrix: FrequencyRecencyMatrix, options: TimeAxisOptions = {}): string {
  rejectUnknownKeys(options, TIME_AXIS_OPTION_KEYS, 'options', 'frequencyRecencyMatrixSvg');
  const unit = options.timeUnit ?? 'week';
  const h = Number(matrix.horizon.toPrecision(4));
  return matrixSvg(
    matrix,
    `Expected purchases in the next ${h} ${h === 1 ? unit : plural(unit)}`,
    `Expected purchases over ${h} ${plural(unit)} for a customer of age ${Number(matrix.T.toPrecision(4))} ${plural(unit)}, by frequency and recency; the most frequent, most recent customers (top right) buy the most.`,
    'expected purchases',
    (v) => v.toFixed(2),
    unit,
  );
}

/**
 * The P(alive) matrix as an SVG heatmap: the probability that a customer is still active, by
 * frequency (rows) and recency (columns).
 *
 * @param matrix - A {@link probabilityAliveMatrix} result.
 * @param options - See {@link TimeAxisOptions}.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { bgNbd, probabilityAliveMatrix, probabilityAliveMatrixSvg } from 'loyalty-score';
 * const m = probabilityAliveMatrix(bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), { maxFrequency: 10, T: 39 });
 * probabilityAliveMatrixSvg(m).includes('Probability alive'); // => true
 * ```
 */
export function probabilityAliveMatrixSvg(matrix: BtydMatrix, options: TimeAxisOptions = {}): string {
  rejectUnknownKeys(options, TIME_AXIS_OPTION_KEYS, 'options', 'probabilityAliveMatrixSvg');
  const unit = options.timeUnit ?? 'week';
  return matrixSvg(
    matrix,
    'Probability alive by frequency and recency',
    `The probability that a customer of age ${Number(matrix.T.toPrecision(4))} ${plural(unit)} is still active, by frequency and recency; frequent buyers who have not bought for long are likely gone.`,
    'P(alive)',
    (v) => v.toFixed(2),
    unit,
  );
}

/**
 * Calibration vs holdout as an SVG bar chart: mean holdout purchases per customer, observed and
 * expected, by calibration frequency.
 *
 * @param result - A {@link calibrationVsHoldout} (or `compareHoldoutByFrequency`) result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { bgNbd, calibrationVsHoldout, calibrationVsHoldoutSvg } from 'loyalty-score';
 * const calibration = { frequency: Float64Array.of(0, 2), recency: Float64Array.of(0, 20), T: Float64Array.of(38, 38) };
 * const r = calibrationVsHoldout(bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), { calibration, holdoutPurchases: [0, 1], holdoutLength: 39 });
 * (calibrationVsHoldoutSvg(r).match(/<rect class="ls-bar"/g) ?? []).length; // => 16
 * ```
 */
export function calibrationVsHoldoutSvg(result: CompareHoldoutByFrequencyResult): string {
  return barChartSvg({
    title: 'Holdout purchases by calibration frequency',
    description: 'Mean purchases per customer in the holdout period, observed and as the model fitted on the calibration period expected, for customers grouped by their calibration purchases.',
    categories: result.buckets.map((b) => b.label),
    series: [
      { name: 'observed', values: result.buckets.map((b) => b.actualMean) },
      { name: 'model', values: result.buckets.map((b) => b.expectedMean) },
    ],
    xLabel: 'repeat purchases in the calibration period',
    yLabel: 'mean holdout purchases per customer',
  });
}

/**
 * Period transactions as an SVG bar chart: customers by number of repeat purchases, observed
 * and as the model expects.
 *
 * @param buckets - A {@link periodTransactions} result.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { bgNbd, periodTransactions, periodTransactionsSvg } from 'loyalty-score';
 * const customers = { frequency: Float64Array.of(0, 1, 4), recency: Float64Array.of(0, 10, 30), T: Float64Array.of(39, 39, 39) };
 * periodTransactionsSvg(periodTransactions(bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), customers)).startsWith('<svg'); // => true
 * ```
 */
export function periodTransactionsSvg(buckets: readonly PeriodTransactionsBucket[]): string {
  return barChartSvg({
    title: 'Customers by number of repeat purchases',
    description: 'How many customers made 0, 1, 2 and more repeat purchases in the period they were observed, observed and as the model expects.',
    categories: buckets.map((b) => b.label),
    series: [
      { name: 'observed', values: buckets.map((b) => b.actual) },
      { name: 'model', values: buckets.map((b) => b.expected) },
    ],
    xLabel: 'repeat purchases',
    yLabel: 'customers',
  });
}

/** Options of {@link repeatPurchaseTrackingSvg}. */
export interface RepeatPurchaseTrackingSvgOptions {
  /** Running totals or per-period counts. @defaultValue `'cumulative'` */
  readonly kind?: 'cumulative' | 'incremental';
}

/**
 * The tracking curve as an SVG line chart: repeat purchases per period (or their running
 * total), observed and expected, with the end of the calibration period marked.
 *
 * @param tracking - A {@link repeatPurchaseTracking} result.
 * @param options - See {@link RepeatPurchaseTrackingSvgOptions}.
 * @returns An `<svg>` string.
 * @example
 * ```ts
 * import { bgNbd, parseTransactions, repeatPurchaseTracking, repeatPurchaseTrackingSvg } from 'loyalty-score';
 * const { table } = parseTransactions([{ customerId: 1, date: '2024-01-01', amount: 5 }, { customerId: 1, date: '2024-02-09', amount: 5 }]);
 * const t = repeatPurchaseTracking(table, bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }));
 * (repeatPurchaseTrackingSvg(t, { kind: 'incremental' }).match(/<path class="ls-line"/g) ?? []).length; // => 2
 * ```
 */
export function repeatPurchaseTrackingSvg(tracking: RepeatPurchaseTracking, options: RepeatPurchaseTrackingSvgOptions = {}): string {
  rejectUnknownKeys(options, REPEAT_PURCHASE_TRACKING_SVG_OPTION_KEYS, 'options', 'repeatPurchaseTrackingSvg');
  const kind = options.kind ?? 'cumulative';
  const per = tracking.timeUnit === 'day' ? 'week' : tracking.timeUnit;
  const x = Array.from(tracking.periodEnd, (t) => t / tracking.periodLength);
  const cumulative = kind === 'cumulative';
  return lineChartSvg({
    title: cumulative ? 'Repeat purchases, cumulative' : `Repeat purchases per ${per}`,
    description: `${cumulative ? 'Running total of' : 'Weekly count of'} repeat purchases of the customer base since ${tracking.origin}, observed (solid) and as the model expects (dashed); the dotted line marks the end of the calibration period.`,
    series: [
      { name: 'observed', x, y: cumulative ? tracking.actualCumulative : tracking.actualIncremental },
      { name: 'model', x, y: cumulative ? tracking.expectedCumulative : tracking.expectedIncremental, dashed: true },
    ],
    xLabel: `${per}s since ${tracking.origin}`,
    yLabel: cumulative ? 'repeat purchases (running total)' : `repeat purchases per ${per}`,
    ...(tracking.calibrationEnd !== null ? { markers: [{ x: tracking.calibrationEnd / tracking.periodLength, label: 'calibration end' }] } : {}),
  });
}

const TIME_AXIS_OPTION_KEYS: KeyList<TimeAxisOptions> = { timeUnit: true };
const REPEAT_PURCHASE_TRACKING_SVG_OPTION_KEYS: KeyList<RepeatPurchaseTrackingSvgOptions> = { kind: true };
