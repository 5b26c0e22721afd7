import type { FitDiagnostics } from '../models/types.js';
import { fitSpendModel } from '../pipeline/fitSpendModel.js';
import { ModelFitError } from '../pipeline/ModelFitError.js';
import { PURCHASE_MODEL_TITLES } from '../pipeline/purchaseModels.js';
import { oneOf, parseFlags, UsageError } from './args.js';
import { loadOptionsFromFlags, loadSummaries, READ_HELP, SUMMARY_FLAGS } from './loadSummaries.js';
import { fitChosenModels, MODEL_FLAGS, MODEL_HELP, modelChoiceFromFlags } from './modelFlags.js';
import { Progress } from './progress.js';
import { READ_BOOLEANS, READ_FLAGS } from './readTransactionFile.js';
import { warningLines } from './warningLines.js';

export const FIT_HELP = `loyalty-score fit <file> [options]

Fits the purchase model(s) and the Gamma-Gamma spend model to a transaction file's customers
(summarised as of --as-of in --time-unit) and prints, for each, the parameters with their
standard errors, the log-likelihood, the iterations, whether the optimiser converged and the
gradient norm. Customers with T = 0 have likelihood 1 (they carry no information) and are left
out of the purchase fits; Gamma-Gamma uses the repeat customers with a positive mean spend. Fit
warnings go to stderr as 'warning:' lines.

${READ_HELP}${MODEL_HELP.replace('{ALL}', ' | all')}Output:
  --format F       text | json                                               (default text)
`;

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

/** `loyalty-score fit <file>`. */
export async function fitCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(argv, [...READ_FLAGS, ...SUMMARY_FLAGS, ...MODEL_FLAGS, 'format'], [...READ_BOOLEANS, 'allow-unconverged']);
  if (positionals.length !== 1) throw new UsageError('fit takes exactly one file (or - for stdin)');
  const format = oneOf(flags, 'format', ['text', 'json'], 'text');
  const choice = modelChoiceFromFlags(flags, true);
  const load = loadOptionsFromFlags(flags);
  const progress = new Progress([
    { label: 'reading', weight: 50 },
    { label: 'summarizing', weight: 5 },
    ...(choice.model === 'best' ? [{ label: 'comparing models', weight: 30 }] : []),
    { label: 'fitting', weight: 15 },
  ]);
  try {
    const { summary, read, file } = await loadSummaries(positionals[0]!, load, progress);
    const customers = summary.columns.length;
    if (customers === 0) throw new ModelFitError(null, `${file}: no customer has a purchase up to ${summary.asOf}`);
    const { btyd } = summary.columns;
    const { fits, selection } = fitChosenModels(choice, { table: read.table, btyd, asOf: summary.asOf, timeUnit: summary.timeUnit, periods: summary.periods, progress });
    // Count-only data (no amount column): the purchase models only, and a note saying why.
    const spend = read.amountSource === 'none' ? null : fitSpendModel({ frequency: btyd.frequency, monetaryValue: btyd.monetaryValue }, { ...choice.fit, allowUnconverged: choice.allowUnconverged });
    const note = spend === null ? 'count-only data (no amount column): the Gamma-Gamma spend model is not fitted' : null;
    progress.done();
    process.stderr.write(warningLines([...fits.flatMap((f) => f.warnings.map((w) => ({ ...w, model: f.model }))), ...(spend?.fit.warnings ?? []).map((w) => ({ ...w, model: 'gammagamma' }))]));
    if (note !== null) process.stderr.write(`${note}\n`);
    const models = fits.map((f) => report(f.model, f));
    const gg = spend === null ? null : report('gammagamma', spend.fit);
    if (format === 'json') {
      const body = {
        file,
        asOf: summary.asOf,
        timeUnit: summary.timeUnit,
        periods: summary.periods,
        customers,
        models,
        spend: spend === null ? null : { ...gg, zeroSpendLeftOut: spend.zeroSpend },
        ...(note !== null ? { note } : {}),
        ...(selection ? { comparison: selection } : {}),
      };
      process.stdout.write(`${JSON.stringify(body, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
      return;
    }
    const lines = [`${file}: ${customers} customers as of ${summary.asOf}, time unit ${summary.timeUnit}`];
    for (const m of models) lines.push('', ...textBlock(`${PURCHASE_MODEL_TITLES[m.model as keyof typeof PURCHASE_MODEL_TITLES]} (${m.model})`, m));
    if (spend === null) lines.push('', 'Gamma-Gamma spend: not fitted (count-only data, no amount column)');
    else lines.push('', ...textBlock(`Gamma-Gamma spend (${spend.zeroSpend} repeat customer${spend.zeroSpend === 1 ? '' : 's'} with zero mean spend left out)`, gg!));
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    progress.done();
  }
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
