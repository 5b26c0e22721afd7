import { invalidOption } from '../errors/InvalidInputError.js';
import { compareHoldoutByFrequency } from '../models/evaluation/compareHoldoutByFrequency.js';
import { errorMetrics } from '../models/evaluation/errorMetrics.js';
import type { BtydCustomer } from '../models/types.js';
import { calibrationAndHoldoutColumns } from '../summary/calibrationAndHoldout.js';
import type { TimeUnitOptions } from '../summary/options.js';
import { toTable, type TableOrRows } from '../transactions/toTable.js';
import { isoFromDay } from '../time/days.js';
import { toEpochDay, type DateLike } from '../time/toEpochDay.js';
import { latestDay } from '../transactions/latestDay.js';
import type { RowInputOptions } from '../transactions/options.js';
import { fitPurchaseModel, type PipelineFitOptions } from './fitPurchaseModel.js';
import { ModelFitError } from './ModelFitError.js';
import { PURCHASE_MODEL_NAMES, type PurchaseModelName } from './purchaseModels.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** How one candidate did on the holdout period. */
export interface HoldoutScore {
  readonly model: PurchaseModelName;
  /** Why it could not be fitted on the calibration period, or `null`. */
  readonly failed: string | null;
  /** Whether the calibration fit converged (`false` when it failed). */
  readonly converged: boolean;
  /** Calibration log-likelihood; `null` when the fit failed. */
  readonly logLikelihood: number | null;
  /** Mean absolute error of the per-customer holdout purchases; `null` when the fit failed. */
  readonly mae: number | null;
  /** Root-mean-square error of the per-customer holdout purchases (the criterion); `null` when the fit failed. */
  readonly rmse: number | null;
  /** MAE of the mean holdout purchases by calibration frequency (0..6, 7+), as in FHL 2005 fig. 4; `null` when the fit failed. */
  readonly bucketMae: number | null;
  /** Expected holdout purchases summed over customers; `null` when the fit failed. */
  readonly expected: number | null;
  /** Actual holdout purchases summed over customers. */
  readonly actual: number;
}

/** Result of {@link selectPurchaseModel}: the holdout comparison and its winner. */
export interface ModelSelection {
  /** End of the calibration period, `yyyy-MM-dd`. */
  readonly calibrationEnd: string;
  /** End of the holdout period (the end of observation), `yyyy-MM-dd`. */
  readonly observationEnd: string;
  /** Holdout length in the time unit. */
  readonly holdoutLength: number;
  /** Customers in the calibration period (first purchase on or before its end). */
  readonly customers: number;
  /** What decides: the root-mean-square error of per-customer holdout purchases. */
  readonly criterion: 'rmse';
  /** One score per candidate, in candidate order. */
  readonly scores: readonly HoldoutScore[];
  /** The winner. */
  readonly best: PurchaseModelName;
}

/** Options of {@link selectPurchaseModel}. */
export interface SelectPurchaseModelOptions extends TimeUnitOptions, RowInputOptions, PipelineFitOptions {
  /**
   * The models to compare.
   * @defaultValue `['bgnbd', 'paretonbd', 'mbgnbd']`
   */
  candidates?: readonly PurchaseModelName[];
  /**
   * End of the observation period (the end of the holdout).
   * @defaultValue the latest transaction date in the data
   */
  observationEnd?: DateLike;
  /**
   * End of the calibration period (inclusive).
   * @defaultValue the first purchase day plus two thirds of the days to `observationEnd` (rounded down), so the last third is the holdout
   */
  calibrationEnd?: DateLike;
  /** Called before each candidate's calibration fit with its index and the number of candidates. @defaultValue none */
  onCandidate?: (index: number, count: number) => void;
}

/**
 * Picks the purchase model that best predicts a holdout period (the comparison behind
 * `score --model best`). Splits the data at `calibrationEnd` ({@link calibrationAndHoldoutColumns}),
 * fits every candidate on the calibration period, predicts each calibration customer's purchases
 * in the holdout, `E[X(holdout) | calibration history]`, and keeps the candidate with the smallest
 * root-mean-square error over customers (RMSE is what a conditional mean minimises; MAE would
 * favour under-prediction of sparse counts). Non-converged fits take part but lose ties;
 * candidates that cannot be fitted are reported (`failed`) and skipped.
 *
 * Cost: two passes over the rows, one fit per candidate without standard errors.
 *
 * @param input - A {@link TransactionTable} or transaction rows.
 * @param options - Candidates, split dates, time unit and fit options.
 * @returns Every candidate's holdout errors (RMSE, MAE, bucket MAE, expected vs actual, calibration LL) and the winner.
 * @throws {@link ModelFitError} when the span cannot be split or no candidate can be fitted.
 * @example
 * ```ts
 * import { selectPurchaseModel, simulateTransactions } from 'loyalty-score';
 * const rows = simulateTransactions({ customers: 400, start: '2024-01-01', end: '2025-12-31', seed: 7 });
 * const selection = selectPurchaseModel(rows, { timeUnit: 'week' });
 * selection.calibrationEnd; // => '2025-05-01'
 * selection.scores.length; // => 3
 * ['bgnbd', 'paretonbd', 'mbgnbd'].includes(selection.best); // => true
 * ```
 */
export function selectPurchaseModel(input: TableOrRows, options: SelectPurchaseModelOptions = {}): ModelSelection {
  rejectUnknownKeys(options, SELECT_PURCHASE_MODEL_OPTION_KEYS, 'options', 'selectPurchaseModel');
  const candidates = options.candidates ?? PURCHASE_MODEL_NAMES;
  if (!Array.isArray(candidates) || candidates.length === 0 || candidates.some((c) => !PURCHASE_MODEL_NAMES.includes(c))) {
    invalidOption('candidates', `expected a non-empty list of ${PURCHASE_MODEL_NAMES.map((m) => `'${m}'`).join(', ')}`);
  }
  const table = toTable(input, options);
  const observationEnd = options.observationEnd === undefined ? latestDay(table) : toEpochDay(options.observationEnd, 'observationEnd');
  const first = firstPurchaseDay(table.day, table.amount, observationEnd);
  if (first === null) throw new ModelFitError(null, `no customer has a purchase up to ${isoFromDay(observationEnd)}`);
  const calibrationEnd = options.calibrationEnd === undefined ? defaultCalibrationEnd(first, observationEnd) : toEpochDay(options.calibrationEnd, 'calibrationEnd');
  if (calibrationEnd >= observationEnd) {
    throw new ModelFitError(null, `cannot hold out a period: the calibration end ${isoFromDay(calibrationEnd)} is not before the end of observation ${isoFromDay(observationEnd)} (choose an earlier calibrationEnd, or a model)`);
  }
  if (calibrationEnd < first) throw new ModelFitError(null, `the calibration end ${isoFromDay(calibrationEnd)} is before the first purchase ${isoFromDay(first)}`);

  const split = calibrationAndHoldoutColumns(table, {
    calibrationEnd: isoFromDay(calibrationEnd),
    observationEnd: isoFromDay(observationEnd),
    ...(options.timeUnit !== undefined ? { timeUnit: options.timeUnit } : {}),
    ...(options.periods !== undefined ? { periods: options.periods } : {}),
  });
  const { btyd } = split.columns;
  const actual = split.holdout.frequency;
  const n = split.columns.length;
  const holdoutLength = n > 0 ? split.duration : 0;
  const rows = new Array<{ calibration: BtydCustomer; holdoutPurchases: number; holdoutLength: number }>(n);
  for (let i = 0; i < n; i++) rows[i] = { calibration: { frequency: btyd.frequency[i]!, recency: btyd.recency[i]!, T: btyd.T[i]! }, holdoutPurchases: actual[i]!, holdoutLength };
  let actualTotal = 0;
  for (let i = 0; i < n; i++) actualTotal += actual[i]!;

  const scores: HoldoutScore[] = [];
  candidates.forEach((model, index) => {
    options.onCandidate?.(index, candidates.length);
    try {
      const fit = fitPurchaseModel(btyd, {
        model,
        standardErrors: false,
        ...(options.l2Penalty !== undefined ? { l2Penalty: options.l2Penalty } : {}),
        ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      });
      const expected = fit.expectedPurchasesMany(holdoutLength, btyd);
      const { mae, rmse } = errorMetrics(expected, actual);
      const byFrequency = compareHoldoutByFrequency(fit, rows);
      scores.push({ model, failed: null, converged: fit.converged, logLikelihood: fit.logLikelihood, mae, rmse, bucketMae: byFrequency.error.mae, expected: byFrequency.total.expected, actual: actualTotal });
    } catch (e) {
      if (!(e instanceof ModelFitError)) throw e;
      scores.push({ model, failed: e.message, converged: false, logLikelihood: null, mae: null, rmse: null, bucketMae: null, expected: null, actual: actualTotal });
    }
  });
  let best: HoldoutScore | null = null;
  for (const s of scores) {
    if (s.rmse === null) continue;
    if (best === null || s.rmse < best.rmse! || (s.rmse === best.rmse && s.converged && !best.converged)) best = s;
  }
  if (best === null) {
    throw new ModelFitError(null, `no candidate model can be fitted on the calibration period to ${isoFromDay(calibrationEnd)}: ${scores.map((s) => s.failed).join('; ')}`);
  }
  return {
    calibrationEnd: split.calibrationEnd,
    observationEnd: split.observationEnd,
    holdoutLength,
    customers: n,
    criterion: 'rmse',
    scores,
    best: best.model,
  };
}

/** The default split: the last third of the days from the first purchase to the end is the holdout. @internal */
export function defaultCalibrationEnd(firstDay: number, observationEnd: number): number {
  return firstDay + Math.floor((2 * (observationEnd - firstDay)) / 3);
}

/** The earliest purchase day (amount >= 0) on or before `end`, or `null`. */
function firstPurchaseDay(day: Int32Array, amount: Float64Array, end: number): number | null {
  let lo = Infinity;
  for (let i = 0; i < day.length; i++) {
    const d = day[i]!;
    if (d <= end && d < lo && amount[i]! >= 0) lo = d;
  }
  return lo === Infinity ? null : lo;
}

/** The option names of {@link SelectPurchaseModelOptions}. @internal */
export const SELECT_PURCHASE_MODEL_OPTION_KEYS: KeyList<SelectPurchaseModelOptions> = {
  candidates: true,
  observationEnd: true,
  calibrationEnd: true,
  onCandidate: true,
  timeUnit: true,
  periods: true,
  parse: true,
  l2Penalty: true,
  maxIterations: true,
};
