import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import { TransactionTextReader, type TransactionTextOptions, type TransactionTextResult } from '../io/TransactionTextReader.js';
import type { ColumnMap } from '../io/columnMapping.js';
import type { Delimiter } from '../io/splitFields.js';
import type { TransactionTable } from '../transactions/types.js';
import { oneOf, str, UsageError, type Flags } from './args.js';

/** Flags that describe how to read a transaction file. */
export const READ_FLAGS = [
  'customer', 'date', 'amount', 'price', 'quantity', 'refunded', 'cost', 'order', 'promo', 'discount',
  'delimiter', 'date-format', 'time-zone', 'decimal', 'encoding', 'returns', 'on-invalid', 'ids', 'skip-missing', 'cancelled-prefix',
] as const;
export const READ_BOOLEANS = ['header', 'no-header', 'reveal-values'] as const;

/** Help text of the column and reading flags, shared by every command that reads a file. */
export const READ_FLAGS_HELP = `Columns (a header name or a 1-based position; names match ignoring case, spaces and _):
  --customer C     customer id column   (default: customer_id/customerid/customer/client_id/email/user_id…, bare id last; else 1)
  --date C         date column          (default: date/invoicedate/created at/order_date/timestamp…, else 2)
  --amount C       amount column        (default: amount/total/revenue/sales/value…, else 3;
                   without one, quantity x price, and with no price either the data is count-only)
  --price C        unit price column: amount = quantity x price when there is no amount column
                   (default: unitprice/price/unit_price if present, else none)
  --quantity C     quantity column      (default: quantity/qty if present, else none)
  --refunded C     amount refunded, subtracted from the row's amount (default: refunded amount/refunded if present, else none)
  --cost C         cost column          (default: a column named cost, else none)
  --order C, --promo C, --discount C   optional columns
Reading:
  --delimiter D    auto | comma | tab | semicolon | pipe | whitespace   (default auto)
  --header / --no-header   whether the first line is a header      (default: detected)
  --date-format F  iso, auto or a date-fns format such as yyyyMMdd, M/d/yyyy H:mm, t (epoch s) (default iso)
  --time-zone Z    IANA zone: date-times are instants, dated on Z's calendar (default: dates as written)
  --decimal S      point | comma | auto: decimal separator of numbers (default point)
  --encoding E     utf-8 | latin1 | windows-1252 | utf-16le (default utf-8; a byte-order mark is detected)
  --returns P      net | drop | reject: rows with negative amounts (default net)
  --cancelled-prefix X   order ids starting with X are cancellations, read as returns (default: none)
  --skip-missing F skip rows whose fields F (comma-separated: customer,date,amount,…) are blank,
                   counted on stderr (default: none)
  --on-invalid P   throw | collect: fail naming every bad line, or skip them and report them on stderr (default throw)
  --reveal-values  show the offending raw values in error messages (default: kept out, they are personal data)
  --ids M          auto (all-digit ids become numbers: 00042 = 42 = 42.0) | string (default auto)
`;

const COLUMN_FLAGS = ['customer', 'date', 'amount', 'price', 'quantity', 'refunded', 'cost', 'order', 'promo', 'discount'] as const;

/** Reading options from flags. */
export function textOptionsFromFlags(flags: Flags): TransactionTextOptions {
  const columns: ColumnMap = {};
  for (const f of COLUMN_FLAGS) {
    const v = str(flags, f);
    if (v !== undefined) columns[f] = /^\d+$/.test(v) ? Number(v) : v;
  }
  if (columns.price !== undefined && columns.quantity === undefined && columns.amount === undefined) throw new UsageError('--price needs --quantity (amount = quantity x price)');
  const d = str(flags, 'delimiter');
  const delimiters: Record<string, Delimiter | 'auto'> = { auto: 'auto', ',': ',', comma: ',', tab: '\t', '\t': '\t', ';': ';', semicolon: ';', '|': '|', pipe: '|', whitespace: 'whitespace', space: 'whitespace' };
  if (d !== undefined && delimiters[d] === undefined) throw new UsageError(`--delimiter must be one of auto, comma, tab, semicolon, pipe, whitespace (got ${d})`);
  if (flags.header && flags['no-header']) throw new UsageError('--header and --no-header exclude each other');
  const skip = str(flags, 'skip-missing');
  const skipMissing = skip === undefined ? [] : skip.split(',').map((x) => x.trim());
  for (const f of skipMissing) if (!(COLUMN_FLAGS as readonly string[]).includes(f)) throw new UsageError(`--skip-missing takes fields among ${COLUMN_FLAGS.join(', ')} (got ${f})`);
  const timeZone = str(flags, 'time-zone');
  const prefix = str(flags, 'cancelled-prefix');
  const opts: TransactionTextOptions = {
    columns,
    delimiter: d === undefined ? 'auto' : delimiters[d]!,
    header: flags.header ? true : flags['no-header'] ? false : 'auto',
    dateFormat: str(flags, 'date-format') ?? 'iso',
    ...(timeZone !== undefined ? { timeZone } : {}),
    decimal: oneOf(flags, 'decimal', ['point', 'comma', 'auto'], 'point'),
    encoding: oneOf(flags, 'encoding', ['utf-8', 'latin1', 'windows-1252', 'utf-16le'], 'utf-8'),
    returns: oneOf(flags, 'returns', ['net', 'drop', 'reject'], 'net'),
    onInvalid: oneOf(flags, 'on-invalid', ['throw', 'collect'], 'throw'),
    ids: oneOf(flags, 'ids', ['auto', 'string'], 'auto'),
    skipMissing: skipMissing as NonNullable<TransactionTextOptions['skipMissing']>,
    ...(prefix !== undefined ? { cancelledPrefix: prefix } : {}),
    revealValues: flags['reveal-values'] === true,
  };
  return opts;
}

/** What {@link readTransactionFile} reports while reading: bytes read and the file size (null for stdin). */
export type ReadProgress = (bytesRead: number, totalBytes: number | null) => void;

/**
 * Streams a file (or stdin for `-`) through a {@link TransactionTextReader}. Invalid data is
 * rethrown as an {@link InvalidInputError} whose message starts with the file name, then the
 * reader's `line N, column C (field)`. A file that is empty (0 bytes), holds only a header or
 * blank lines, or is binary is an {@link InvalidInputError} too (exit 1); a file that cannot be
 * read (missing, a directory, no permission) an error with the file's name and what is wrong,
 * carrying the system's code for the exit status 3, never a raw `ENOENT` in the message.
 */
export async function readTransactionFile(path: string, options: TransactionTextOptions, onProgress?: ReadProgress): Promise<TransactionTextResult> {
  return (await readFile(path, options, onProgress, null, true))!.read;
}

/** How {@link readTransactionChunks} hands rows on. */
export interface ChunkSink {
  /** Rows to gather before a chunk is handed on. */
  readonly rows: number;
  /** Takes a chunk; `false` stops the reading. */
  readonly take: (chunk: TransactionTable) => boolean;
  /** Print the reader's notes on stderr at the end, as {@link readTransactionFile} does. */
  readonly notes: boolean;
}

/**
 * {@link readTransactionFile} handing the rows on in chunks of about `sink.rows` (the last one is
 * the table of the result), so that they need not be held all at once. Checks and errors are
 * those of {@link readTransactionFile}.
 * @returns The reading's result (its table: the last chunk, already taken) and the number of rows
 *   read; `null` when `take` stopped the reading.
 */
export async function readTransactionChunks(path: string, options: TransactionTextOptions, sink: ChunkSink, onProgress?: ReadProgress): Promise<{ read: TransactionTextResult; rows: number } | null> {
  return readFile(path, options, onProgress, sink, sink.notes);
}

async function readFile(path: string, options: TransactionTextOptions, onProgress: ReadProgress | undefined, sink: ChunkSink | null, printNotes: boolean): Promise<{ read: TransactionTextResult; rows: number } | null> {
  const reader = new TransactionTextReader(options);
  let total: number | null = null;
  if (path !== '-') {
    const info = await stat(path).catch((e: unknown) => {
      throw unreadable(path, e);
    });
    if (info.isDirectory()) throw unreadable(path, { code: 'EISDIR' });
    total = info.size;
  }
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let taken = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buf.length;
      reader.push(buf);
      onProgress?.(bytes, total);
      if (sink !== null && reader.rowsHeld >= sink.rows) {
        const rows = reader.takeRows();
        if (rows !== null) {
          taken += rows.length;
          if (!sink.take(rows)) {
            (stream as { destroy?: () => void }).destroy?.();
            return null;
          }
        }
      }
    }
    if (bytes === 0) noTransactions('the file is empty (0 bytes; expected a header line and lines of transactions)');
    const read = reader.finish();
    const rows = taken + read.table.length;
    if (rows === 0 && read.rejected.length === 0 && read.skipped === 0 && read.returnsDropped === 0) {
      noTransactions(read.header ? 'only a header line, no transactions (expected lines of transactions after the header)' : 'no transactions: every line is blank');
    }
    if (sink !== null && !sink.take(read.table)) return null;
    // The reader's notes but the column line (which `score` prints): detected decimal
    // separator and date format, a byte-order mark, merged ids, skipped and cancelled rows.
    if (printNotes) for (const note of read.notes) if (!note.startsWith('columns: ')) process.stderr.write(`${note}\n`);
    return { read, rows };
  } catch (e) {
    if (e instanceof InvalidInputError) throw new InvalidInputError(e.issues, fileLabel(path));
    if (typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall !== undefined) throw unreadable(path, e);
    throw e;
  }
}

function noTransactions(message: string): never {
  throw new InvalidInputError([{ code: 'no_transactions', path: [], message }]);
}

/** What the system's error code means for a file the command was given. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: 'no such file (check the path)',
  ENOTDIR: 'no such file (a folder on the path is a file)',
  EACCES: 'permission denied (the file cannot be opened for reading)',
  EPERM: 'permission denied (the file cannot be opened for reading)',
  EISDIR: 'a directory, not a file (expected a transaction file such as orders.csv)',
  ELOOP: 'too many symbolic links on the path',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  EIO: 'an input/output error while reading (a failing disk or network drive)',
};

/**
 * An error for a file that cannot be read, naming it and what is wrong in words. Its `code` is
 * one the command line maps to exit 3 (ENOENT, EACCES or EISDIR), so that no raw system message
 * or stack reaches the user.
 */
function unreadable(path: string, e: unknown): Error {
  const code = String((e as NodeJS.ErrnoException).code ?? '');
  const error = new Error(`${fileLabel(path)}: ${UNREADABLE[code] ?? `cannot be read (system error ${code || 'unknown'})`}`) as NodeJS.ErrnoException;
  error.code = code === 'ENOENT' || code === 'ENOTDIR' ? 'ENOENT' : code === 'EISDIR' ? 'EISDIR' : 'EACCES';
  return error;
}

/**
 * Refuses count-only data (no amount column, no price) for a command that needs amounts, with
 * the columns the reader found and how to name the amount.
 */
export function requireAmounts(read: TransactionTextResult, path: string, what: string): void {
  if (read.amountSource !== 'none') return;
  throw new InvalidInputError(
    [{ code: 'missing_column', path: ['amount'], message: `no amount column (expected one of amount, total, revenue, sales, value, or --price with --quantity, or name it with --amount); ${what}` }],
    fileLabel(path),
  );
}

/** How messages name a file: its path as given, or `<stdin>`. */
export function fileLabel(path: string): string {
  return path === '-' ? '<stdin>' : path;
}
