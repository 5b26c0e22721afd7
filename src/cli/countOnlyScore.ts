import type { TransactionTextResult } from '../io/TransactionTextReader.js';
import { COUNT_ONLY_NOTE } from '../pipeline/CustomerCountScores.js';
import { scoreCustomerCounts } from '../pipeline/scoreCustomerCounts.js';
import { isoFromDay } from '../time/days.js';
import type { LoadOptions } from './loadSummaries.js';
import { formatSelection, type ModelChoice } from './modelFlags.js';
import type { Progress } from './progress.js';
import { warningLines } from './warningLines.js';
import { openOutput, wroteLine } from './outputTarget.js';
import type { OutputFormat } from './writeTable.js';
import { codedCells, numberCells, writeColumns, type IndexedColumn } from './writeColumns.js';

const STAGE_LABEL = { summarizing: 'summarizing', selecting: 'comparing models', fitting: 'fitting', scoring: 'scoring' } as const;

/**
 * `score` on count-only data (no amount column), through {@link scoreCustomerCounts}: the
 * customer summary's counts and ages, the purchase model's probability alive and expected
 * purchases over the horizon, one row per customer; a note on stderr says what is left out and why.
 */
export async function scoreCountOnly(
  read: TransactionTextResult,
  load: LoadOptions,
  choice: ModelChoice,
  horizon: { amount: number; unit: 'day' | 'week' | 'month' | 'year' },
  format: OutputFormat,
  limit: number | undefined,
  progress: Progress,
  output: string | undefined,
): Promise<void> {
  let stage = '';
  const scores = scoreCustomerCounts(read.table, {
    ...(load.asOf ? { asOf: load.asOf } : {}),
    timeUnit: load.timeUnit,
    periods: load.periods,
    model: choice.model === 'all' ? 'bgnbd' : choice.model,
    ...(choice.calibrationEnd !== undefined ? { calibrationEnd: choice.calibrationEnd } : {}),
    ...choice.fit,
    horizon,
    onProgress: (s, fraction) => {
      if (STAGE_LABEL[s] !== stage) progress.start((stage = STAGE_LABEL[s]));
      progress.update(fraction);
    },
  });
  progress.done();
  if (scores.selection) process.stderr.write(formatSelection(scores.selection, scores.timeUnit));
  const fit = scores.model;
  const { summary: columns, pAlive, expectedPurchases: expected } = scores.columns;
  const params = Object.entries(fit.params).map(([k, v]) => `${k}=${Number((v as number).toPrecision(4))}`).join(', ');
  process.stderr.write(`${read.notes[0]}\n${columns.length} customers as of ${scores.asOf} (${read.table.length} rows; ${scores.excluded.rowsAfterAsOf} rows after as-of left out); model ${fit.model} ${params}\n${COUNT_ONLY_NOTE}\n`);
  process.stderr.write(warningLines(scores.warnings));
  const { btyd, rfm } = columns;
  const iso = (days: Int32Array) => codedCells(days, (i) => isoFromDay(days[i]!));
  const cells: IndexedColumn[] = [
    { name: 'customer_id', cell: (i) => columns.customerIds[i]! },
    { name: 'first_purchase', ...iso(columns.firstDay) },
    { name: 'last_purchase', ...iso(columns.lastDay) },
    { name: 'rfm_recency', ...numberCells(rfm.recency) },
    { name: 'rfm_frequency', ...numberCells(rfm.frequency) },
    { name: 'btyd_frequency', ...numberCells(btyd.frequency) },
    { name: 'btyd_recency', ...numberCells(btyd.recency) },
    { name: 'btyd_T', ...numberCells(btyd.T) },
    { name: 'model', cell: () => fit.model, key: () => 0 },
    { name: 'p_alive', ...numberCells(pAlive) },
    { name: 'expected_purchases', ...numberCells(expected) },
  ];
  const order = Int32Array.from({ length: limit === undefined ? columns.length : Math.min(limit, columns.length) }, (_, i) => i);
  const target = await openOutput(output);
  await writeColumns(cells, order, format, { out: target.out });
  await target.finish();
  progress.done();
  process.stderr.write(wroteLine(order.length, 'customers', target));
}
