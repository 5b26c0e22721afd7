import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { ModelFitError } from '../pipeline/ModelFitError.js';
import { PURCHASE_MODEL_TITLES, type PurchaseFit } from '../pipeline/purchaseModels.js';
import { scoreCustomers, scoreSummaryColumns } from '../pipeline/scoreCustomers.js';
import type { ScoreCustomersOptions, ScoreStage, SurveyAnswers } from '../pipeline/types.js';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import { fileLabel } from './readTransactionFile.js';
import { streamSummary, wantsLowMemory, whyNotStreamed, type StreamedSummary } from './streamSummary.js';
import type { CustomerId } from '../transactions/types.js';
import { numberFlag, oneOf, parseFlags, positiveInt, str, UsageError } from './args.js';
import { openOutput, wroteLine } from './outputTarget.js';
import { readTransactions, READ_HELP } from './loadSummaries.js';
import { formatSelection, MODEL_HELP } from './modelFlags.js';
import { Progress } from './progress.js';
import { ENGINE_FLAGS, ENGINE_HELP, engineFromFlags } from './engineFlags.js';
import { scoreWithEngine } from './engineCommands.js';
import { scoreCountOnly } from './countOnlyScore.js';
import { readSurveyFile } from './readSurveyFile.js';
import { scoreColumns, SENTENCE_COLUMNS } from './scoreCells.js';
import { SCORE_OPTION_BOOLEANS, SCORE_OPTION_FLAGS, scoreCustomersOptions, scoreFlagOptions } from './scoreFlags.js';
import { summaryReport } from './summaryReport.js';
import { warningLines } from './warningLines.js';
import { writeColumns } from './writeColumns.js';

export const SCORE_HELP = `loyalty-score score <file> [options]

Reads a transaction file (CSV, TSV or whitespace-separated; '-' for stdin) and writes one row per
customer: the summary (RFM and BTYD conventions, revenue, cost, profit), RFM scores, cell and
segment, ABCD tier and rank, loyalty-pyramid level and loyalty type with their reason codes,
explanations and confidence, probability alive, expected purchases and expected spend over the
horizon, margin, and lifetime value (purchase model + Gamma-Gamma spend, discounted).

${READ_HELP}${MODEL_HELP.replace('{ALL}', '')}Lifetime value:
  --horizon SPAN   forecast horizon from --as-of: 1y, 18m, 26w, 90d           (default 1y)
  --discount-rate X   discount rate per --discount-per, compounded             (default 0.1)
  --discount-per U    day | week | month | year                                (default year)
  --intervals X    add interval bounds at level X, 0 < X < 1 (e.g. 0.9): p_alive_low,
                   p_alive_high, expected_purchases_low/high, expected_spend_low/high, clv_low,
                   clv_high, from 200 draws of the fits' normal approximations (default: none)
  --margin X       share of spend kept as margin, <= 1, for every customer
                   (default: each customer's profit / revenue when the file has a cost column, else 1)
                   CLV = margin x E[spend per purchase] x discounted E[purchases]; the discounting
                   sums steps of one time unit (longer when the horizon spans more than 60 units)
Scores and classification:
  --rfm-method M   quantile | rank: how RFM scores 1..5 are binned           (default quantile)
  --tier-by B      revenue | profit: what ranks the ABCD tiers (profit needs a cost column) (default revenue)
  --survey FILE    survey answers to join by customer id (CSV with customer_id and columns
                   satisfaction, repurchase_intention, recommend_likelihood, competitor_appeal,
                   quality_tolerance, price_sensitivity, decision_time, has_alternatives,
                   switching_cost, convenience; empty = unanswered)
  --survey-scale S answer scale of the survey, MIN-MAX                        (default 1-5)
Output:
  --format F       csv | json | ndjson; reason codes (documented in docs/loyalty.md) are
                   ';'-joined in CSV and arrays in JSON                       (default csv)
  --explain        add the reasons as English sentences (pyramid_explanation,
                   loyalty_explanation; space-joined in CSV) and the absent signals
                   (missing_signals; ';'-joined in CSV)
  --sort S         id | clv: customer id order, or lifetime value descending  (default id)
  --limit N        write only the first N customers
  --summary        write a readable report instead of the table: tier shares, segment counts,
                   pyramid levels, loyalty types and the top customers by lifetime value
  --top N          customers in the report's top list                         (default 10)
Memory:
  --low-memory     summarise the file in two readings without holding its rows, so memory
                   grows with customers only (about 380 bytes each), not rows; needs each
                   customer's rows in date order (else the file is read into memory, with a
                   note), a file (not stdin), and not --model best or --order-ids lenient
                   (default: on for files of 1 GiB or more; --no-low-memory reads any file
                   into memory, faster when it fits)
${ENGINE_HELP}                   score --engine duckdb writes the summary and the model columns (model, p_alive,
                   expected_purchases, expected_spend, margin, clv), not RFM, tiers or loyalty

Customers whose first purchase is on the as-of date (T = 0) are scored as just acquired. Repeat
customers with a zero mean spend are left out of the Gamma-Gamma fit and get its limit for
spend tending to 0. Fit warnings (not converged, a parameter at a boundary, weakly identified,
a small sample, spend depending on frequency) go to stderr as 'warning:' lines. A progress bar
is drawn on stderr when it is a terminal.
`;

/** The steps of `score` and their shares of the progress bar. */
export const SCORE_STEPS = [
  { label: 'reading', weight: 40 },
  { label: 'summarizing', weight: 5 },
  { label: 'classifying', weight: 5 },
  { label: 'comparing models', weight: 30 },
  { label: 'fitting', weight: 10 },
  { label: 'scoring', weight: 10 },
];

/** The progress-bar step of each pipeline stage. */
const STEP_OF: Readonly<Record<ScoreStage, string>> = {
  summarizing: 'summarizing',
  classifying: 'classifying',
  selecting: 'comparing models',
  fitting: 'fitting',
  scoring: 'scoring',
};

/** `loyalty-score score <file>`. */
export async function scoreCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(
    argv,
    [...SCORE_OPTION_FLAGS, ...ENGINE_FLAGS, 'intervals', 'format', 'sort', 'limit', 'top'],
    [...SCORE_OPTION_BOOLEANS, 'summary', 'explain', 'low-memory', 'no-low-memory'],
  );
  if (positionals.length !== 1 && flags.engine !== 'postgres') throw new UsageError('score takes exactly one file (or - for stdin)');
  const format = oneOf(flags, 'format', ['csv', 'json', 'ndjson'], 'csv');
  const parsed = scoreFlagOptions(flags);
  const { load, choice, horizon, discountRate, margin, tierBy, surveyPath, surveyScale } = parsed;
  const intervals = numberFlag(flags, 'intervals', (x) => x > 0 && x < 1, 'a level between 0 and 1, such as 0.9');
  const sort = oneOf(flags, 'sort', ['id', 'clv'], 'id');
  const limit = positiveInt(flags, 'limit');
  const top = positiveInt(flags, 'top') ?? 10;
  if (flags['low-memory'] === true && flags['no-low-memory'] === true) throw new UsageError('--low-memory and --no-low-memory exclude each other');
  if (engineFromFlags(flags) !== null) return scoreWithEngine(positionals[0]!, flags, choice);

  const progress = new Progress(choice.model === 'best' ? SCORE_STEPS : SCORE_STEPS.filter((s) => s.label !== 'comparing models'));
  try {
    const survey: Map<CustomerId, SurveyAnswers> | null = surveyPath === undefined ? null : await readSurveyFile(surveyPath, surveyScale, load.text.ids ?? 'auto', load.text.revealValues === true);
    const path = positionals[0]!;
    const lowMemory = flags['low-memory'] === true;
    let streamed: StreamedSummary | null = null;
    if (flags['no-low-memory'] !== true && (await wantsLowMemory(path, lowMemory))) {
      const why = whyNotStreamed(path, choice.model, load.text.orderIds);
      if (why === null) streamed = await streamSummary(path, load, progress);
      else if (lowMemory) process.stderr.write(`low memory: ${why}; the file is read into memory instead\n`);
    }
    const { read, file } = streamed !== null ? { read: streamed.read, file: fileLabel(path) } : await readTransactions(path, load, progress);
    if (streamed !== null && streamed.rows === 0) throw new InvalidInputError([{ code: 'no_transactions', path: [], message: 'no transactions to score (expected at least one valid line after the header)' }], file);
    if (read.amountSource === 'none') {
      if (flags.summary === true || sort === 'clv' || surveyPath !== undefined) throw new UsageError(`${file} has no amount column (count-only data): --summary, --sort clv and --survey need amounts`);
      await scoreCountOnly(read, load, choice, horizon, format, limit, progress, str(flags, 'output'));
      return;
    }
    const transactions = streamed !== null ? streamed.rows : read.table.length;
    const hasCost = streamed !== null ? streamed.hasCost : read.table.cost !== null;
    if (tierBy === 'profit' && !hasCost) throw new UsageError(`--tier-by profit needs costs, and ${file} has no cost column (a column named cost, or name it with --cost)`);
    let step = '';
    let scores: CustomerScores;
    try {
      const options: ScoreCustomersOptions = {
        ...scoreCustomersOptions(parsed, survey),
        ...(intervals !== undefined ? { intervals } : {}),
        onProgress: (stage, fraction) => {
          const label = STEP_OF[stage];
          if (label !== step) {
            progress.start(label);
            step = label;
          }
          progress.update(fraction);
        },
      };
      scores = streamed !== null ? scoreSummaryColumns(streamed.summary, transactions, options, null) : scoreCustomers(read.table, options);
    } catch (e) {
      if (e instanceof ModelFitError && e.model === null && e.message.startsWith('no customer has a purchase')) throw new ModelFitError(null, `${file}: ${e.message}`);
      throw e;
    }
    progress.done();
    if (scores.selection) process.stderr.write(formatSelection(scores.selection, scores.timeUnit));
    const purchase = scores.model;
    const n = scores.length;
    const notes = [`${n} customers as of ${scores.asOf} (${transactions} rows; ${scores.excluded.rowsAfterAsOf} rows after as-of left out)`, `model ${purchase.model}${scores.selection ? ' (best on holdout)' : ''}`];
    const zero = scores.excluded.zeroSpendRepeaters;
    if (zero > 0) notes.push(`${zero} repeat customer${zero === 1 ? '' : 's'} with zero mean spend left out of the Gamma-Gamma fit`);
    if (scores.survey) notes.push(`survey answers for ${scores.survey.matched} customers (${scores.survey.unmatched} survey ids without transactions ignored)`);
    process.stderr.write(`${read.notes[0]}\n${notes.join('; ')}\n`);
    process.stderr.write(warningLines(scores.warnings.filter((w) => w.source !== 'data')));

    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (sort === 'clv') {
      const { clv } = scores.columns;
      const rank = scores.columns.tiers.rank;
      order.sort((a, b) => clv[b]! - clv[a]! || rank[a]! - rank[b]!);
    }
    if (flags.summary === true) {
      const spend = scores.spendModel;
      const marginText = margin !== undefined ? `margin ${margin}` : scores.columns.summary.cost !== null && !Number.isNaN(scores.columns.summary.cost[0]) ? 'margin = profit / revenue per customer' : 'margin 1 (revenue)';
      const report = await openOutput(str(flags, 'output'));
      report.out.write(
        summaryReport(scores, order, {
          file,
          asOf: scores.asOf,
          timeUnit: scores.timeUnit,
          transactions,
          model: `${modelLine(purchase)}${scores.selection ? ' (lowest holdout RMSE)' : ''}; Gamma-Gamma spend p=${fmt(spend.params.p)}, q=${fmt(spend.params.q)}, gamma=${fmt(spend.params.gamma)}`,
          clv: `horizon ${horizon.amount} ${horizon.unit}${horizon.amount === 1 ? '' : 's'}, discount ${discountRate.rate} per ${discountRate.per}, ${marginText}`,
          tierBy,
          top,
        }),
      );
      await report.finish();
      return;
    }
    const columns = scoreColumns(scores, flags.explain === true);
    const rows = limit === undefined ? order : order.subarray(0, limit);
    const target = await openOutput(str(flags, 'output'));
    await writeColumns(columns, rows, format, { out: target.out, csvJoin: Object.fromEntries(SENTENCE_COLUMNS.map((c) => [c, ' '])) });
    await target.finish();
    progress.done();
    process.stderr.write(wroteLine(rows.length, 'customers', target));
  } finally {
    progress.done();
  }
}

function modelLine(f: PurchaseFit): string {
  const params = Object.entries(f.params).map(([k, v]) => `${k}=${fmt(v as number)}`).join(', ');
  return `${PURCHASE_MODEL_TITLES[f.model]} ${params}`;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
