import { invalidOption } from '../errors/InvalidInputError.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';
import { ISO_DATE_FORMAT } from '../time/compileDateFormat.js';
import { ZoneDays } from '../time/readDateText.js';
import type { InvalidRowPolicy, ReturnsPolicy, RowCheckOptions } from '../transactions/options.js';
import { resolveRowPolicies } from '../transactions/resolveRowPolicies.js';
import type { RowChecks } from '../transactions/rowChecks.js';
import { FIELDS, type ColumnMap, type Field } from './columnMapping.js';
import type { Delimiter } from './splitFields.js';
import { encodeUtf8, type TextEncoding } from './utf8.js';

/**
 * Options of {@link TransactionTextReader}, with the rules every row meets ({@link RowCheckOptions}:
 * `dateRange`, `negativeCost`, `orderIds`). An unknown key is an {@link InvalidInputError} naming
 * the nearest valid one, in `columns` too.
 */
export interface TransactionTextOptions extends RowCheckOptions {
  /** Field delimiter; `'auto'` guesses from the first line (tab, comma, semicolon, pipe, else whitespace). @defaultValue `'auto'` */
  delimiter?: Delimiter | 'auto';
  /**
   * Whether the first line is a header. `'auto'`: yes when a column is named, or when the first
   * line's amount field is not a number. @defaultValue `'auto'`
   */
  header?: boolean | 'auto';
  /** Which column holds which field, by header name or 1-based position. @defaultValue see {@link ColumnMap} */
  columns?: ColumnMap;
  /**
   * Date format of the date column: `'iso'`, a date-fns format (`'yyyyMMdd'`, `'M/d/yyyy H:mm'`,
   * `'yyyy-MM-dd HH:mm:ss xx'`, `'t'` epoch seconds, `'T'` epoch milliseconds), or `'auto'`: the
   * first date's shape chooses among {@link AUTO_DATE_FORMATS} (the choice is in `notes`), and
   * `3/4/2024`-style dates that no day above 12 decides are an error. Dates are read on the
   * calendar written, whatever the process time zone; an offset in the text is ignored unless
   * `timeZone` is set. @defaultValue `'iso'`
   */
  dateFormat?: string;
  /**
   * An IANA time zone (`'Europe/Berlin'`): date-times are taken as instants (at the offset
   * written, else UTC) and dated on that zone's calendar; epoch dates too. Dates without a time
   * stay as written. @defaultValue none: every date as written
   */
  timeZone?: string;
  /**
   * Customer ids: `'auto'` reads ids made only of digits (up to 15) as numbers, so `00042`,
   * `42` and `42.0` (as pandas writes a float column) are the same customer 42, and keeps
   * everything else as strings; `idsMerged` counts the ids read from more than one written
   * form. `'string'` keeps every id exactly as written. @defaultValue `'auto'`
   */
  ids?: 'auto' | 'string';
  /**
   * Decimal separator of numbers: `'point'` (`1234.5`, `1,234.50`), `'comma'` (`1234,5`,
   * `1.234,50`), or `'auto'`: comma when the delimiter is not a comma and the first number with a
   * separator has a comma as its last one, else point (the choice is in `notes`). Thousands
   * separators are read in groups of three only. @defaultValue `'point'`
   */
  decimal?: 'point' | 'comma' | 'auto';
  /**
   * Text encoding of byte chunks: `'utf-8'`, `'latin1'` (read as `windows-1252`, as the WHATWG
   * encoding standard maps it), `'windows-1252'` or `'utf-16le'`. A UTF-8 or UTF-16 byte-order
   * mark is detected whatever this says. Invalid UTF-8 is an error naming the byte offset.
   * @defaultValue `'utf-8'`
   */
  encoding?: TextEncoding;
  /**
   * Fields whose blank value skips the row (counted in `skipped`), e.g. `['customer']` for
   * exports that list an order's line items under its first row. Other bad rows still fail or
   * are collected. @defaultValue `[]`
   */
  skipMissing?: readonly Field[];
  /**
   * Order ids starting with this text (`'C'` in the Online Retail data) are cancellations: their
   * rows are returns (negative amounts) even when the quantity has no minus sign. Needs an order
   * column. @defaultValue none
   */
  cancelledPrefix?: string;
  /** As in {@link ParseTransactionsOptions.onInvalid}. @defaultValue `'throw'` */
  onInvalid?: InvalidRowPolicy;
  /** As in {@link ParseTransactionsOptions.returns}. @defaultValue `'net'` */
  returns?: ReturnsPolicy;
  /** Show raw values in issue messages. @defaultValue `false` */
  revealValues?: boolean;
}

/** The option names of {@link TransactionTextOptions}. @internal */
export const TEXT_READER_OPTION_KEYS: KeyList<TransactionTextOptions> = {
  delimiter: true,
  header: true,
  columns: true,
  dateFormat: true,
  timeZone: true,
  ids: true,
  decimal: true,
  encoding: true,
  skipMissing: true,
  cancelledPrefix: true,
  onInvalid: true,
  returns: true,
  revealValues: true,
  dateRange: true,
  negativeCost: true,
  orderIds: true,
};

/** The field names of {@link ColumnMap}. @internal */
export const COLUMN_MAP_KEYS: KeyList<ColumnMap> = { customer: true, date: true, amount: true, price: true, quantity: true, refunded: true, cost: true, order: true, promo: true, discount: true };

/** The reader's options checked and resolved to the values it works with. @internal */
export interface ReaderSettings {
  /** The delimiter, or null under `'auto'` until the first line decides. */
  readonly delimiter: Delimiter | null;
  readonly header: boolean | 'auto';
  readonly columns: ColumnMap;
  /** The date format as given (`'auto'` included). */
  readonly dateFormat: string;
  /** The time zone dates are converted to, or null: dates as written. */
  readonly zone: ZoneDays | null;
  /** How dates must be written, for messages. */
  readonly expectedDate: string;
  readonly onInvalid: InvalidRowPolicy;
  readonly returns: ReturnsPolicy;
  readonly numericIds: boolean;
  /** Decimal separator byte: 46 `.`, 44 `,`; 0 under `'auto'`. */
  readonly decimal: 0 | 44 | 46;
  readonly decimalAuto: boolean;
  readonly skipMissing: readonly Field[];
  /** The UTF-8 bytes of the cancelled-order prefix, or null. */
  readonly cancelledPrefix: Uint8Array | null;
  readonly encoding: TextEncoding;
  readonly revealValues: boolean;
  /** The row rules, for the table builder. */
  readonly checks: RowChecks;
}

/**
 * Checks the options of the text reader (each bad value an {@link InvalidInputError} naming the
 * option and what it accepts) and resolves their defaults.
 * @internal
 */
export function resolveReaderOptions(options: TransactionTextOptions): ReaderSettings {
  if (options === null || typeof options !== 'object') invalidOption('options', 'expected an object of reading options');
  rejectUnknownKeys(options, TEXT_READER_OPTION_KEYS, 'options', 'TransactionTextReader');
  rejectUnknownKeys(options.columns, COLUMN_MAP_KEYS, 'columns', 'TransactionTextReader');
  const d = options.delimiter ?? 'auto';
  if (d !== 'auto' && d !== ',' && d !== '\t' && d !== ';' && d !== '|' && d !== 'whitespace') {
    invalidOption('delimiter', "expected 'auto', ',', '\\t', ';', '|' or 'whitespace'");
  }
  const format = options.dateFormat ?? ISO_DATE_FORMAT;
  const policies = resolveRowPolicies({ ...options, dateFormat: format === 'auto' ? ISO_DATE_FORMAT : format });
  let zone: ZoneDays | null = null;
  if (options.timeZone !== undefined) {
    try {
      zone = new ZoneDays(options.timeZone);
    } catch {
      invalidOption('timeZone', "not a time zone this runtime knows (expected an IANA name such as 'Europe/Berlin' or 'UTC')");
    }
  }
  const ids = options.ids ?? 'auto';
  if (ids !== 'auto' && ids !== 'string') invalidOption('ids', "expected 'auto' or 'string'");
  const decimal = options.decimal ?? 'point';
  if (decimal !== 'point' && decimal !== 'comma' && decimal !== 'auto') invalidOption('decimal', "expected 'point', 'comma' or 'auto'");
  const skip = options.skipMissing ?? [];
  if (!Array.isArray(skip) || skip.some((f) => !(FIELDS as readonly string[]).includes(f))) invalidOption('skipMissing', `expected a list of fields among ${FIELDS.join(', ')}`);
  const prefix = options.cancelledPrefix;
  if (prefix !== undefined && (typeof prefix !== 'string' || prefix.trim() === '')) invalidOption('cancelledPrefix', 'expected a non-empty text such as "C"');
  return {
    delimiter: d === 'auto' ? null : d,
    header: options.header ?? 'auto',
    columns: options.columns ?? {},
    dateFormat: format,
    zone,
    expectedDate: format === 'auto' ? 'a date in the detected format' : policies.expectedDate,
    onInvalid: policies.onInvalid,
    returns: policies.returns,
    numericIds: ids === 'auto',
    decimal: decimal === 'point' ? 46 : decimal === 'comma' ? 44 : 0,
    decimalAuto: decimal === 'auto',
    skipMissing: skip,
    cancelledPrefix: prefix === undefined ? null : encodeUtf8(prefix.trim()),
    encoding: options.encoding ?? 'utf-8',
    revealValues: options.revealValues === true,
    checks: policies.checks,
  };
}
