import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { compressedSummaryWithDuckDb, copySummaryWithDuckDb, DuckDbDriverMissingError, scoreWithDuckDb, type DuckDbOutputFormat } from '../duckdb/index.js';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { TimeUnit } from '../time/units.js';
import { isoDateFlag, numberFlag, oneOf, spanFlag, str, UsageError, type Flags } from './args.js';
import { engineSummaryOptions, sourceFromArgument } from './engineFlags.js';
import { reportCompressedFits } from './compressedFitReport.js';
import type { ModelChoice } from './modelFlags.js';
import { fitWithPostgres, scoreWithPostgresCommand, summarizeWithPostgres } from './postgresCommands.js';
import { warningLines } from './warningLines.js';

// The `--engine duckdb` paths of summarize, fit and score (--engine postgres: postgresCommands.ts): the summary runs in DuckDB, only the
// compressed rows come to JavaScript, and row outputs are written by DuckDB (to --output, or to
// stdout), so no per-customer or per-transaction objects are made here.

/** Runs an engine step, turning a missing driver or a bad engine option into a usage error (exit 2). */
async function engineStep<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof DuckDbDriverMissingError) throw new UsageError(`--engine duckdb: ${e.message}`);
    if (e instanceof InvalidInputError && e.issues[0].path[0] === 'options' && e.issues[0].path[1] === 'memoryLimit') {
      throw new UsageError('--memory-limit must be a size such as 2GB, 512MB or 1.5GiB');
    }
    throw e;
  }
}

/** Where DuckDB writes rows: --output (format by extension), else a temporary file copied to stdout. */
interface RowTarget {
  readonly output: string;
  readonly format?: DuckDbOutputFormat;
  /** Whether `output` is a temporary file for stdout. */
  readonly toStdout: boolean;
}

function rowTarget(flags: Flags, formats: readonly ('csv' | 'json' | 'ndjson')[]): RowTarget {
  const output = str(flags, 'output');
  if (output !== undefined) {
    if (!/\.(parquet|csv)$/i.test(output)) throw new UsageError(`--output must name a .parquet or .csv file (got ${output})`);
    if (flags.format !== undefined) throw new UsageError('--format applies to stdout; with --output the file name sets the format');
    return { output, toStdout: false };
  }
  const format = oneOf(flags, 'format', formats, 'csv');
  return { output: join(mkdtempSync(join(tmpdir(), 'loyalty-score-')), `rows.${format}`), format, toStdout: true };
}

/**
 * Copies a temporary row file to stdout, chunk by chunk, and removes it. (DuckDB cannot open
 * /dev/stdout when stdout is a socket, so it writes a file first.)
 */
async function flushToStdout(target: RowTarget): Promise<void> {
  if (!target.toStdout) return;
  try {
    if (existsSync(target.output)) await pipeline(createReadStream(target.output), process.stdout, { end: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
  } finally {
    rmSync(dirname(target.output), { recursive: true, force: true });
  }
}

/** `summarize --engine duckdb`. */
export async function summarizeWithEngine(path: string | undefined, flags: Flags): Promise<void> {
  if (flags.engine === 'postgres') return summarizeWithPostgres(path, flags);
  if (path === undefined) throw new UsageError('summarize takes exactly one file (or - for stdin)');
  if (flags.limit !== undefined) throw new UsageError('--limit is not used with --engine duckdb (query the --output file instead)');
  const source = sourceFromArgument(path, flags);
  const target = rowTarget(flags, ['csv', 'json', 'ndjson']);
  const calibrationEnd = isoDateFlag(flags, 'calibration-end');
  await engineStep(async () => {
    const summary = await engineSummaryOptions(source, flags, 'day');
    const { asOf: observationEnd, ...rest } = summary;
    const options = calibrationEnd === undefined ? summary : { ...rest, calibrationEnd, ...(observationEnd !== undefined ? { observationEnd } : {}) };
    const done = await copySummaryWithDuckDb(source, { ...options, output: target.output, ...(target.format ? { format: target.format } : {}) });
    process.stderr.write(`${done.customers} customers as of ${done.asOf} (summarised in DuckDB${target.toStdout ? '' : `, written to ${target.output}`})\n`);
  }).finally(() => flushToStdout(target));
}

/** `fit --engine duckdb`: the chosen model(s) and Gamma-Gamma on DuckDB's compressed rows. */
export async function fitWithEngine(path: string | undefined, flags: Flags, choice: ModelChoice, format: 'text' | 'json'): Promise<void> {
  if (flags.engine === 'postgres') return fitWithPostgres(path, flags, choice, format);
  if (path === undefined) throw new UsageError('fit takes exactly one file (or - for stdin)');
  if (flags.output !== undefined) throw new UsageError('--output applies to summarize and score; fit prints its report');
  if (choice.model === 'best') throw new UsageError('--model best is not available with --engine duckdb (it refits on a holdout split in process): choose bgnbd, paretonbd, mbgnbd or all');
  const chosen = choice.model;
  const source = sourceFromArgument(path, flags);
  await engineStep(async () => {
    const rows = await compressedSummaryWithDuckDb(source, await engineSummaryOptions(source, flags, 'week'));
    reportCompressedFits(path, rows, { ...choice, model: chosen }, format, 'duckdb');
  });
}

/** `score --engine duckdb`: summary, fit and scores in DuckDB; DuckDB writes the rows. */
export async function scoreWithEngine(path: string | undefined, flags: Flags, choice: ModelChoice): Promise<void> {
  if (flags.engine === 'postgres') return scoreWithPostgresCommand(path, flags, choice);
  if (path === undefined) throw new UsageError('score takes exactly one file (or - for stdin)');
  if (choice.model === 'best') throw new UsageError('--model best is not available with --engine duckdb (it refits on a holdout split in process): choose bgnbd, paretonbd or mbgnbd');
  for (const f of ['survey', 'sort', 'limit', 'summary', 'explain', 'tier-by', 'rfm-method', 'top']) {
    if (flags[f] !== undefined) throw new UsageError(`--${f} is not used with --engine duckdb: it writes the summary and the model scores (P(alive), expected purchases and spend, margin, CLV), not RFM, tiers or loyalty (see docs/large-data.md)`);
  }
  const source = sourceFromArgument(path, flags);
  const target = rowTarget(flags, ['csv', 'ndjson', 'json']);
  const horizon = spanFlag(flags, 'horizon', '1y');
  const discountRate = { rate: numberFlag(flags, 'discount-rate', (x) => x >= 0, 'a number >= 0') ?? 0.1, per: oneOf<TimeUnit>(flags, 'discount-per', ['day', 'week', 'month', 'year'], 'year') };
  const margin = numberFlag(flags, 'margin', (x) => x <= 1, 'a number <= 1');
  const model = choice.model === 'all' ? 'bgnbd' : choice.model;
  await engineStep(async () => {
    const summary = await engineSummaryOptions(source, flags, 'week');
    const result = await scoreWithDuckDb(source, { ...summary, output: target.output, ...(target.format ? { format: target.format } : {}), model, ...choice.fit, allowUnconverged: choice.allowUnconverged, horizon, discountRate, ...(margin !== undefined ? { margin } : {}) });
    const t = result.timings;
    process.stderr.write(warningLines([...result.model.warnings.map((w) => ({ ...w, model: result.model.model })), ...result.spendModel.warnings.map((w) => ({ ...w, model: 'gammagamma' }))]));
    process.stderr.write(
      `${result.customers} customers as of ${result.asOf}; model ${result.model.model} on ${result.purchaseRows} distinct (x, t_x, T) rows, Gamma-Gamma on ${result.spendRows} distinct (x, mean spend) rows; ` +
        `summary ${(t.summary / 1000).toFixed(1)} s, fit ${(t.fit / 1000).toFixed(1)} s, scores ${(t.score / 1000).toFixed(1)} s, write ${(t.write / 1000).toFixed(1)} s${target.toStdout ? '' : ` (${target.output})`}\n`,
    );
  }).finally(() => flushToStdout(target));
}
