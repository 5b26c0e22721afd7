import type { CompressedSummary } from '../duckdb/compressedSummaryWithDuckDb.js';
import { fitCompressedSummary } from '../duckdb/fitCompressedSummary.js';
import { ModelFitError } from '../pipeline/ModelFitError.js';
import { PURCHASE_MODEL_NAMES, type PurchaseFit, type PurchaseModelName } from '../pipeline/purchaseModels.js';
import { writeFitReport } from './fitReport.js';
import type { ModelChoice } from './modelFlags.js';
import { warningLines } from './warningLines.js';

/**
 * `fit --engine …`: the chosen model(s) and Gamma-Gamma fitted on an engine's weighted distinct
 * rows, warnings and the row counts on stderr, the report on stdout.
 */
export function reportCompressedFits(file: string, rows: CompressedSummary, choice: ModelChoice & { readonly model: PurchaseModelName | 'all' }, format: 'text' | 'json', engine: string): void {
  if (rows.customers === 0) throw new ModelFitError(null, `${file}: no customer has a purchase up to ${rows.asOf}`);
  const names: readonly PurchaseModelName[] = choice.model === 'all' ? PURCHASE_MODEL_NAMES : [choice.model];
  const fits: PurchaseFit[] = [];
  let spend: { fit: ReturnType<typeof fitCompressedSummary>['spendModel']; zeroSpend: number } | null = null;
  for (const model of names) {
    const fitted = fitCompressedSummary(rows, { model, ...choice.fit, allowUnconverged: choice.allowUnconverged });
    fits.push(fitted.model);
    spend ??= { fit: fitted.spendModel, zeroSpend: fitted.spendModel.zeroSpend };
  }
  process.stderr.write(warningLines([...fits.flatMap((f) => f.warnings.map((w) => ({ ...w, model: f.model }))), ...spend!.fit.warnings.map((w) => ({ ...w, model: 'gammagamma' }))]));
  process.stderr.write(`${rows.purchase.frequency.length} distinct (x, t_x, T) rows and ${rows.spend.frequency.length} distinct (x, mean spend) rows for ${rows.customers} customers\n`);
  writeFitReport({ file, asOf: rows.asOf, timeUnit: rows.timeUnit, periods: rows.periods, customers: rows.customers, fits, spend, note: null, selection: null, engine }, format);
}
