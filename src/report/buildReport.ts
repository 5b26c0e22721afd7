import { calibrationVsHoldout } from '../charts/calibrationVsHoldout.js';
import { frequencyRecencyMatrix, type FrequencyRecencyMatrix } from '../charts/frequencyRecencyMatrix.js';
import { lorenzCurve, type LorenzCurve } from '../charts/lorenzCurve.js';
import { loyaltyPyramid, loyaltyQuadrant, missingSignalShares, valueLoyaltyGroups, type LoyaltyPyramidLevel, type LoyaltyQuadrantCell, type MissingSignalShares, type ValueLoyaltyGroupCount } from '../charts/loyaltyCharts.js';
import { periodTransactions, type PeriodTransactionsBucket } from '../charts/periodTransactions.js';
import { probabilityAliveMatrix } from '../charts/probabilityAliveMatrix.js';
import type { BtydMatrix } from '../charts/btydGrid.js';
import { repeatPurchaseTracking, type RepeatPurchaseTracking } from '../charts/repeatPurchaseTracking.js';
import { rfmGrid, type RfmGrid } from '../charts/rfmGrid.js';
import { scoreChanges, type ScoreChanges } from '../charts/scoreChanges.js';
import { tierPyramid, type TierPyramid } from '../charts/tierPyramid.js';
import { clvByGroup, clvDistribution, topCustomers, type ClvBin, type ClvGroup, type TopCustomer } from '../charts/valueCharts.js';
import { invalidOption } from '../errors/InvalidInputError.js';
import type { CompareHoldoutByFrequencyResult } from '../models/evaluation/compareHoldoutByFrequency.js';
import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { fitPurchaseModel } from '../pipeline/fitPurchaseModel.js';
import { SCORE_CUSTOMERS_OPTION_KEYS, scoreCustomers } from '../pipeline/scoreCustomers.js';
import type { ScoreCustomersOptions, ScoreWarning } from '../pipeline/types.js';
import { calibrationAndHoldoutColumns } from '../summary/calibrationAndHoldout.js';
import { dayFromIso, isoFromDay } from '../time/days.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import type { TransactionTable } from '../transactions/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link buildReport}: the scoring options, the diagnostics split and the comparison date. */
export interface BuildReportOptions extends Omit<ScoreCustomersOptions, 'calibrationEnd' | 'onProgress' | 'explain'> {
  /**
   * End of the calibration period of the model diagnostics (and of the model comparison with `model: 'best'`).
   * @defaultValue the first purchase plus two thirds of the span to `asOf` (as `selectPurchaseModel`)
   */
  readonly calibrationEnd?: DateLike;
  /**
   * Score the base again as of this earlier date and show what changed (section 7).
   * @defaultValue none (no section 7 content)
   */
  readonly compareAsOf?: DateLike;
  /**
   * Customers in the table of top customers.
   * @defaultValue `10`
   */
  readonly top?: number;
  /**
   * Name of the data shown in the title (a file name).
   * @defaultValue `'transactions'`
   */
  readonly source?: string;
}

/** The overview numbers of section 1. */
export interface ReportOverview {
  readonly source: string;
  readonly customers: number;
  readonly transactions: number;
  /** Total revenue, currency units. */
  readonly revenue: number;
  /** First purchase date and the as-of date, `yyyy-MM-dd`. */
  readonly firstPurchase: string;
  readonly asOf: string;
  readonly timeUnit: ScoreCustomersOptions['timeUnit'] & string;
  /** The purchase model (`'bgnbd'`, …), with `best` when chosen on the holdout. */
  readonly model: string;
  readonly chosenOnHoldout: boolean;
  /** The fitted parameters of the purchase model and of Gamma-Gamma. */
  readonly params: Readonly<Record<string, number>>;
  readonly spendParams: Readonly<Record<string, number>>;
  readonly warnings: readonly ScoreWarning[];
  /** Sum of P(alive): the expected number of active customers at the as-of date. */
  readonly expectedActive: number;
  /** Sum of the lifetime values, currency units. */
  readonly totalClv: number;
  /** The CLV horizon as given. */
  readonly horizon: { readonly amount: number; readonly unit: string };
}

/** The model diagnostics of section 5, from the calibration/holdout split. */
export interface ReportDiagnostics {
  readonly calibrationEnd: string;
  /** Holdout length, model time units. */
  readonly holdoutLength: number;
  /** Customers of the calibration period. */
  readonly customers: number;
  /** Parameters of the model fitted on the calibration period. */
  readonly params: Readonly<Record<string, number>>;
  readonly frequencyRecency: FrequencyRecencyMatrix;
  readonly probabilityAlive: BtydMatrix;
  readonly calibrationVsHoldout: CompareHoldoutByFrequencyResult;
  readonly periodTransactions: readonly PeriodTransactionsBucket[];
  readonly tracking: RepeatPurchaseTracking;
}

/** Everything the report draws: plot-ready data of every section. Render it with {@link renderReport}. */
export interface ReportData {
  readonly overview: ReportOverview;
  readonly tiers: { readonly pyramid: TierPyramid; readonly lorenz: LorenzCurve };
  readonly rfm: RfmGrid;
  readonly loyalty: { readonly pyramid: readonly LoyaltyPyramidLevel[]; readonly quadrant: readonly LoyaltyQuadrantCell[]; readonly valueLoyalty: readonly ValueLoyaltyGroupCount[]; readonly missing: MissingSignalShares };
  readonly diagnostics: ReportDiagnostics;
  readonly value: { readonly distribution: readonly ClvBin[]; readonly byTier: readonly ClvGroup[]; readonly bySegment: readonly ClvGroup[]; readonly top: readonly TopCustomer[] };
  /** Section 7, or `null` without `compareAsOf`. */
  readonly changes: ScoreChanges | null;
}

/**
 * Builds the data of the HTML report: scores the base ({@link scoreCustomers}), splits it at the
 * calibration end and refits the chosen purchase model on the calibration period for the
 * diagnostics, and, with `compareAsOf`, scores it again as of that date for what changed.
 * Every number is one of the library's chart functions (`tierPyramid`, `lorenzCurve`,
 * `rfmGrid`, `loyaltyPyramid`, `loyaltyQuadrant`, `valueLoyaltyGroups`,
 * `missingSignalShares`, `frequencyRecencyMatrix`, `probabilityAliveMatrix`,
 * `calibrationVsHoldout`, `periodTransactions`, `repeatPurchaseTracking`, `clvDistribution`,
 * `clvByGroup`, `topCustomers`, `scoreChanges`). The frequency/recency and P(alive) matrices
 * use the whole-period model, customers of the largest T, frequencies up to the 99th
 * percentile, and a horizon of one time unit. Cost: the scoring, plus one calibration fit, plus
 * a second scoring with `compareAsOf`; everything drawn is aggregated (no per-customer element).
 *
 * @param table - The transactions (`parseTransactions(...).table` or a `TransactionTextReader` result).
 * @param options - See {@link BuildReportOptions}.
 * @returns The report data.
 * @throws {InvalidInputError} For invalid options or data, as {@link scoreCustomers}.
 * @throws {ModelFitError} When a model cannot be fitted (on the whole period or the calibration period).
 * @example
 * ```ts
 * import { buildReport, parseTransactions, simulateTransactions } from 'loyalty-score';
 * const { table } = parseTransactions(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }));
 * const data = buildReport(table, { asOf: '2025-06-30', compareAsOf: '2025-03-31' });
 * data.overview.customers; // => 300
 * data.diagnostics.calibrationVsHoldout.buckets.length; // => 8
 * data.changes?.asOf.before; // => '2025-03-31'
 * ```
 */
export function buildReport(table: TransactionTable, options: BuildReportOptions = {}): ReportData {
  rejectUnknownKeys(options, BUILD_REPORT_OPTION_KEYS, 'options', 'buildReport');
  const { calibrationEnd: calibrationOption, compareAsOf, top = 10, source = 'transactions', ...rest } = options;
  if (!(Number.isInteger(top) && top >= 0)) invalidOption('top', 'expected a whole number >= 0');
  const scoreOptions: ScoreCustomersOptions = { ...rest, ...(rest.model === 'best' && calibrationOption !== undefined ? { calibrationEnd: calibrationOption } : {}) };
  const scores = scoreCustomers(table, scoreOptions);
  const overview = overviewOf(scores, source, options);
  const diagnostics = diagnose(table, scores, calibrationOption, options);
  let changes: ScoreChanges | null = null;
  if (compareAsOf !== undefined) {
    const before = toEpochDay(compareAsOf, 'compareAsOf');
    if (!(before < dayFromIso(scores.asOf))) invalidOption('compareAsOf', `expected a date before the as-of date ${scores.asOf}`);
    const { model: _model, ...beforeOptions } = scoreOptions;
    void _model;
    const earlier = scoreCustomers(table, { ...beforeOptions, model: scores.model.model, asOf: isoFromDay(before) });
    changes = scoreChanges(earlier, scores);
  }
  const { columns } = scores;
  return {
    overview,
    tiers: { pyramid: tierPyramid(scores), lorenz: lorenzCurve(columns.tierValue) },
    rfm: rfmGrid(scores),
    loyalty: { pyramid: loyaltyPyramid(scores), quadrant: loyaltyQuadrant(scores), valueLoyalty: valueLoyaltyGroups(scores), missing: missingSignalShares(scores) },
    diagnostics,
    value: { distribution: clvDistribution(columns.clv), byTier: clvByGroup(scores, 'tier'), bySegment: clvByGroup(scores, 'segment'), top: topCustomers(scores, top) },
    changes,
  };
}

function overviewOf(scores: CustomerScores, source: string, options: BuildReportOptions): ReportOverview {
  const { summary, pAlive, clv } = scores.columns;
  let revenue = 0;
  let first = Infinity;
  let active = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    revenue += summary.revenue[i]!;
    first = Math.min(first, summary.firstDay[i]!);
    active += pAlive[i]!;
    total += clv[i]!;
  }
  return {
    source,
    customers: scores.length,
    transactions: scores.transactions,
    revenue,
    firstPurchase: isoFromDay(first),
    asOf: scores.asOf,
    timeUnit: scores.timeUnit,
    model: scores.model.model,
    chosenOnHoldout: scores.selection !== undefined,
    params: scores.model.params as unknown as Record<string, number>,
    spendParams: scores.spendModel.params as unknown as Record<string, number>,
    warnings: scores.warnings,
    expectedActive: active,
    totalClv: total,
    horizon: options.horizon ?? { amount: 1, unit: 'year' },
  };
}

function diagnose(table: TransactionTable, scores: CustomerScores, calibrationOption: DateLike | undefined, options: BuildReportOptions): ReportDiagnostics {
  const end = dayFromIso(scores.asOf);
  let first = Infinity;
  const firstDay = scores.columns.summary.firstDay;
  for (let i = 0; i < firstDay.length; i++) first = Math.min(first, firstDay[i]!);
  // The default split of selectPurchaseModel: the last third of the days is the holdout.
  const cut = calibrationOption !== undefined ? toEpochDay(calibrationOption, 'calibrationEnd') : scores.selection ? dayFromIso(scores.selection.calibrationEnd) : first + Math.floor((2 * (end - first)) / 3);
  if (!(cut >= first && cut < end)) invalidOption('calibrationEnd', `expected a date from the first purchase ${isoFromDay(first)} to before the as-of date ${scores.asOf}`);
  const split = calibrationAndHoldoutColumns(table, { calibrationEnd: isoFromDay(cut), observationEnd: scores.asOf, timeUnit: scores.timeUnit, periods: scores.periods });
  const calibration = split.columns.btyd;
  const fit = fitPurchaseModel(calibration, {
    model: scores.model.model,
    standardErrors: false,
    ...(options.l2Penalty !== undefined ? { l2Penalty: options.l2Penalty } : {}),
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
  });
  const { frequency, T } = scores.columns.summary.btyd;
  let maxT = 0;
  for (let i = 0; i < T.length; i++) maxT = Math.max(maxT, T[i]!);
  const grid = { maxFrequency: Math.max(1, quantile(frequency, 0.99)), T: maxT > 0 ? maxT : 1 };
  return {
    calibrationEnd: split.calibrationEnd,
    holdoutLength: split.duration,
    customers: split.columns.length,
    params: fit.params as unknown as Record<string, number>,
    frequencyRecency: frequencyRecencyMatrix(scores.model, { ...grid, horizon: 1 }),
    probabilityAlive: probabilityAliveMatrix(scores.model, grid),
    calibrationVsHoldout: calibrationVsHoldout(fit, { calibration, holdoutPurchases: split.holdout.frequency, holdoutLength: split.duration }),
    periodTransactions: periodTransactions(fit, calibration),
    tracking: repeatPurchaseTracking(table, fit, { timeUnit: scores.timeUnit, origin: isoFromDay(first), end: scores.asOf, calibrationEnd: split.calibrationEnd }),
  };
}

/** The q-quantile of whole numbers by counting (values above 4096 clamp to it). */
function quantile(values: Float64Array, q: number): number {
  const cap = 4096;
  const counts = new Float64Array(cap + 1);
  for (let i = 0; i < values.length; i++) counts[Math.min(cap, Math.max(0, Math.floor(values[i]!)))]!++;
  const target = q * values.length;
  let seen = 0;
  for (let x = 0; x <= cap; x++) {
    seen += counts[x]!;
    if (seen >= target) return x;
  }
  return cap;
}

const { onProgress: _onProgress, explain: _explain, ...REPORT_SCORE_OPTION_KEYS } = SCORE_CUSTOMERS_OPTION_KEYS;
void _onProgress;
void _explain;
/** The option names of {@link BuildReportOptions}. @internal */
const BUILD_REPORT_OPTION_KEYS: KeyList<BuildReportOptions> = { ...REPORT_SCORE_OPTION_KEYS, compareAsOf: true, top: true, source: true };
/** The top-level fields of {@link ReportData}. @internal */
export const REPORT_DATA_KEYS: KeyList<ReportData> = { overview: true, tiers: true, rfm: true, loyalty: true, diagnostics: true, value: true, changes: true };
