import { stat } from 'node:fs/promises';
import type { TransactionTextResult } from '../io/TransactionTextReader.js';
import { ChunkedSummary } from '../summary/chunkedSummary.js';
import type { CustomerSummaryColumns } from '../summary/summarizeCustomers.js';
import { asOfWarning, type LoadOptions } from './loadSummaries.js';
import type { Progress } from './progress.js';
import { readTransactionChunks } from './readTransactionFile.js';
import { reportRejected } from './reportRejected.js';

/** Files from this size on are summarised in two passes without holding their rows (`--low-memory` for any size). */
export const LOW_MEMORY_BYTES = 1 << 30;

/** Rows gathered before a chunk is summarised. */
const CHUNK_ROWS = 1 << 20;

/** A file summarised chunk by chunk. */
export interface StreamedSummary {
  /** The summaries, with the behaviour signals (`activity`). */
  readonly summary: CustomerSummaryColumns;
  /** The second reading's result; its table holds only the last chunk's rows. */
  readonly read: TransactionTextResult;
  /** Rows read (transactions kept). */
  readonly rows: number;
  /** Whether any row carries a cost. */
  readonly hasCost: boolean;
}

/** Why a file is read into memory although low memory was asked or its size calls for it; `null` when it can be streamed. */
export function whyNotStreamed(path: string, model: string, orderIds: string | undefined): string | null {
  if (path === '-') return 'stdin can be read only once';
  if (model === 'best') return "--model best splits the transactions into calibration and holdout";
  if (orderIds === 'lenient') return '--order-ids lenient counts the order-id conflicts over the whole table';
  return null;
}

/** Whether `score` should stream this file: `--low-memory`, or a file of {@link LOW_MEMORY_BYTES} or more. */
export async function wantsLowMemory(path: string, flag: boolean): Promise<boolean> {
  if (flag) return true;
  if (path === '-') return false;
  const info = await stat(path).catch(() => null);
  return info !== null && info.isFile() && info.size >= LOW_MEMORY_BYTES;
}

/**
 * Summarises a transaction file (with the behaviour signals) in two readings, never holding its
 * rows: the first counts each customer's purchase days and checks that her rows are in date
 * order, the second fills the summaries (see {@link ChunkedSummary}); memory grows with customers,
 * not rows. Rejected lines and the reading warnings are reported on stderr, as for a read into
 * memory.
 * @returns The summaries, or `null` when some customer's rows are not in date order, or the file
 *   has no amounts (then it must be read into memory; a note on stderr says why).
 */
export async function streamSummary(path: string, load: LoadOptions, progress: Progress): Promise<StreamedSummary | null> {
  const summary = new ChunkedSummary({ timeUnit: load.timeUnit, periods: load.periods, activity: true, ...(load.asOf !== undefined ? { asOf: load.asOf } : {}) });
  progress.start('reading');
  const half = (pass: number) => (bytes: number, total: number | null) => progress.update(total ? (pass + bytes / total) / 2 : 0);
  const first = await readTransactionChunks(path, load.text, { rows: CHUNK_ROWS, take: (t) => summary.count(t), notes: false }, half(0));
  if (first === null) {
    process.stderr.write(`low memory: transaction ${summary.outOfOrder + 1} is dated before an earlier transaction of the same customer; the file is read into memory instead (sort it by date to stream it)\n`);
    return null;
  }
  if (first.read.amountSource === 'none') return null;
  const second = await readTransactionChunks(
    path,
    load.text,
    {
      rows: CHUNK_ROWS,
      take: (t) => {
        summary.scan(t);
        return true;
      },
      notes: true,
    },
    half(1),
  );
  progress.done();
  if (second === null) throw new Error('streamSummary: the second reading stopped');
  if (second.rows !== first.rows) throw new Error(`the file changed while it was read (${first.rows} transactions, then ${second.rows})`);
  reportRejected(second.read.rejected);
  if (second.rows > 0) process.stderr.write(asOfWarning(summary.latestDay, load.asOf));
  process.stderr.write(`low memory: the file was read twice, holding no rows (${second.rows} transactions)\n`);
  const ids = second.read.table.customerIds;
  return { summary: summary.finish(ids), read: second.read, rows: second.rows, hasCost: summary.hasCost };
}
