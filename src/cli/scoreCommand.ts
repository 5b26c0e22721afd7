import { deriveBehaviourSignals } from '../loyalty/deriveBehaviourSignals.js';
import type { TierBasis } from '../tiers/types.js';
import type { TimeUnit } from '../time/units.js';
import { numberFlag, oneOf, parseFlags, positiveInt, spanFlag, str, UsageError } from './args.js';
import { fitSpendModel, ModelError, MODEL_TITLES, type PurchaseFit } from './fitModels.js';
import { loadOptionsFromFlags, loadSummaries, READ_HELP, SUMMARY_FLAGS } from './loadSummaries.js';
import { fitChosenModels, MODEL_FLAGS, MODEL_HELP, modelChoiceFromFlags } from './modelFlags.js';
import { Progress } from './progress.js';
import { READ_BOOLEANS, READ_FLAGS } from './readTransactionFile.js';
import { readSurveyFile, type SurveyAnswers } from './readSurveyFile.js';
import { EXPLAIN_COLUMNS, scoreCustomers, SCORE_COLUMNS, SENTENCE_COLUMNS, type ScoredCustomer } from './scoreCustomers.js';
import { summaryReport } from './summaryReport.js';
import { writeRows, type FlatRow } from './writeTable.js';

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

Customers whose first purchase is on the as-of date (T = 0) are scored as just acquired. Repeat
customers with a zero mean spend are left out of the Gamma-Gamma fit and get its limit for
spend tending to 0. A progress bar is drawn on stderr when it is a terminal.
`;

/** The steps of `score` and their shares of the progress bar. */
export const SCORE_STEPS = [
  { label: 'reading', weight: 40 },
  { label: 'summarizing', weight: 5 },
  { label: 'deriving loyalty signals', weight: 5 },
  { label: 'comparing models', weight: 30 },
  { label: 'fitting', weight: 10 },
  { label: 'scoring', weight: 10 },
];

/** `loyalty-score score <file>`. */
export async function scoreCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(
    argv,
    [...READ_FLAGS, ...SUMMARY_FLAGS, ...MODEL_FLAGS, 'horizon', 'discount-rate', 'discount-per', 'margin', 'rfm-method', 'tier-by', 'survey', 'survey-scale', 'format', 'sort', 'limit', 'top'],
    [...READ_BOOLEANS, 'summary', 'explain'],
  );
  if (positionals.length !== 1) throw new UsageError('score takes exactly one file (or - for stdin)');
  const format = oneOf(flags, 'format', ['csv', 'json', 'ndjson'], 'csv');
  const choice = modelChoiceFromFlags(flags, false);
  const horizon = spanFlag(flags, 'horizon', '1y');
  const discountRate = { rate: numberFlag(flags, 'discount-rate', (x) => x >= 0, 'a number >= 0') ?? 0.1, per: oneOf<TimeUnit>(flags, 'discount-per', ['day', 'week', 'month', 'year'], 'year') };
  const margin = numberFlag(flags, 'margin', (x) => x <= 1, 'a number <= 1');
  const rfmMethod = oneOf(flags, 'rfm-method', ['quantile', 'rank'], 'quantile');
  const tierBy = oneOf<TierBasis>(flags, 'tier-by', ['revenue', 'profit'], 'revenue');
  const surveyScale = parseScale(str(flags, 'survey-scale') ?? '1-5');
  const sort = oneOf(flags, 'sort', ['id', 'clv'], 'id');
  const limit = positiveInt(flags, 'limit');
  const top = positiveInt(flags, 'top') ?? 10;
  const load = loadOptionsFromFlags(flags);
  const surveyPath = str(flags, 'survey');

  const progress = new Progress(choice.model === 'best' ? SCORE_STEPS : SCORE_STEPS.filter((s) => s.label !== 'comparing models'));
  try {
    const survey: Map<string, SurveyAnswers> | null = surveyPath === undefined ? null : await readSurveyFile(surveyPath, surveyScale, load.text.ids ?? 'auto');
    const { read, summary, file } = await loadSummaries(positionals[0]!, load, progress);
    const summaries = summary.customers;
    if (summaries.length === 0) throw new ModelError(`${file}: no customer has a purchase up to ${summary.asOf}`);
    if (tierBy === 'profit' && read.table.cost === null) throw new UsageError(`--tier-by profit needs costs, and ${file} has no cost column (a column named cost, or name it with --cost)`);
    progress.start('deriving loyalty signals');
    const signals = deriveBehaviourSignals(read.table, { asOf: summary.asOf });
    const { fits, comparison } = fitChosenModels(choice, { table: read.table, summaries, asOf: summary.asOf, timeUnit: summary.timeUnit, periods: summary.periods, progress });
    const purchase = fits[0]!;
    const spend = fitSpendModel(summaries.map((s) => s.btyd), choice.fit);
    progress.start('scoring');
    const { rows, surveyMatched } = scoreCustomers({
      summaries,
      signals: signals.customers,
      survey,
      rfm: { method: rfmMethod },
      tierBy,
      purchase,
      spend: spend.fit,
      asOf: summary.asOf,
      timeUnit: summary.timeUnit,
      horizon,
      discountRate,
      margin,
      onProgress: (f) => progress.update(f),
    });
    progress.done();

    const notes = [`${summaries.length} customers as of ${summary.asOf} (${read.table.length} rows; ${summary.excluded.rowsAfterAsOf} rows after as-of left out)`, `model ${purchase.model}${comparison ? ' (best on holdout)' : ''}`];
    if (spend.zeroSpend > 0) notes.push(`${spend.zeroSpend} repeat customer${spend.zeroSpend === 1 ? '' : 's'} with zero mean spend left out of the Gamma-Gamma fit`);
    if (survey) notes.push(`survey answers for ${surveyMatched} customers (${survey.size - surveyMatched} survey ids without transactions ignored)`);
    process.stderr.write(`${notes.join('; ')}\n`);

    if (sort === 'clv') rows.sort((a, b) => b.clv - a.clv || a.tier_rank - b.tier_rank);
    if (flags.summary === true) {
      const marginText = margin !== undefined ? `margin ${margin}` : summaries[0]?.cost !== null ? 'margin = profit / revenue per customer' : 'margin 1 (revenue)';
      process.stdout.write(
        summaryReport(rows, {
          file,
          asOf: summary.asOf,
          timeUnit: summary.timeUnit,
          transactions: read.table.length,
          model: `${modelLine(purchase)}${comparison ? ' (lowest holdout RMSE)' : ''}; Gamma-Gamma spend p=${fmt(spend.fit.params.p)}, q=${fmt(spend.fit.params.q)}, gamma=${fmt(spend.fit.params.gamma)}`,
          clv: `horizon ${horizon.amount} ${horizon.unit}${horizon.amount === 1 ? '' : 's'}, discount ${discountRate.rate} per ${discountRate.per}, ${marginText}`,
          tierBy,
          top,
        }),
      );
      return;
    }
    const columns = flags.explain === true ? SCORE_COLUMNS : SCORE_COLUMNS.filter((c) => !EXPLAIN_COLUMNS.includes(c));
    const out = (limit === undefined ? rows : rows.slice(0, limit)).map((r) => pick(r, columns));
    await writeRows(out, columns, format, { csvJoin: Object.fromEntries(SENTENCE_COLUMNS.map((c) => [c, ' '])) });
  } finally {
    progress.done();
  }
}

/** The row with only these columns, in their order. */
function pick(row: ScoredCustomer, columns: readonly (keyof ScoredCustomer)[]): FlatRow {
  const out: FlatRow = {};
  for (const c of columns) out[c] = row[c];
  return out;
}

function modelLine(f: PurchaseFit): string {
  const params = Object.entries(f.params).map(([k, v]) => `${k}=${fmt(v as number)}`).join(', ');
  return `${MODEL_TITLES[f.model as keyof typeof MODEL_TITLES]} ${params}`;
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

function parseScale(s: string): { min: number; max: number } {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:-|\.\.|:)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(s);
  const min = m ? Number(m[1]) : NaN;
  const max = m ? Number(m[2]) : NaN;
  if (!(min < max)) throw new UsageError(`--survey-scale must be MIN-MAX with MIN < MAX, e.g. 1-5 or 0-10 (got ${s})`);
  return { min, max };
}
