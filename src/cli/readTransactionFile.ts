import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import { TransactionTextReader, type TransactionTextOptions, type TransactionTextResult } from '../io/TransactionTextReader.js';
import type { ColumnMap } from '../io/columnMapping.js';
import type { Delimiter } from '../io/splitFields.js';
import { oneOf, str, UsageError, type Flags } from './args.js';

/** Flags that describe how to read a transaction file. */
export const READ_FLAGS = ['customer', 'date', 'amount', 'cost', 'quantity', 'order', 'promo', 'discount', 'delimiter', 'date-format', 'returns', 'on-invalid', 'ids'] as const;
export const READ_BOOLEANS = ['header', 'no-header', 'reveal-values'] as const;

/** Help text of the column and reading flags, shared by every command that reads a file. */
export const READ_FLAGS_HELP = `Columns (a header name or a 1-based position):
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
`;

/** Reading options from flags. */
export function textOptionsFromFlags(flags: Flags): TransactionTextOptions {
  const columns: ColumnMap = {};
  for (const f of ['customer', 'date', 'amount', 'cost', 'quantity', 'order', 'promo', 'discount'] as const) {
    const v = str(flags, f);
    if (v !== undefined) columns[f] = /^\d+$/.test(v) ? Number(v) : v;
  }
  const d = str(flags, 'delimiter');
  const delimiters: Record<string, Delimiter | 'auto'> = { auto: 'auto', ',': ',', comma: ',', tab: '\t', '\t': '\t', ';': ';', semicolon: ';', '|': '|', pipe: '|', whitespace: 'whitespace', space: 'whitespace' };
  if (d !== undefined && delimiters[d] === undefined) throw new UsageError(`--delimiter must be one of auto, comma, tab, semicolon, pipe, whitespace (got ${d})`);
  if (flags.header && flags['no-header']) throw new UsageError('--header and --no-header exclude each other');
  const opts: TransactionTextOptions = {
    columns,
    delimiter: d === undefined ? 'auto' : delimiters[d]!,
    header: flags.header ? true : flags['no-header'] ? false : 'auto',
    dateFormat: str(flags, 'date-format') ?? 'iso',
    returns: oneOf(flags, 'returns', ['net', 'drop', 'reject'], 'net'),
    onInvalid: oneOf(flags, 'on-invalid', ['throw', 'collect'], 'throw'),
    ids: oneOf(flags, 'ids', ['auto', 'string'], 'auto'),
    revealValues: flags['reveal-values'] === true,
  };
  return opts;
}

/** What {@link readTransactionFile} reports while reading: bytes read and the file size (null for stdin). */
export type ReadProgress = (bytesRead: number, totalBytes: number | null) => void;

/**
 * Streams a file (or stdin for `-`) through a {@link TransactionTextReader}. Invalid data is
 * rethrown as an {@link InvalidInputError} whose message starts with the file name, then the
 * reader's `line N, column C (field)`.
 */
export async function readTransactionFile(path: string, options: TransactionTextOptions, onProgress?: ReadProgress): Promise<TransactionTextResult> {
  const reader = new TransactionTextReader(options);
  const total = path === '-' ? null : (await stat(path)).size;
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buf.length;
      reader.push(buf);
      onProgress?.(bytes, total);
    }
    return reader.finish();
  } catch (e) {
    if (e instanceof InvalidInputError) throw new InvalidInputError(e.issues, fileLabel(path));
    throw e;
  }
}

/** How messages name a file: its path as given, or `<stdin>`. */
export function fileLabel(path: string): string {
  return path === '-' ? '<stdin>' : path;
}
