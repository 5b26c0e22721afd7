import { writeFileWhole } from './outputTarget.js';
import { basename } from 'node:path';
import type { SurveyAnswers } from '../pipeline/types.js';
import { buildReport } from '../report/buildReport.js';
import { renderReport } from '../report/renderReport.js';
import type { CustomerId } from '../transactions/types.js';
import { isoDateFlag, parseFlags, positiveInt, str, UsageError } from './args.js';
import { readTransactions, READ_HELP } from './loadSummaries.js';
import { MODEL_HELP } from './modelFlags.js';
import { Progress } from './progress.js';
import { readSurveyFile } from './readSurveyFile.js';
import { SCORE_OPTION_BOOLEANS, SCORE_OPTION_FLAGS, scoreCustomersOptions, scoreFlagOptions } from './scoreFlags.js';
import { warningLines } from './warningLines.js';

export const REPORT_HELP = `loyalty-score report <file> [score options] --output report.html

Scores the transaction file as 'score' does and writes one self-contained HTML report: overview,
ABCD pyramid and Lorenz curve, RFM grid and segments, loyalty pyramid and quadrant, model
diagnostics (frequency/recency and P(alive) matrices, calibration vs holdout, weekly repeat
purchases, period transactions), lifetime value, and what changed since --compare-as-of. Every
chart is inline SVG with a short reading and the numbers behind it; the file makes no network
request, needs no JavaScript, follows the light or dark colour scheme and prints on A4.

${READ_HELP}${MODEL_HELP.replace('{ALL}', '')}                   In the report --calibration-end also sets the split of the model
                   diagnostics, with any model.
Lifetime value and scores: the options of 'score' (--horizon, --discount-rate, --discount-per,
  --margin, --rfm-method, --tier-by, --survey, --survey-scale), with its defaults.
Report:
  --output FILE    where to write the HTML (required; '-' for stdout)
  --compare-as-of DATE  score the base again as of this earlier date (yyyy-MM-dd) and show
                   tier migration, RFM drops, tomorrow's stars and customers slipping away
  --top N          customers in the table of top customers                    (default 10)
`;

/** `loyalty-score report <file>`. */
export async function reportCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(argv, [...SCORE_OPTION_FLAGS, 'output', 'compare-as-of', 'top'], [...SCORE_OPTION_BOOLEANS]);
  if (positionals.length !== 1) throw new UsageError('report takes exactly one file (or - for stdin)');
  const output = str(flags, 'output');
  if (output === undefined) throw new UsageError('report needs --output FILE (or --output - for stdout)');
  // --calibration-end splits the diagnostics with any model; only 'best' also compares models on it.
  const calibrationEnd = isoDateFlag(flags, 'calibration-end');
  const parsed = scoreFlagOptions(flags['model'] === 'best' ? flags : { ...flags, 'calibration-end': undefined });
  const compareAsOf = isoDateFlag(flags, 'compare-as-of');
  const top = positiveInt(flags, 'top') ?? 10;
  const progress = new Progress([
    { label: 'reading', weight: 40 },
    { label: 'building the report', weight: 60 },
  ]);
  try {
    const survey: Map<CustomerId, SurveyAnswers> | null = parsed.surveyPath === undefined ? null : await readSurveyFile(parsed.surveyPath, parsed.surveyScale, parsed.load.text.ids ?? 'auto', parsed.load.text.revealValues === true);
    const { read, file } = await readTransactions(positionals[0]!, parsed.load, progress);
    if (read.amountSource === 'none') throw new UsageError(`${file} has no amount column (count-only data): the report needs amounts for tiers, RFM and lifetime value (name the column with --amount)`);
    if (parsed.tierBy === 'profit' && read.table.cost === null) throw new UsageError(`--tier-by profit needs costs, and ${file} has no cost column (a column named cost, or name it with --cost)`);
    progress.start('building the report');
    const data = buildReport(read.table, {
      ...scoreCustomersOptions(parsed, survey),
      ...(calibrationEnd !== undefined ? { calibrationEnd } : {}),
      ...(compareAsOf !== undefined ? { compareAsOf } : {}),
      top,
      source: positionals[0] === '-' ? file : basename(file),
    });
    const html = renderReport(data);
    progress.done();
    process.stderr.write(warningLines(data.overview.warnings.filter((w) => w.source !== 'data')));
    if (output === '-') process.stdout.write(html);
    else {
      await writeFileWhole(output, html);
      process.stderr.write(`wrote ${output} (${data.overview.customers} customers, ${Math.round(html.length / 1024)} KiB)\n`);
    }
  } finally {
    progress.done();
  }
}
