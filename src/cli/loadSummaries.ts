import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { TransactionTextOptions, TransactionTextResult } from '../io/TransactionTextReader.js';
import { summarizeCustomerColumns, type CustomerSummaryColumns } from '../summary/summarizeCustomers.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import type { TimeUnit } from '../time/units.js';
import { isoDateFlag, oneOf, type Flags } from './args.js';
import type { Progress } from './progress.js';
import { fileLabel, READ_FLAGS_HELP, readTransactionFile, textOptionsFromFlags } from './readTransactionFile.js';
import { reportRejected } from './reportRejected.js';

/** Flags of the summary step shared by `score` and `fit`. */
export const SUMMARY_FLAGS = ['as-of', 'time-unit', 'periods'] as const;

/** Help text of the reading and summary flags of `score` and `fit`. */
export const READ_HELP = `${READ_FLAGS_HELP}Summary:
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

/** How to read and summarise, from flags (checked before any file is opened). */
export interface LoadOptions {
  readonly text: TransactionTextOptions;
  readonly timeUnit: TimeUnit;
  readonly periods: PeriodMode;
  readonly asOf: string | undefined;
}

/** Reads the reading and {@link SUMMARY_FLAGS}; throws a usage error on a bad value. */
export function loadOptionsFromFlags(flags: Flags): LoadOptions {
  return {
    text: textOptionsFromFlags(flags),
    timeUnit: oneOf<TimeUnit>(flags, 'time-unit', ['day', 'week', 'month', 'year'], 'week'),
    periods: oneOf<PeriodMode>(flags, 'periods', ['exact', 'calendar'], 'exact'),
    asOf: isoDateFlag(flags, 'as-of'),
  };
}

/** Reads the file (reporting bytes read); rejected lines are reported on stderr. */
export async function readTransactions(path: string, load: LoadOptions, progress: Progress): Promise<{ read: TransactionTextResult; file: string }> {
  progress.start('reading');
  const read = await readTransactionFile(path, load.text, (bytes, total) => progress.update(total ? bytes / total : 0));
  progress.done();
  reportRejected(read.rejected);
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
