import {
  createPostgresSummary,
  fetchInBatches,
  PgDriverMissingError,
  PG_SUMMARY_TABLE,
  pgTable,
  readPostgresCompressedRows,
  runPostgres,
  scoreWithPostgres,
  tableColumns,
  withPostgres,
  type PostgresSession,
} from '../postgres/index.js';
import type { TimeUnit } from '../time/units.js';
import { isoDateFlag, numberFlag, oneOf, spanFlag, str, UsageError, type Flags } from './args.js';
import { postgresSummaryOptions } from './engineFlags.js';
import { reportCompressedFits } from './compressedFitReport.js';
import type { ModelChoice } from './modelFlags.js';
import { warningLines } from './warningLines.js';

// The `--engine postgres` paths of summarize, fit and score: summarySql and compressedSummarySql
// run on the server, the fits here on the distinct rows, and the per-customer rows are written by
// the server into --output-table (or streamed to stdout as CSV through a cursor).

/** The table of transactions (--table) and the connection; a file argument is a usage error. */
function target(path: string | undefined, flags: Flags): { readonly table: string; readonly connection: string | undefined } {
  if (path !== undefined) throw new UsageError(`--engine postgres reads the table named by --table on the server: give no file (got ${path})`);
  const table = str(flags, 'table');
  if (table === undefined) throw new UsageError('--engine postgres needs --table NAME (schema.table) of the transactions');
  pgTable(table, 'table');
  const output = str(flags, 'output-table');
  if (output !== undefined) pgTable(output, 'outputTable');
  return { table, connection: str(flags, 'connection') };
}

/** Runs the work on a connection, a missing driver as a usage error (exit 2). */
async function onServer<T>(connection: string | undefined, work: (session: PostgresSession) => Promise<T>): Promise<T> {
  try {
    return await withPostgres(connection, work);
  } catch (e) {
    if (e instanceof PgDriverMissingError) throw new UsageError(`--engine postgres: ${e.message}`);
    throw e;
  }
}

/** A value as a CSV cell: numbers in their shortest round-trip form, NULL empty, text quoted when needed. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString() : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Streams a query's rows to stdout as CSV, in batches through a server cursor. */
async function queryToStdout(session: PostgresSession, sql: string, context: string): Promise<number> {
  let header = false;
  return fetchInBatches(session, sql, 20_000, async (rows, fields) => {
    let text = '';
    if (!header) {
      text += `${fields.map((f) => cell(f.name)).join(',')}\n`;
      header = true;
    }
    for (const row of rows) text += `${fields.map((f) => cell(row[f.name])).join(',')}\n`;
    if (!process.stdout.write(text)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  }, context);
}

/** Replaces `output` by the rows of `sql`, in one transaction (a failure keeps the old table). */
async function replaceTable(session: PostgresSession, output: string, sql: string, context: string): Promise<number> {
  const name = pgTable(output, 'outputTable');
  await runPostgres(session, 'BEGIN', context);
  try {
    await runPostgres(session, `DROP TABLE IF EXISTS ${name}`, context);
    await runPostgres(session, `CREATE TABLE ${name} AS ${sql}`, context);
    await runPostgres(session, 'COMMIT', context);
  } catch (e) {
    await session.query('ROLLBACK').catch(() => {});
    throw e;
  }
  const rows = await runPostgres(session, `SELECT COUNT(*) AS n FROM ${name}`, context);
  return rows[0]!['n'] as number;
}

/** `summarize --engine postgres`. */
export async function summarizeWithPostgres(path: string | undefined, flags: Flags): Promise<void> {
  if (flags.limit !== undefined) throw new UsageError('--limit is not used with --engine postgres (query the --output-table instead)');
  if (flags.format !== undefined && flags.format !== 'csv') throw new UsageError('--engine postgres writes CSV on stdout (or a table with --output-table)');
  const { table, connection } = target(path, flags);
  const calibrationEnd = isoDateFlag(flags, 'calibration-end');
  const context = 'summarize --engine postgres';
  await onServer(connection, async (session) => {
    const summary = postgresSummaryOptions(await tableColumns(session, table, context), flags, 'day');
    const { asOf: observationEnd, ...rest } = summary;
    const options = calibrationEnd === undefined ? summary : { ...rest, calibrationEnd, ...(observationEnd !== undefined ? { observationEnd } : {}) };
    const { asOf } = await createPostgresSummary(session, table, options, context);
    const output = str(flags, 'output-table');
    const ordered = `SELECT * FROM ${PG_SUMMARY_TABLE} ORDER BY customer_id`;
    const customers = output === undefined ? await queryToStdout(session, ordered, context) : await replaceTable(session, output, ordered, context);
    process.stderr.write(`${customers} customers as of ${asOf} (summarised in PostgreSQL${output === undefined ? '' : `, written to table ${output}`})\n`);
  });
}

/** `fit --engine postgres`: the chosen model(s) and Gamma-Gamma on the server's compressed rows. */
export async function fitWithPostgres(path: string | undefined, flags: Flags, choice: ModelChoice, format: 'text' | 'json'): Promise<void> {
  if (flags['output-table'] !== undefined) throw new UsageError('--output-table applies to summarize and score; fit prints its report');
  if (choice.model === 'best') throw new UsageError('--model best is not available with --engine postgres (it refits on a holdout split in process): choose bgnbd, paretonbd, mbgnbd or all');
  const chosen = choice.model;
  const { table, connection } = target(path, flags);
  const context = 'fit --engine postgres';
  await onServer(connection, async (session) => {
    const summary = postgresSummaryOptions(await tableColumns(session, table, context), flags, 'week');
    const resolved = await createPostgresSummary(session, table, summary, context);
    const rows = await readPostgresCompressedRows(session, context);
    reportCompressedFits(table, { ...resolved, ...rows }, { ...choice, model: chosen }, format, 'postgres');
  });
}

/** `score --engine postgres`: summary on the server, fit here, scoreSql's join into --output-table (or CSV on stdout). */
export async function scoreWithPostgresCommand(path: string | undefined, flags: Flags, choice: ModelChoice): Promise<void> {
  if (choice.model === 'best') throw new UsageError('--model best is not available with --engine postgres (it refits on a holdout split in process): choose bgnbd, paretonbd or mbgnbd');
  for (const f of ['survey', 'sort', 'limit', 'summary', 'explain', 'tier-by', 'rfm-method', 'top']) {
    if (flags[f] !== undefined) throw new UsageError(`--${f} is not used with --engine postgres: it writes the summary and the model scores (P(alive), expected purchases and spend, CLV), not RFM, tiers or loyalty (see docs/large-data.md)`);
  }
  if (flags.format !== undefined && flags.format !== 'csv') throw new UsageError('--engine postgres writes CSV on stdout (or a table with --output-table)');
  const { table, connection } = target(path, flags);
  const horizon = spanFlag(flags, 'horizon', '1y');
  const discountRate = { rate: numberFlag(flags, 'discount-rate', (x) => x >= 0, 'a number >= 0') ?? 0.1, per: oneOf<TimeUnit>(flags, 'discount-per', ['day', 'week', 'month', 'year'], 'year') };
  const margin = numberFlag(flags, 'margin', (x) => x <= 1, 'a number <= 1');
  const model = choice.model === 'all' ? 'bgnbd' : choice.model;
  const output = str(flags, 'output-table');
  const context = 'score --engine postgres';
  await onServer(connection, async (session) => {
    const summary = postgresSummaryOptions(await tableColumns(session, table, context), flags, 'week');
    // Without --output-table the scores go to a temporary table, streamed to stdout.
    const result = await scoreWithPostgres(session, table, { ...summary, outputTable: output ?? 'pg_temp.loyalty_scores_out', model, ...choice.fit, allowUnconverged: choice.allowUnconverged, horizon, discountRate, ...(margin !== undefined ? { margin } : {}) });
    if (output === undefined) await queryToStdout(session, 'SELECT * FROM pg_temp.loyalty_scores_out ORDER BY customer_id', context);
    const t = result.timings;
    process.stderr.write(warningLines([...result.model.warnings.map((w) => ({ ...w, model: result.model.model })), ...result.spendModel.warnings.map((w) => ({ ...w, model: 'gammagamma' }))]));
    process.stderr.write(
      `${result.customers} customers as of ${result.asOf}; model ${result.model.model} on ${result.purchaseRows} distinct (x, t_x, T) rows, Gamma-Gamma on ${result.spendRows} distinct (x, mean spend) rows; ` +
        `summary ${(t.summary / 1000).toFixed(1)} s, fit ${(t.fit / 1000).toFixed(1)} s, scores ${(t.score / 1000).toFixed(1)} s, write ${(t.write / 1000).toFixed(1)} s${output === undefined ? '' : ` (table ${output})`}\n`,
    );
  });
}

