import type { FitDiagnostics } from '../models/types.js';
import type { SpendFit } from '../pipeline/fitSpendModel.js';
import { PURCHASE_MODEL_TITLES, type PurchaseFit } from '../pipeline/purchaseModels.js';
import type { ModelSelection } from '../pipeline/selectPurchaseModel.js';

/** One fitted model as `fit` reports it. */
interface FitReport {
  readonly model: string;
  readonly params: Record<string, number>;
  readonly standardErrors: Record<string, number> | null;
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly gradientNorm: number;
  readonly customers: number;
}

function report(model: string, f: FitDiagnostics<object> & { readonly params: object }): FitReport {
  return {
    model,
    params: { ...(f.params as Record<string, number>) },
    standardErrors: f.standardErrors ? { ...(f.standardErrors as Record<string, number>) } : null,
    logLikelihood: f.logLikelihood,
    iterations: f.iterations,
    converged: f.converged,
    gradientNorm: f.gradientNorm,
    customers: f.customers,
  };
}

/** What `fit` prints, however the summary was computed (in process or in an engine). */
export interface FitResults {
  readonly file: string;
  readonly asOf: string;
  readonly timeUnit: string;
  readonly periods: string;
  readonly customers: number;
  readonly fits: readonly PurchaseFit[];
  /** The spend fit, or `null` for count-only data. */
  readonly spend: SpendFit | null;
  readonly note: string | null;
  readonly selection: ModelSelection | null;
  /** Where the summary ran, when not in process (`'duckdb'`). */
  readonly engine?: string;
}

/** Writes `fit`'s report to stdout as text or JSON. */
export function writeFitReport(r: FitResults, format: 'text' | 'json'): void {
  const models = r.fits.map((f) => report(f.model, f));
  const gg = r.spend === null ? null : report('gammagamma', r.spend.fit);
  if (format === 'json') {
    const body = {
      file: r.file,
      asOf: r.asOf,
      timeUnit: r.timeUnit,
      periods: r.periods,
      customers: r.customers,
      ...(r.engine !== undefined ? { engine: r.engine } : {}),
      models,
      spend: r.spend === null ? null : { ...gg, zeroSpendLeftOut: r.spend.zeroSpend },
      ...(r.note !== null ? { note: r.note } : {}),
      ...(r.selection ? { comparison: r.selection } : {}),
    };
    process.stdout.write(`${JSON.stringify(body, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
    return;
  }
  const lines = [`${r.file}: ${r.customers} customers as of ${r.asOf}, time unit ${r.timeUnit}${r.engine !== undefined ? ` (summarised in ${r.engine})` : ''}`];
  for (const m of models) lines.push('', ...textBlock(`${PURCHASE_MODEL_TITLES[m.model as keyof typeof PURCHASE_MODEL_TITLES]} (${m.model})`, m));
  if (r.spend === null) lines.push('', 'Gamma-Gamma spend: not fitted (count-only data, no amount column)');
  else lines.push('', ...textBlock(`Gamma-Gamma spend (${r.spend.zeroSpend} repeat customer${r.spend.zeroSpend === 1 ? '' : 's'} with zero mean spend left out)`, gg!));
  process.stdout.write(`${lines.join('\n')}\n`);
}

function textBlock(title: string, m: FitReport): string[] {
  const names = Object.keys(m.params);
  const w = Math.max(9, ...names.map((n) => n.length));
  const out = [`${title}, ${m.customers} customers`, `  ${'parameter'.padEnd(w)}  ${'estimate'.padStart(12)}  ${'std. error'.padStart(12)}`];
  for (const n of names) {
    const se = m.standardErrors?.[n];
    out.push(`  ${n.padEnd(w)}  ${num(m.params[n]!).padStart(12)}  ${(se === undefined ? 'n/a' : num(se)).padStart(12)}`);
  }
  out.push(`  log-likelihood ${m.logLikelihood.toFixed(4)}; iterations ${m.iterations}; converged ${m.converged ? 'yes' : 'no'}; gradient norm ${m.gradientNorm.toExponential(2)}`);
  return out;
}

function num(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
