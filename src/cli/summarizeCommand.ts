import { calibrationAndHoldout, type CalibrationHoldoutSummary } from '../summary/calibrationAndHoldout.js';
import { summarizeCustomers } from '../summary/summarizeCustomers.js';
import type { CustomerSummary } from '../summary/types.js';
import { oneOf, parseFlags, positiveInt, str, UsageError } from './args.js';
import { READ_BOOLEANS, READ_FLAGS, readTransactionFile, textOptionsFromFlags } from './readTransactionFile.js';
import { reportRejected } from './reportRejected.js';
import { writeRows, type FlatRow } from './writeTable.js';

export const SUMMARIZE_HELP = `loyalty-score summarize <file> [options]

Reads a transaction file (CSV, TSV or whitespace-separated; '-' for stdin) and writes one row
per customer: both summary conventions (RFM and BTYD) and revenue, cost and profit totals.

Columns (a header name or a 1-based position):
  --customer C     customer id column   (default: a column named customer_id/customer/id…, else 1)
  --date C         date column          (default: date/timestamp…, else 2)
  --amount C       amount column        (default: amount/value/revenue…, else 3)
  --cost C         cost column          (default: a column named cost, else none)
  --quantity C, --order C, --promo C, --discount C   optional columns
Reading:
  --delimiter D    auto | comma | tab | semicolon | pipe | whitespace   (default auto)
  --header / --no-header   whether the first line is a header      (default: detected)
  --date-format F  iso or a date-fns format such as yyyyMMdd      (default iso)
  --returns P      net | drop | reject: rows with negative amounts (default net)
  --on-invalid P   throw | collect: fail naming every bad line, or skip them and report them on stderr (default throw)
  --reveal-values  show the offending raw values in error messages (default: kept out, they are personal data)
  --ids M          auto (all-digit ids become numbers: 00042 = 42) | string (default auto)
Summary:
  --as-of DATE     end of observation, yyyy-MM-dd               (default: latest date in the file)
  --time-unit U    day | week | month | year                    (default day)
  --periods M      exact | calendar                             (default exact)
  --calibration-end DATE   also split: calibration summary up to DATE plus holdout up to --as-of
Output:
  --format F       csv | json | ndjson                          (default csv)
  --limit N        write only the first N customers
`;

const COLUMNS = [
  'customer_id', 'first_purchase', 'last_purchase', 'revenue', 'cost', 'profit',
  'rfm_recency', 'rfm_frequency', 'rfm_monetary',
  'btyd_frequency', 'btyd_recency', 'btyd_T', 'btyd_monetary_value',
];
const HOLDOUT_COLUMNS = ['holdout_frequency', 'holdout_monetary_value', 'holdout_duration'];

function flat(s: CustomerSummary): FlatRow {
  return {
    customer_id: s.customerId,
    first_purchase: s.firstPurchase,
    last_purchase: s.lastPurchase,
    revenue: s.revenue,
    cost: s.cost,
    profit: s.profit,
    rfm_recency: s.rfm.recency,
    rfm_frequency: s.rfm.frequency,
    rfm_monetary: s.rfm.monetary,
    btyd_frequency: s.btyd.frequency,
    btyd_recency: s.btyd.recency,
    btyd_T: s.btyd.T,
    btyd_monetary_value: s.btyd.monetaryValue,
  };
}

/** `loyalty-score summarize <file>`. */
export async function summarizeCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(argv, [...READ_FLAGS, 'as-of', 'time-unit', 'periods', 'calibration-end', 'format', 'limit'], [...READ_BOOLEANS]);
  if (positionals.length !== 1) throw new UsageError('summarize takes exactly one file (or - for stdin)');
  const format = oneOf(flags, 'format', ['csv', 'json', 'ndjson'], 'csv');
  const timeUnit = oneOf(flags, 'time-unit', ['day', 'week', 'month', 'year'], 'day');
  const periods = oneOf(flags, 'periods', ['exact', 'calendar'], 'exact');
  const limit = positiveInt(flags, 'limit');
  const asOf = str(flags, 'as-of');
  const calibrationEnd = str(flags, 'calibration-end');

  const read = await readTransactionFile(positionals[0]!, textOptionsFromFlags(flags));
  reportRejected(read.rejected);

  let rows: FlatRow[];
  let columns = COLUMNS;
  if (calibrationEnd !== undefined) {
    const split = calibrationAndHoldout(read.table, { calibrationEnd, ...(asOf ? { observationEnd: asOf } : {}), timeUnit, periods });
    columns = [...COLUMNS, ...HOLDOUT_COLUMNS];
    rows = split.customers.slice(0, limit).map((s: CalibrationHoldoutSummary) => ({
      ...flat(s),
      holdout_frequency: s.holdout.frequency,
      holdout_monetary_value: s.holdout.monetaryValue,
      holdout_duration: s.holdout.duration,
    }));
    process.stderr.write(`${split.customers.length} customers; calibration to ${split.calibrationEnd}, holdout to ${split.observationEnd}; ${split.excluded.customersFirstBuyingInHoldout} first buying in the holdout left out\n`);
  } else {
    const summary = summarizeCustomers(read.table, { ...(asOf ? { asOf } : {}), timeUnit, periods });
    rows = summary.customers.slice(0, limit).map(flat);
    const ex = summary.excluded;
    process.stderr.write(`${summary.customers.length} customers as of ${summary.asOf} (${read.table.length} rows; ${ex.rowsAfterAsOf} rows after as-of left out)\n`);
  }
  await writeRows(rows, columns, format);
}
