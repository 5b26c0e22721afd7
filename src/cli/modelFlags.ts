import type { FitOptions } from '../models/fit/fitByMaximumLikelihood.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { CustomerSummary } from '../summary/types.js';
import type { TransactionTable } from '../transactions/types.js';
import { isoDateFlag, numberFlag, oneOf, positiveInt, UsageError, type Flags } from './args.js';
import { compareModels, formatComparison, type ModelComparison } from './compareModels.js';
import { fitPurchaseModel, MODEL_NAMES, type ModelName, type PurchaseFit } from './fitModels.js';
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
`;

/** The model choice and fit options from flags. */
export interface ModelChoice {
  readonly model: ModelName | 'best' | 'all';
  readonly calibrationEnd: string | undefined;
  readonly fit: FitOptions;
}

/** Reads {@link MODEL_FLAGS}; `all` is accepted only when `allowAll`. */
export function modelChoiceFromFlags(flags: Flags, allowAll: boolean): ModelChoice {
  const choices = allowAll ? ([...MODEL_NAMES, 'best', 'all'] as const) : ([...MODEL_NAMES, 'best'] as const);
  const model = oneOf<ModelName | 'best' | 'all'>(flags, 'model', choices, 'bgnbd');
  const l2 = numberFlag(flags, 'l2-penalty', (x) => x >= 0, 'a number >= 0');
  const maxIterations = positiveInt(flags, 'max-iterations');
  const fit: FitOptions = { ...(l2 !== undefined ? { l2Penalty: l2 } : {}), ...(maxIterations !== undefined ? { maxIterations: Math.max(1, maxIterations) } : {}) };
  const calibrationEnd = isoDateFlag(flags, 'calibration-end');
  if (calibrationEnd !== undefined && model !== 'best') throw new UsageError('--calibration-end only applies with --model best (the holdout comparison)');
  return { model, calibrationEnd, fit };
}

/** Everything needed to fit the chosen models. */
export interface FitContext {
  readonly table: TransactionTable;
  readonly summaries: readonly CustomerSummary[];
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly progress: Progress;
}

/**
 * Fits the chosen purchase model(s) on the whole period: one model, all three, or (for `best`) the
 * winner of the holdout comparison, which is written to stderr.
 * @throws {ModelError} when a model cannot be fitted.
 */
export function fitChosenModels(choice: ModelChoice, ctx: FitContext): { fits: PurchaseFit[]; comparison: ModelComparison | null } {
  let names: readonly ModelName[];
  let comparison: ModelComparison | null = null;
  if (choice.model === 'best') {
    ctx.progress.start('comparing models');
    const firstPurchase = ctx.summaries.reduce((m, s) => (s.firstPurchase < m ? s.firstPurchase : m), ctx.asOf);
    comparison = compareModels(ctx.table, {
      candidates: MODEL_NAMES,
      observationEnd: ctx.asOf,
      firstPurchase,
      calibrationEnd: choice.calibrationEnd,
      timeUnit: ctx.timeUnit,
      periods: ctx.periods,
      fit: choice.fit,
      onCandidate: (i) => ctx.progress.update(i / MODEL_NAMES.length),
    });
    ctx.progress.done();
    process.stderr.write(formatComparison(comparison, ctx.timeUnit));
    names = [comparison.best];
  } else names = choice.model === 'all' ? MODEL_NAMES : [choice.model];
  ctx.progress.start('fitting');
  const btyd = ctx.summaries.map((s) => s.btyd);
  const fits = names.map((name, i) => {
    ctx.progress.update(i / names.length);
    return fitPurchaseModel(name, btyd, choice.fit);
  });
  ctx.progress.done();
  for (const f of fits) if (!f.converged) process.stderr.write(`warning: the ${f.model} fit did not converge (gradient norm ${f.gradientNorm.toExponential(2)} after ${f.iterations} iterations); its estimates may be off\n`);
  return { fits, comparison };
}
