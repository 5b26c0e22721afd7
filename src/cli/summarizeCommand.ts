import type { TransactionTable } from '../transactions/types.js';
import { calibrationAndHoldout, type CalibrationHoldoutSummary } from '../summary/calibrationAndHoldout.js';
import { summarizeCustomers } from '../summary/summarizeCustomers.js';
import type { CustomerSummary } from '../summary/types.js';
import { isoDateFlag, oneOf, parseFlags, positiveInt, str, UsageError } from './args.js';
import { openOutput, wroteLine } from './outputTarget.js';
import { CHECK_FLAGS, CHECK_HELP, checkOptionsFromFlags, readingWarnings } from './loadSummaries.js';
import { READ_BOOLEANS, READ_FLAGS, READ_FLAGS_HELP, readTransactionFile, textOptionsFromFlags } from './readTransactionFile.js';
import { reportRejected } from './reportRejected.js';
import { summaryCells, SUMMARY_COLUMNS } from './summaryCells.js';
import { writeRows, type FlatRow } from './writeTable.js';
import { ENGINE_FLAGS, ENGINE_HELP, engineFromFlags } from './engineFlags.js';
import { summarizeWithEngine } from './engineCommands.js';

export const SUMMARIZE_HELP = `loyalty-score summarize <file> [options]

Reads a transaction file (CSV, TSV or whitespace-separated; '-' for stdin) and writes one row
per customer: both summary conventions (RFM and BTYD) and revenue, cost and profit totals.

${READ_FLAGS_HELP}${CHECK_HELP}Summary:
  --as-of DATE     end of observation, yyyy-MM-dd               (default: latest date in the file)
  --time-unit U    day | week | month | year                    (default day)
  --periods M      exact | calendar                             (default exact)
  --calibration-end DATE   also split: calibration summary up to DATE plus holdout up to --as-of
Output:
  --format F       csv | json | ndjson                          (default csv)
  --limit N        write only the first N customers
${ENGINE_HELP}`;

const COLUMNS: readonly string[] = SUMMARY_COLUMNS;
const HOLDOUT_COLUMNS = ['holdout_frequency', 'holdout_monetary_value', 'holdout_duration'];

const NO_MONEY = { revenue: null, cost: null, profit: null, rfm_monetary: null, btyd_monetary_value: null, holdout_monetary_value: null };

/** `loyalty-score summarize <file>`. */
export async function summarizeCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(argv, [...READ_FLAGS, 'as-of', 'time-unit', 'periods', 'calibration-end', 'format', 'limit', ...CHECK_FLAGS, ...ENGINE_FLAGS], [...READ_BOOLEANS]);
  if (positionals.length !== 1 && flags.engine !== 'postgres') throw new UsageError('summarize takes exactly one file (or - for stdin)');
  if (engineFromFlags(flags) !== null) return summarizeWithEngine(positionals[0]!, flags);
  const format = oneOf(flags, 'format', ['csv', 'json', 'ndjson'], 'csv');
  const timeUnit = oneOf(flags, 'time-unit', ['day', 'week', 'month', 'year'], 'day');
  const periods = oneOf(flags, 'periods', ['exact', 'calendar'], 'exact');
  const limit = positiveInt(flags, 'limit');
  const asOf = isoDateFlag(flags, 'as-of');
  const calibrationEnd = isoDateFlag(flags, 'calibration-end');

  const text = { ...textOptionsFromFlags(flags), ...checkOptionsFromFlags(flags) };
  const read = await readTransactionFile(positionals[0]!, text);
  reportRejected(read.rejected);
  // Count-only tables go through the same code (amounts zero); their money cells are blanked below.
  const table = read.table as TransactionTable;
  process.stderr.write(readingWarnings(table, text, asOf));
  // Count-only data (no amount column): the money cells are empty (null in JSON).
  const countOnly = read.amountSource === 'none';
  const flat = (s: CustomerSummary): FlatRow => (countOnly ? { ...summaryCells(s), ...NO_MONEY } : { ...summaryCells(s) });

  let rows: FlatRow[];
  let columns = COLUMNS;
  if (calibrationEnd !== undefined) {
    const split = calibrationAndHoldout(table, { calibrationEnd, ...(asOf ? { observationEnd: asOf } : {}), timeUnit, periods });
    columns = [...COLUMNS, ...HOLDOUT_COLUMNS];
    rows = split.customers.slice(0, limit).map((s: CalibrationHoldoutSummary) => ({
      ...flat(s),
      holdout_frequency: s.holdout.frequency,
      holdout_monetary_value: countOnly ? null : s.holdout.monetaryValue,
      holdout_duration: s.holdout.duration,
    }));
    process.stderr.write(`${split.customers.length} customers; calibration to ${split.calibrationEnd}, holdout to ${split.observationEnd}; ${split.excluded.customersFirstBuyingInHoldout} first buying in the holdout left out\n`);
  } else {
    const summary = summarizeCustomers(table, { ...(asOf ? { asOf } : {}), timeUnit, periods });
    rows = summary.customers.slice(0, limit).map(flat);
    const ex = summary.excluded;
    process.stderr.write(`${summary.customers.length} customers as of ${summary.asOf} (${read.table.length} rows; ${ex.rowsAfterAsOf} rows after as-of left out)\n`);
  }
  const target = await openOutput(str(flags, 'output'));
  await writeRows(rows, columns, format, { out: target.out });
  await target.finish();
  process.stderr.write(wroteLine(rows.length, 'customers', target));
}
