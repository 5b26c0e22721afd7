import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import type { TransactionTable } from '../transactions/types.js';
import type { PipelineFitOptions } from './fitPurchaseModel.js';
import type { PurchaseModelName } from './purchaseModels.js';
import { selectPurchaseModel, type ModelSelection } from './selectPurchaseModel.js';

/** What {@link choosePurchaseModel} needs besides the table. @internal */
export interface ModelChoiceContext {
  /** The as-of date, `yyyy-MM-dd`: the end of the holdout. */
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly calibrationEnd: string | Date | number | undefined;
  readonly fitOptions: PipelineFitOptions;
  readonly progress: (stage: 'selecting', fraction: number) => void;
}

/**
 * The purchase model the pipelines fit: the one named, or for `'best'` the winner of the holdout
 * comparison of {@link selectPurchaseModel} (with the comparison).
 * @internal
 */
export function choosePurchaseModel(table: TransactionTable, model: PurchaseModelName | 'best', ctx: ModelChoiceContext): { model: PurchaseModelName; selection?: ModelSelection } {
  if (model !== 'best') return { model };
  ctx.progress('selecting', 0);
  const selection = selectPurchaseModel(table, {
    observationEnd: ctx.asOf,
    timeUnit: ctx.timeUnit,
    periods: ctx.periods,
    ...(ctx.calibrationEnd !== undefined ? { calibrationEnd: ctx.calibrationEnd } : {}),
    ...ctx.fitOptions,
    onCandidate: (i, count) => ctx.progress('selecting', i / count),
  });
  return { model: selection.best, selection };
}
