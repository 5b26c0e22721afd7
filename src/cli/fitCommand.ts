import type { TransactionTable } from '../transactions/types.js';
import { fitSpendModel } from '../pipeline/fitSpendModel.js';
import { ModelFitError } from '../pipeline/ModelFitError.js';
import { oneOf, parseFlags, UsageError } from './args.js';
import { loadOptionsFromFlags, loadSummaries, READ_HELP, SUMMARY_FLAGS } from './loadSummaries.js';
import { fitChosenModels, MODEL_FLAGS, MODEL_HELP, modelChoiceFromFlags } from './modelFlags.js';
import { Progress } from './progress.js';
import { READ_BOOLEANS, READ_FLAGS } from './readTransactionFile.js';
import { warningLines } from './warningLines.js';
import { writeFitReport } from './fitReport.js';
import { ENGINE_FLAGS, ENGINE_HELP, engineFromFlags } from './engineFlags.js';
import { fitWithEngine } from './engineCommands.js';

export const FIT_HELP = `loyalty-score fit <file> [options]

Fits the purchase model(s) and the Gamma-Gamma spend model to a transaction file's customers
(summarised as of --as-of in --time-unit) and prints, for each, the parameters with their
standard errors, the log-likelihood, the iterations, whether the optimiser converged and the
gradient norm. Customers with T = 0 have likelihood 1 (they carry no information) and are left
out of the purchase fits; Gamma-Gamma uses the repeat customers with a positive mean spend. Fit
warnings go to stderr as 'warning:' lines.

${READ_HELP}${MODEL_HELP.replace('{ALL}', ' | all')}Output:
  --format F       text | json                                               (default text)
${ENGINE_HELP}`;

/** `loyalty-score fit <file>`. */
export async function fitCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(argv, [...READ_FLAGS, ...SUMMARY_FLAGS, ...MODEL_FLAGS, ...ENGINE_FLAGS, 'format'], [...READ_BOOLEANS, 'allow-unconverged']);
  if (positionals.length !== 1 && flags.engine !== 'postgres') throw new UsageError('fit takes exactly one file (or - for stdin)');
  const format = oneOf(flags, 'format', ['text', 'json'], 'text');
  const choice = modelChoiceFromFlags(flags, true);
  if (engineFromFlags(flags) !== null) return fitWithEngine(positionals[0]!, flags, choice, format);
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
    const { fits, selection } = fitChosenModels(choice, { table: read.table as TransactionTable, btyd, asOf: summary.asOf, timeUnit: summary.timeUnit, periods: summary.periods, progress });
    // Count-only data (no amount column): the purchase models only, and a note saying why.
    const spend = read.amountSource === 'none' ? null : fitSpendModel({ frequency: btyd.frequency, monetaryValue: btyd.monetaryValue }, { ...choice.fit, allowUnconverged: choice.allowUnconverged });
    const note = spend === null ? 'count-only data (no amount column): the Gamma-Gamma spend model is not fitted' : null;
    progress.done();
    process.stderr.write(warningLines([...fits.flatMap((f) => f.warnings.map((w) => ({ ...w, model: f.model }))), ...(spend?.fit.warnings ?? []).map((w) => ({ ...w, model: 'gammagamma' }))]));
    if (note !== null) process.stderr.write(`${note}\n`);
    writeFitReport({ file, asOf: summary.asOf, timeUnit: summary.timeUnit, periods: summary.periods, customers, fits, spend, note, selection }, format);
  } finally {
    progress.done();
  }
}
