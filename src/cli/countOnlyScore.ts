import type { TransactionTextResult } from '../io/TransactionTextReader.js';
import { summarizeCustomerColumns } from '../summary/summarizeCustomers.js';
import { addMonthsToDay, isoFromDay } from '../time/days.js';
import { durationBetween } from '../time/duration.js';
import { toEpochDay } from '../time/toEpochDay.js';
import type { LoadOptions } from './loadSummaries.js';
import { fitChosenModels, type ModelChoice } from './modelFlags.js';
import type { Progress } from './progress.js';
import { warningLines } from './warningLines.js';
import { writeColumns, type IndexedColumn, type OutputFormat } from './writeTable.js';

/** The note `score` prints for count-only data. */
export const COUNT_ONLY_NOTE = 'count-only data (no amount column): the purchase model only; revenue, RFM monetary, tiers, loyalty types, spend and lifetime value need amounts and are left out';

/**
 * `score` on count-only data (no amount column): the customer summary's counts and ages, the
 * purchase model's probability alive and expected purchases over the horizon, one row per
 * customer; a note on stderr says what is left out and why.
 */
export async function scoreCountOnly(
  read: TransactionTextResult,
  load: LoadOptions,
  choice: ModelChoice,
  horizon: { amount: number; unit: 'day' | 'week' | 'month' | 'year' },
  format: OutputFormat,
  limit: number | undefined,
  progress: Progress,
): Promise<void> {
  progress.start('summarizing');
  const summary = summarizeCustomerColumns(read.table, { ...(load.asOf ? { asOf: load.asOf } : {}), timeUnit: load.timeUnit, periods: load.periods });
  const { columns } = summary;
  const model = choice.model === 'all' ? 'bgnbd' : choice.model;
  const { fits } = fitChosenModels({ ...choice, model }, { table: read.table, btyd: columns.btyd, asOf: summary.asOf, timeUnit: summary.timeUnit, periods: summary.periods, progress });
  const fit = fits[0]!;
  const asOf = toEpochDay(summary.asOf, 'asOf');
  // The horizon in the model's time unit (spans are whole numbers of days, weeks, months or years).
  const end = horizon.unit === 'day' ? asOf + horizon.amount : horizon.unit === 'week' ? asOf + 7 * horizon.amount : addMonthsToDay(asOf, horizon.amount * (horizon.unit === 'year' ? 12 : 1));
  const t = durationBetween(asOf, end, summary.timeUnit);
  const pAlive = fit.probabilityAliveMany(columns.btyd);
  const expected = fit.expectedPurchasesMany(t, columns.btyd);
  progress.done();
  const params = Object.entries(fit.params).map(([k, v]) => `${k}=${Number((v as number).toPrecision(4))}`).join(', ');
  process.stderr.write(`${read.notes[0]}\n${columns.length} customers as of ${summary.asOf} (${read.table.length} rows; ${summary.excluded.rowsAfterAsOf} rows after as-of left out); model ${fit.model} ${params}\n${COUNT_ONLY_NOTE}\n`);
  process.stderr.write(warningLines(fit.warnings.map((w) => ({ ...w, model: fit.model }))));
  const { btyd, rfm } = columns;
  const cells: IndexedColumn[] = [
    { name: 'customer_id', cell: (i) => columns.customerIds[i]! },
    { name: 'first_purchase', cell: (i) => isoFromDay(columns.firstDay[i]!) },
    { name: 'last_purchase', cell: (i) => isoFromDay(columns.lastDay[i]!) },
    { name: 'rfm_recency', cell: (i) => rfm.recency[i]! },
    { name: 'rfm_frequency', cell: (i) => rfm.frequency[i]! },
    { name: 'btyd_frequency', cell: (i) => btyd.frequency[i]! },
    { name: 'btyd_recency', cell: (i) => btyd.recency[i]! },
    { name: 'btyd_T', cell: (i) => btyd.T[i]! },
    { name: 'model', cell: () => fit.model },
    { name: 'p_alive', cell: (i) => pAlive[i]! },
    { name: 'expected_purchases', cell: (i) => expected[i]! },
  ];
  const order = Int32Array.from({ length: limit === undefined ? columns.length : Math.min(limit, columns.length) }, (_, i) => i);
  await writeColumns(cells, order, format);
}
