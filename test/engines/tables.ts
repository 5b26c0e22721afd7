// The transaction tables every engine test loads: CDNOW master and sample (dates yyyyMMdd), the
// example data (with cost), and the example data with returns added, all parsed by the library
// so that each engine and the JS path read the very same records. `writeCsv` writes one in the
// canonical columns customer_id, date (yyyy-MM-dd), amount[, cost] for engines that load files.
import { writeFileSync } from 'node:fs';
import { parseTransactions, type TransactionTable } from '../../src/index.js';
import { isoFromDay } from '../../src/time/days.js';
import { cdnowMasterRows, cdnowSampleRows } from '../helpers/sharedData.js';
import { exampleRows } from '../sql/exampleData.js';

/**
 * The example data plus returns: every 23rd purchase is returned in part (a negative amount and
 * cost of 40 % of it) 3 days later, so returns land on purchase days, on other days and after the
 * last purchase.
 */
function exampleWithReturns(): { customerId: string; date: string; amount: number; cost: number }[] {
  const rows = exampleRows();
  const out = [...rows];
  for (let i = 0; i < rows.length; i += 23) {
    const r = rows[i]!;
    const day = isoFromDay(Math.round(Date.parse(r.date) / 86_400_000) + 3);
    out.push({ customerId: r.customerId, date: day, amount: -Math.round(r.amount * 40) / 100, cost: -Math.round(r.cost * 40) / 100 });
  }
  return out;
}

export interface EngineTable {
  /** Table or view name in the engine. */
  readonly name: string;
  readonly table: TransactionTable;
}

/** The four tables, parsed once. */
export function engineTables(): Record<'cdnow_sample' | 'cdnow_master' | 'example' | 'example_returns', EngineTable> {
  return {
    cdnow_sample: { name: 'cdnow_sample', table: parseTransactions(cdnowSampleRows(), { dateFormat: 'yyyyMMdd' }).table },
    cdnow_master: { name: 'cdnow_master', table: parseTransactions(cdnowMasterRows(), { dateFormat: 'yyyyMMdd' }).table },
    example: { name: 'example', table: parseTransactions(exampleRows()).table },
    example_returns: { name: 'example_returns', table: parseTransactions(exampleWithReturns(), { returns: 'net' }).table },
  };
}

/** Writes a table as CSV: customer_id, date (yyyy-MM-dd), amount[, cost]; numbers round-trip exactly. */
export function writeCsv(table: TransactionTable, path: string): void {
  const hasCost = table.cost !== null;
  const lines = [hasCost ? 'customer_id,date,amount,cost' : 'customer_id,date,amount'];
  for (let i = 0; i < table.length; i++) {
    const id = String(table.customerIds[table.customer[i]!]);
    const cost = hasCost ? `,${Number.isNaN(table.cost![i]!) ? '' : String(table.cost![i])}` : '';
    lines.push(`${id},${isoFromDay(table.day[i]!)},${String(table.amount[i])}${cost}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
