import type { FitOptions } from '../models/fit/fitByMaximumLikelihood.js';
import { compareHoldoutByFrequency } from '../models/evaluation/compareHoldoutByFrequency.js';
import { errorMetrics } from '../models/evaluation/errorMetrics.js';
import { calibrationAndHoldout } from '../summary/calibrationAndHoldout.js';
import { dayFromIso, isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { TransactionTable } from '../transactions/types.js';
import { fitPurchaseModel, ModelError, MODEL_TITLES, scorable, type ModelName } from './fitModels.js';

/** How one candidate did on the holdout period. */
export interface HoldoutScore {
  readonly model: ModelName;
  /** Why it could not be fitted on the calibration period, or null. */
  readonly failed: string | null;
  readonly converged: boolean;
  /** Calibration log-likelihood. */
  readonly logLikelihood: number;
  /** Per-customer holdout purchases: mean absolute and root-mean-square error. */
  readonly mae: number;
  readonly rmse: number;
  /** MAE of the mean holdout purchases by calibration frequency (0..6, 7+), as in FHL 2005 fig. 4. */
  readonly bucketMae: number;
  /** Expected and actual holdout purchases, summed over customers. */
  readonly expected: number;
  readonly actual: number;
}

/** The holdout comparison behind `--model best`. */
export interface ModelComparison {
  readonly calibrationEnd: string;
  readonly observationEnd: string;
  /** Holdout length in the time unit. */
  readonly holdoutLength: number;
  /** Customers in the calibration period (first purchase on or before its end). */
  readonly customers: number;
  readonly criterion: 'rmse';
  readonly scores: readonly HoldoutScore[];
  readonly best: ModelName;
}

/** Options of {@link compareModels}. */
export interface CompareModelsOptions {
  readonly candidates: readonly ModelName[];
  /** End of the observation period, `yyyy-MM-dd`. */
  readonly observationEnd: string;
  /** First purchase date of the data, `yyyy-MM-dd` (start of the span that is split). */
  readonly firstPurchase: string;
  /** @defaultValue the first purchase plus two thirds of the span to `observationEnd`, in whole days */
  readonly calibrationEnd?: string | undefined;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly fit: FitOptions;
  /** Called before each candidate's fit, with its index. */
  readonly onCandidate?: (index: number) => void;
}

/** The default split: the last third of the days from the first purchase to the end is the holdout. */
export function defaultCalibrationEnd(firstPurchase: string, observationEnd: string): string {
  const first = dayFromIso(firstPurchase);
  const end = dayFromIso(observationEnd);
  return isoFromDay(first + Math.floor((2 * (end - first)) / 3));
}

/**
 * Picks the purchase model that best predicts a holdout period: splits the data at the calibration
 * end, fits every candidate on the calibration period, predicts each calibration customer's
 * purchases in the holdout (`E[X(holdout) | calibration history]`), and keeps the candidate with
 * the smallest root-mean-square error over customers (RMSE is the criterion a conditional mean
 * minimises; MAE would favour under-prediction of sparse counts). Non-converged fits take part but
 * lose ties; candidates that cannot be fitted are reported and skipped.
 * @throws {ModelError} when the span cannot be split or no candidate can be fitted.
 */
export function compareModels(table: TransactionTable, options: CompareModelsOptions): ModelComparison {
  const calibrationEnd = options.calibrationEnd ?? defaultCalibrationEnd(options.firstPurchase, options.observationEnd);
  if (dayFromIso(calibrationEnd) >= dayFromIso(options.observationEnd)) {
    throw new ModelError(`cannot hold out a period: the calibration end ${calibrationEnd} is not before the end of observation ${options.observationEnd} (pass --calibration-end or choose a model)`);
  }
  if (dayFromIso(calibrationEnd) < dayFromIso(options.firstPurchase)) {
    throw new ModelError(`the calibration end ${calibrationEnd} is before the first purchase ${options.firstPurchase}`);
  }
  const split = calibrationAndHoldout(table, { calibrationEnd, observationEnd: options.observationEnd, timeUnit: options.timeUnit, periods: options.periods });
  const customers = split.customers;
  const calibration = customers.map((c) => c.btyd);
  const actual = Float64Array.from(customers, (c) => c.holdout.frequency);
  const holdoutLength = customers[0]?.holdout.duration ?? 0;
  const rows = customers.map((c) => ({ calibration: scorable(c.btyd), holdoutPurchases: c.holdout.frequency, holdoutLength: c.holdout.duration }));
  let actualTotal = 0;
  for (const a of actual) actualTotal += a;

  const scores: HoldoutScore[] = [];
  options.candidates.forEach((model, index) => {
    options.onCandidate?.(index);
    try {
      const fit = fitPurchaseModel(model, calibration, { ...options.fit, standardErrors: false });
      const expected = fit.expectedPurchasesMany(holdoutLength, rows.map((r) => r.calibration));
      const { mae, rmse } = errorMetrics(expected, actual);
      const byFrequency = compareHoldoutByFrequency(fit, rows);
      scores.push({ model, failed: null, converged: fit.converged, logLikelihood: fit.logLikelihood, mae, rmse, bucketMae: byFrequency.error.mae, expected: byFrequency.total.expected, actual: actualTotal });
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      scores.push({ model, failed: e.message, converged: false, logLikelihood: NaN, mae: NaN, rmse: NaN, bucketMae: NaN, expected: NaN, actual: actualTotal });
    }
  });
  const usable = scores.filter((s) => s.failed === null);
  if (usable.length === 0) throw new ModelError(`no candidate model can be fitted on the calibration period to ${calibrationEnd}: ${scores.map((s) => s.failed).join('; ')}`);
  const best = usable.reduce((b, s) => (s.rmse < b.rmse || (s.rmse === b.rmse && s.converged && !b.converged) ? s : b));
  return {
    calibrationEnd,
    observationEnd: split.observationEnd,
    holdoutLength,
    customers: customers.length,
    criterion: 'rmse',
    scores,
    best: best.model,
  };
}

/** The comparison as text lines for stderr. */
export function formatComparison(c: ModelComparison, unit: TimeUnit): string {
  const lines = [
    `model selection: calibration to ${c.calibrationEnd}, holdout to ${c.observationEnd} (${round(c.holdoutLength, 2)} ${unit}s), ${c.customers} customers; lowest RMSE of per-customer holdout purchases wins`,
    `  ${'model'.padEnd(12)} ${'RMSE'.padStart(8)} ${'MAE'.padStart(8)} ${'bucket MAE'.padStart(10)} ${'expected'.padStart(9)} ${'actual'.padStart(8)} ${'calib. LL'.padStart(11)}`,
  ];
  for (const s of c.scores) {
    const name = `${MODEL_TITLES[s.model]}${s.model === c.best ? ' *' : ''}`;
    if (s.failed !== null) lines.push(`  ${name.padEnd(12)} not fitted: ${s.failed}`);
    else {
      lines.push(
        `  ${name.padEnd(12)} ${round(s.rmse, 4).padStart(8)} ${round(s.mae, 4).padStart(8)} ${round(s.bucketMae, 4).padStart(10)} ${round(s.expected, 1).padStart(9)} ${round(s.actual, 0).padStart(8)} ${round(s.logLikelihood, 1).padStart(11)}${s.converged ? '' : ' (not converged)'}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function round(x: number, digits: number): string {
  return x.toFixed(digits);
}
