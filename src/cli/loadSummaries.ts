import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { TransactionTextOptions, TransactionTextResult } from '../io/TransactionTextReader.js';
import { summarizeCustomerColumns, type CustomerSummaryColumns } from '../summary/summarizeCustomers.js';
import { parseDateRangeText, resolveDateRange } from '../time/dateRange.js';
import { addMonthsToDay, dayFromIso, isoFromDay } from '../time/days.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { countOrderIdConflicts } from '../transactions/countOrderIdConflicts.js';
import type { RowCheckOptions } from '../transactions/options.js';
import type { TransactionTable } from '../transactions/types.js';
import { isoDateFlag, oneOf, str, UsageError, type Flags } from './args.js';
import type { Progress } from './progress.js';
import { fileLabel, READ_FLAGS_HELP, readTransactionFile, textOptionsFromFlags } from './readTransactionFile.js';
import { reportRejected } from './reportRejected.js';

/** Flags of the row rules (issue 11), shared by every command that reads transactions. */
export const CHECK_FLAGS = ['date-range', 'negative-cost', 'order-ids'] as const;

/** Help text of {@link CHECK_FLAGS}. */
export const CHECK_HELP = `Rules every row meets (an error naming the line and field, or a skipped line under --on-invalid collect):
  --date-range A..B  accepted transaction dates, yyyy-MM-dd..yyyy-MM-dd, either end optional
                   (default 1900-01-01..2199-12-31; --as-of and --calibration-end must lie
                   in the default range whatever this says)
  --negative-cost P  error | allow: a purchase whose cost is negative (profit above revenue,
                   such as a supplier rebate)                         (default error)
  --order-ids P    strict | lenient: one order id on two customers or two days is an error,
                   or is kept and counted on stderr                   (default strict)
`;

/** Flags of the summary step shared by `score` and `fit`. */
export const SUMMARY_FLAGS = ['as-of', 'time-unit', 'periods', ...CHECK_FLAGS] as const;

/** Help text of the reading and summary flags of `score` and `fit`. */
export const READ_HELP = `${READ_FLAGS_HELP}${CHECK_HELP}Summary:
  --as-of DATE     end of observation, yyyy-MM-dd; later rows are left out (default: latest date in the file)
  --time-unit U    day | week | month | year: unit of recency, T and the models  (default week)
  --periods M      exact | calendar                             (default exact)
`;

/** A read and summarised transaction file. */
export interface LoadedSummaries {
  readonly read: TransactionTextResult;
  readonly summary: CustomerSummaryColumns;
  readonly file: string;
}

/** The reading options with the row rules of {@link CHECK_FLAGS}. */
export type CheckedTextOptions = TransactionTextOptions & RowCheckOptions;

/** How to read and summarise, from flags (checked before any file is opened). */
export interface LoadOptions {
  readonly text: CheckedTextOptions;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly asOf: string | undefined;
}

/** The row rules of {@link CHECK_FLAGS}; a usage error on a bad value. */
export function checkOptionsFromFlags(flags: Flags): RowCheckOptions {
  const text = str(flags, 'date-range');
  const dateRange = text === undefined ? undefined : parseDateRangeText(text);
  if (dateRange === null) throw new UsageError(`--date-range must be FROM..TO with yyyy-MM-dd dates, either end optional, e.g. 1900-01-01..2199-12-31 (got ${text})`);
  try {
    resolveDateRange(dateRange);
  } catch (e) {
    if (e instanceof InvalidInputError) throw new UsageError(`--date-range: ${e.issues[0].message} (got ${text})`);
    throw e;
  }
  return {
    ...(dateRange !== undefined ? { dateRange } : {}),
    negativeCost: oneOf(flags, 'negative-cost', ['error', 'allow'], 'error'),
    orderIds: oneOf(flags, 'order-ids', ['strict', 'lenient'], 'strict'),
  };
}

/** Reads the reading and {@link SUMMARY_FLAGS}; throws a usage error on a bad value. */
export function loadOptionsFromFlags(flags: Flags): LoadOptions {
  return {
    text: { ...textOptionsFromFlags(flags), ...checkOptionsFromFlags(flags) },
    timeUnit: oneOf<TimeUnit>(flags, 'time-unit', ['day', 'week', 'month', 'year'], 'week'),
    periods: oneOf<PeriodMode>(flags, 'periods', ['exact', 'calendar'], 'exact'),
    asOf: isoDateFlag(flags, 'as-of'),
  };
}

/**
 * What the CLI says on stderr after reading, beside the rejected lines: order ids kept under
 * `--order-ids lenient` though shared by customers or days, and an as-of date more than a year
 * after the last transaction (a likely typo: every customer would look lapsed).
 */
export function readingWarnings(table: TransactionTable, text: CheckedTextOptions, asOf: string | undefined): string {
  let out = '';
  if (text.orderIds === 'lenient') {
    const n = countOrderIdConflicts(table);
    if (n > 0) out += `${n} row${n === 1 ? '' : 's'} reuse${n === 1 ? 's' : ''} an order id of another customer or another day, kept under --order-ids lenient (each customer counts the order once; its days stay separate purchase days)\n`;
  }
  if (table.length > 0) {
    let last = table.day[0]!;
    for (let i = 1; i < table.length; i++) if (table.day[i]! > last) last = table.day[i]!;
    out += asOfWarning(last, asOf);
  }
  return out;
}

/** The warning for an as-of date more than a year after the last transaction (`last`, a day number); empty otherwise. */
export function asOfWarning(last: number, asOf: string | undefined): string {
  if (asOf === undefined) return '';
  const day = dayFromIso(asOf);
  if (day <= addMonthsToDay(last, 12)) return '';
  return `warning: --as-of ${asOf} is ${day - last} days after the last transaction (${isoFromDay(last)}): recency, T and P(alive) are measured to it, so every customer looks long gone; check the date\n`;
}

/** Reads the file (reporting bytes read); rejected lines and {@link readingWarnings} are reported on stderr. */
export async function readTransactions(path: string, load: LoadOptions, progress: Progress): Promise<{ read: TransactionTextResult; file: string }> {
  progress.start('reading');
  const read = await readTransactionFile(path, load.text, (bytes, total) => progress.update(total ? bytes / total : 0));
  progress.done();
  reportRejected(read.rejected);
  process.stderr.write(readingWarnings(read.table as TransactionTable, load.text, load.asOf));
  if (read.table.length === 0) {
    throw new InvalidInputError([{ code: 'no_transactions', path: [], message: 'no transactions to score (expected at least one valid line after the header)' }], fileLabel(path));
  }
  return { read, file: fileLabel(path) };
}

/** Reads the file (reporting bytes read) and summarises its customers. */
export async function loadSummaries(path: string, load: LoadOptions, progress: Progress): Promise<LoadedSummaries> {
  const { timeUnit, periods, asOf } = load;
  const { read, file } = await readTransactions(path, load, progress);
  progress.start('summarizing');
  const summary = summarizeCustomerColumns(read.table, { ...(asOf ? { asOf } : {}), timeUnit, periods });
  return { read, summary, file };
}
