import { fitPurchaseModel, type PipelineFitOptions } from '../pipeline/fitPurchaseModel.js';
import { PURCHASE_MODEL_NAMES, PURCHASE_MODEL_TITLES, type PurchaseFit, type PurchaseModelName } from '../pipeline/purchaseModels.js';
import { selectPurchaseModel, type ModelSelection } from '../pipeline/selectPurchaseModel.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { BtydColumns } from '../models/types.js';
import type { TransactionTable } from '../transactions/types.js';
import { isoDateFlag, numberFlag, oneOf, positiveInt, UsageError, type Flags } from './args.js';
import type { Progress } from './progress.js';

/** Flags shared by `score` and `fit` that choose and fit the purchase model. */
export const MODEL_FLAGS = ['model', 'calibration-end', 'l2-penalty', 'max-iterations'] as const;

/** Help text of {@link MODEL_FLAGS}. */
export const MODEL_HELP = `Model:
  --model M        bgnbd | paretonbd | mbgnbd | best{ALL}      (default bgnbd)
                   best: split the span at --calibration-end, fit each model on the calibration
                   period, keep the one with the lowest RMSE of per-customer holdout purchases,
                   refit it on the whole period; the comparison goes to stderr
  --calibration-end DATE   end of the calibration period for best (default: the first purchase
                   plus two thirds of the span to --as-of, i.e. the last third is the holdout)
  --l2-penalty X   L2 penalty on the parameters of every fit                  (default 0)
  --max-iterations N   optimiser iterations per fit                           (default 500)
  --allow-unconverged  use a Gamma-Gamma fit that did not converge (with a warning)
                   instead of stopping with exit code 4
`;

/** The model choice and fit options from flags. */
export interface ModelChoice {
  readonly model: PurchaseModelName | 'best' | 'all';
  readonly calibrationEnd: string | undefined;
  readonly fit: PipelineFitOptions;
  readonly allowUnconverged: boolean;
}

/** Reads {@link MODEL_FLAGS}; `all` is accepted only when `allowAll`. */
export function modelChoiceFromFlags(flags: Flags, allowAll: boolean): ModelChoice {
  const choices = allowAll ? ([...PURCHASE_MODEL_NAMES, 'best', 'all'] as const) : ([...PURCHASE_MODEL_NAMES, 'best'] as const);
  const model = oneOf<PurchaseModelName | 'best' | 'all'>(flags, 'model', choices, 'bgnbd');
  const l2 = numberFlag(flags, 'l2-penalty', (x) => x >= 0, 'a number >= 0');
  const maxIterations = positiveInt(flags, 'max-iterations');
  const fit: PipelineFitOptions = { ...(l2 !== undefined ? { l2Penalty: l2 } : {}), ...(maxIterations !== undefined ? { maxIterations: Math.max(1, maxIterations) } : {}) };
  const calibrationEnd = isoDateFlag(flags, 'calibration-end');
  if (calibrationEnd !== undefined && model !== 'best') throw new UsageError('--calibration-end only applies with --model best (the holdout comparison)');
  return { model, calibrationEnd, fit, allowUnconverged: flags['allow-unconverged'] === true };
}

/** Everything `fit` needs to fit the chosen models. */
export interface FitContext {
  readonly table: TransactionTable;
  readonly btyd: BtydColumns;
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly progress: Progress;
}

/**
 * Fits the chosen purchase model(s) on the whole period for `fit`: one model, all three, or (for
 * `best`) the winner of the holdout comparison, which is written to stderr.
 * @throws {ModelFitError} when a model cannot be fitted.
 */
export function fitChosenModels(choice: ModelChoice, ctx: FitContext): { fits: PurchaseFit[]; selection: ModelSelection | null } {
  let names: readonly PurchaseModelName[];
  let selection: ModelSelection | null = null;
  if (choice.model === 'best') {
    ctx.progress.start('comparing models');
    selection = selectPurchaseModel(ctx.table, {
      observationEnd: ctx.asOf,
      ...(choice.calibrationEnd !== undefined ? { calibrationEnd: choice.calibrationEnd } : {}),
      timeUnit: ctx.timeUnit,
      periods: ctx.periods,
      ...choice.fit,
      onCandidate: (i, count) => ctx.progress.update(i / count),
    });
    ctx.progress.done();
    process.stderr.write(formatSelection(selection, ctx.timeUnit));
    names = [selection.best];
  } else names = choice.model === 'all' ? PURCHASE_MODEL_NAMES : [choice.model];
  ctx.progress.start('fitting');
  const fits = names.map((name, i) => {
    ctx.progress.update(i / names.length);
    return fitPurchaseModel(ctx.btyd, { model: name, ...choice.fit });
  });
  ctx.progress.done();
  return { fits, selection };
}

/** The holdout comparison as text lines for stderr. */
export function formatSelection(c: ModelSelection, unit: TimeUnit): string {
  const lines = [
    `model selection: calibration to ${c.calibrationEnd}, holdout to ${c.observationEnd} (${c.holdoutLength.toFixed(2)} ${unit}s), ${c.customers} customers; lowest RMSE of per-customer holdout purchases wins`,
    `  ${'model'.padEnd(12)} ${'RMSE'.padStart(8)} ${'MAE'.padStart(8)} ${'bucket MAE'.padStart(10)} ${'expected'.padStart(9)} ${'actual'.padStart(8)} ${'calib. LL'.padStart(11)}`,
  ];
  for (const s of c.scores) {
    const name = `${PURCHASE_MODEL_TITLES[s.model]}${s.model === c.best ? ' *' : ''}`;
    if (s.failed !== null) lines.push(`  ${name.padEnd(12)} not fitted: ${s.failed}`);
    else {
      lines.push(
        `  ${name.padEnd(12)} ${s.rmse!.toFixed(4).padStart(8)} ${s.mae!.toFixed(4).padStart(8)} ${s.bucketMae!.toFixed(4).padStart(10)} ${s.expected!.toFixed(1).padStart(9)} ${s.actual.toFixed(0).padStart(8)} ${s.logLikelihood!.toFixed(1).padStart(11)}${s.converged ? '' : ' (not converged)'}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
