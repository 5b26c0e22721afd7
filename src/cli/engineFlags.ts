import type { DuckDbSource, DuckDbSummaryOptions } from '../duckdb/index.js';
import { duckDbSourceColumnTypes } from '../duckdb/sourceColumns.js';
import type { SqlTransactionColumns, SummarySqlOptions } from '../sql/summarySql.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDateFlag, oneOf, str, UsageError, type Flags } from './args.js';

/** Flags of the engine path, shared by `summarize`, `fit` and `score`. */
export const ENGINE_FLAGS = ['engine', 'memory-limit', 'output', 'table', 'connection', 'output-table'] as const;

/** Help text of {@link ENGINE_FLAGS}. */
export const ENGINE_HELP = `Engine (large data: docs/large-data.md):
  --engine E       duckdb: summarise inside an embedded DuckDB (needs npm install @duckdb/node-api);
                   the file is CSV with a header, Parquet (FILE.parquet, globs such as 'lake/*.parquet')
                   or a .duckdb database (with --table). Columns by name (--customer, --date,
                   --amount, --cost, --order; defaults as for files); --date-format iso | yyyyMMdd
                   (default: in process)
  --memory-limit S DuckDB's memory limit, e.g. 2GB; past it DuckDB spills to the system's
                   temporary folder (default: DuckDB's, 80% of memory)
  --output FILE    write the rows to FILE instead of stdout, through a temporary file beside it that
                   is renamed only when the run succeeds; with --engine duckdb FILE.parquet or
                   FILE.csv, which DuckDB writes
  --table NAME     with a .duckdb file: the table (or view) of transactions
  --engine postgres  summarise on a PostgreSQL server (needs npm install pg): no file argument;
                   --table NAME (schema.table) holds the transactions, columns found by name as above
  --connection URL postgres://user@host:port/database (default: pg's PGHOST, PGPORT, PGUSER,
                   PGDATABASE; keep the password in PGPASSWORD or ~/.pgpass, off the command line)
  --output-table T with --engine postgres: summarize and score write their rows to the table T on
                   the server (replaced if it exists) instead of CSV on stdout
`;

/** Reading flags the engine path cannot honour: DuckDB reads the file itself. */
const IN_PROCESS_ONLY = ['price', 'quantity', 'refunded', 'promo', 'discount', 'delimiter', 'time-zone', 'decimal', 'encoding', 'on-invalid', 'ids', 'skip-missing', 'cancelled-prefix', 'header', 'no-header', 'low-memory', 'no-low-memory'];

/** The engine chosen by `--engine`, or `null` (in process); engine-only flags without it are usage errors. */
export function engineFromFlags(flags: Flags): 'duckdb' | 'postgres' | null {
  const engine = str(flags, 'engine') === undefined ? null : oneOf(flags, 'engine', ['duckdb', 'postgres'], 'duckdb');
  if (engine === null) {
    const output = str(flags, 'output');
    if (output !== undefined && /\.parquet$/i.test(output)) throw new UsageError(`--output ${output}: Parquet is written by --engine duckdb (in process the rows are CSV, JSON or NDJSON)`);
    for (const f of ['memory-limit', 'table', 'connection', 'output-table']) if (flags[f] !== undefined) throw new UsageError(`--${f} needs --engine ${f === 'connection' || f === 'output-table' ? 'postgres' : f === 'table' ? 'duckdb or --engine postgres' : 'duckdb'}`);
    return null;
  }
  const reads = engine === 'duckdb' ? 'DuckDB reads the file itself' : 'the server reads the table itself';
  for (const f of IN_PROCESS_ONLY) if (flags[f] !== undefined) throw new UsageError(`--${f} is not used with --engine ${engine} (${reads}; see docs/large-data.md)`);
  const other = engine === 'duckdb' ? ['connection', 'output-table'] : ['memory-limit', 'output'];
  for (const f of other) if (flags[f] !== undefined) throw new UsageError(`--${f} is not used with --engine ${engine}${f === 'output' ? ' (write the rows to a table with --output-table, or read CSV on stdout)' : ''}`);
  return engine;
}

/** The DuckDB source of the file argument: Parquet by extension, a .duckdb database with --table, else CSV. */
export function sourceFromArgument(path: string, flags: Flags): DuckDbSource {
  if (path === '-') throw new UsageError('--engine duckdb reads files, not stdin');
  const table = str(flags, 'table');
  if (/\.(duckdb|db)$/i.test(path)) {
    if (table === undefined) throw new UsageError(`${path} is a DuckDB database: name the table of transactions with --table`);
    return { database: path, table };
  }
  if (table !== undefined) throw new UsageError('--table applies to a .duckdb database file');
  return /\.parquet$/i.test(path) ? { parquet: path } : { csv: path };
}

/** Header names the in-process reader also recognises, normalised (lower case, no spaces or _). */
const CANDIDATES: Readonly<Record<'customerId' | 'date' | 'amount' | 'cost', readonly string[]>> = {
  customerId: ['customerid', 'customer', 'clientid', 'client', 'userid', 'user', 'email', 'id'],
  date: ['date', 'invoicedate', 'orderdate', 'purchasedate', 'createdat', 'timestamp', 'datetime', 'time'],
  amount: ['amount', 'total', 'revenue', 'sales', 'value', 'spend'],
  cost: ['cost'],
};
const FLAG_OF = { customerId: 'customer', date: 'date', amount: 'amount', cost: 'cost' } as const;
const norm = (name: string): string => name.toLowerCase().replace(/[\s_]/g, '');

/** The source's columns named by flags (a name or a 1-based position) or found by the usual header names. */
export function columnsFromFlags(names: readonly string[], flags: Flags): SqlTransactionColumns {
  const pick = (key: keyof typeof CANDIDATES, required: boolean): string | undefined => {
    const given = str(flags, FLAG_OF[key]);
    if (given !== undefined) {
      if (/^\d+$/.test(given)) {
        const at = names[Number(given) - 1];
        if (at === undefined) throw new UsageError(`--${FLAG_OF[key]} ${given}: the source has ${names.length} columns`);
        return at;
      }
      const found = names.find((n) => norm(n) === norm(given));
      if (found === undefined) throw new UsageError(`--${FLAG_OF[key]} ${given}: no such column (the source has ${names.join(', ')})`);
      return found;
    }
    for (const c of CANDIDATES[key]) {
      const found = names.find((n) => norm(n) === c);
      if (found !== undefined) return found;
    }
    if (required) throw new UsageError(`no ${FLAG_OF[key]} column found among ${names.join(', ')}: name it with --${FLAG_OF[key]}`);
    return undefined;
  };
  const order = str(flags, 'order');
  const cost = pick('cost', false);
  return {
    customerId: pick('customerId', true)!,
    date: pick('date', true)!,
    amount: pick('amount', true)!,
    ...(cost !== undefined ? { cost } : {}),
    ...(order !== undefined ? { orderId: order } : {}),
  };
}

/** The summary options of the engine path from flags (columns looked up in the source; a DATE or TIMESTAMP date column read as a date). */
export async function engineSummaryOptions(source: DuckDbSource, flags: Flags, defaultUnit: 'day' | 'week'): Promise<DuckDbSummaryOptions> {
  const memoryLimit = str(flags, 'memory-limit');
  const found = await duckDbSourceColumnTypes(source, memoryLimit === undefined ? {} : { memoryLimit });
  const columns = columnsFromFlags(found.map((c) => c.name), flags);
  // A typed date needs no text round trip (which costs minutes on 100M rows).
  const dateType = found.find((c) => c.name === columns.date)?.type ?? '';
  const dateFormat = str(flags, 'date-format') === undefined && /^(DATE|TIMESTAMP)/.test(dateType) ? 'date' : oneOf(flags, 'date-format', ['iso', 'yyyyMMdd'], 'iso');
  return {
    columns,
    dateFormat,
    ...unitFlags(flags, defaultUnit),
    ...(memoryLimit !== undefined ? { memoryLimit } : {}),
    // Spill files past the memory limit go to the system's temporary folder, not to ./.tmp
    // (DuckDB's default for an in-memory database); DuckDB removes them when it closes.
    tempDirectory: join(tmpdir(), 'loyalty-score-duckdb'),
  };
}

/** The summary's time unit, periods, returns policy and as-of date from flags. */
function unitFlags(flags: Flags, defaultUnit: 'day' | 'week') {
  const asOf = isoDateFlag(flags, 'as-of');
  return {
    timeUnit: oneOf(flags, 'time-unit', ['day', 'week', 'month', 'year'], defaultUnit),
    periods: oneOf(flags, 'periods', ['exact', 'calendar'], 'exact'),
    returns: oneOf(flags, 'returns', ['net', 'drop', 'reject'], 'net'),
    ...(asOf !== undefined ? { asOf } : {}),
  };
}

/** PostgreSQL's type OIDs of dates and timestamps: such a column needs no parsing. */
const DATE_TYPES = new Set([1082, 1114, 1184]);

/**
 * The summary options of `--engine postgres` from flags: columns found among the table's (by
 * name or position), the date read as a date when the column is a DATE or TIMESTAMP, else as
 * --date-format says (default iso text).
 */
export function postgresSummaryOptions(fields: readonly { readonly name: string; readonly dataTypeID: number }[], flags: Flags, defaultUnit: 'day' | 'week'): Omit<SummarySqlOptions, 'dialect' | 'source'> {
  const columns = columnsFromFlags(fields.map((f) => f.name), flags);
  const dateType = fields.find((f) => f.name === columns.date)?.dataTypeID;
  const given = str(flags, 'date-format');
  const dateFormat = given === undefined && dateType !== undefined && DATE_TYPES.has(dateType) ? 'date' : oneOf(flags, 'date-format', ['iso', 'yyyyMMdd'], 'iso');
  return {
    columns,
    dateFormat,
    ...unitFlags(flags, defaultUnit),
  };
}
