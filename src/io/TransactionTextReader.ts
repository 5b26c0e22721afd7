import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { ISO_DATE_FORMAT } from '../time/compileDateFormat.js';
import { resolveRowPolicies } from '../transactions/resolveRowPolicies.js';
import type { InvalidRowPolicy, ReturnsPolicy } from '../transactions/options.js';
import { TransactionTableBuilder } from '../transactions/TransactionTableBuilder.js';
import type { TransactionTable } from '../transactions/types.js';
import { ZoneDays } from '../time/readDateText.js';
import { ByteIdInterner } from './ByteIdInterner.js';
import { amountSource, describeColumns, FIELDS, resolveColumns, type AmountSource, type ColumnMap, type Field, type ResolvedColumns } from './columnMapping.js';
import { compileDayDecoder, decodeFlag, decodeNumberWith, fieldText, type DayDecoder } from './decodeField.js';
import { AutoDayDecoder } from './detectDateFormat.js';
import { lineIssues } from './lineIssues.js';
import { FieldBounds, LineSplitter, type LineSink } from './LineSplitter.js';
import { detectDelimiter, splitFields, type Delimiter } from './splitFields.js';
import { decodeUtf8, encodeUtf8, firstInvalidUtf8, TextTranscoder, type TextEncoding } from './utf8.js';

/** Options of {@link TransactionTextReader}. */
export interface TransactionTextOptions {
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

/** A line of text that did not pass validation. */
export interface RejectedLine {
  /** 1-based line number in the text, header included. */
  readonly line: number;
  readonly issues: NonEmptyArray<InputIssue>;
}

/** Result of reading transaction text. */
export interface TransactionTextResult {
  readonly table: TransactionTable;
  readonly rejected: readonly RejectedLine[];
  readonly returnsDropped: number;
  /** Lines read, header and blank lines included. */
  readonly lines: number;
  /** Whether a header line was found. */
  readonly header: boolean;
  /**
   * Where the amounts came from: an amount column, `quantity × price`, a price column, or none:
   * count-only data, where every row is a purchase with amount 0, so counts, recency and T are
   * right and money totals mean nothing (the command line leaves them empty).
   */
  readonly amountSource: AmountSource;
  /** Rows left out under `skipMissing`. */
  readonly skipped: number;
  /** Rows made returns because their order id has the `cancelledPrefix`. */
  readonly cancelled: number;
  /** Numeric customer ids read from more than one written form under `ids: 'auto'` (`00042` and `42`). */
  readonly idsMerged: number;
  /** What the reader chose, one sentence each: the column of each field, and the detected decimal separator, date format and encoding. */
  readonly notes: readonly string[];
}


/**
 * Reads delimited transaction text (CSV, TSV, whitespace-separated) chunk by chunk into a
 * {@link TransactionTable}, without holding the whole text or an object per row. Runtime-agnostic:
 * feed it UTF-8 bytes (a Node stream's buffers, a `fetch` body's chunks) or strings.
 *
 * Issues carry the line and column: `line 17, column 2 (date): not a valid date (expected
 * yyyyMMdd)`, with `line: 17` and `column: 2` as numbers and the path `[record, 'date']`
 * (`record`: 0-based index of the data line, header and blank lines not counted).
 *
 * Cost: one pass over the bytes; rows are decoded in place (no string per field, ids interned
 * by hashing their bytes, ISO dates read from the bytes), so memory is the table plus one chunk.
 * About 0.3 s per million rows of a seven-column CSV on one core.
 *
 * @example
 * ```ts
 * import { TransactionTextReader } from 'loyalty-score';
 * const reader = new TransactionTextReader({ dateFormat: 'yyyyMMdd' });
 * reader.push('customer,date,amount\nA,20240105,');
 * reader.push(new TextEncoder().encode('20\nB,20240106,12.5\n'));
 * const { table } = reader.finish();
 * table.length; // => 2
 * table.customerIds; // => ['A', 'B']
 * ```
 */
export class TransactionTextReader {
  private lineNo = 0;
  private record = 0;
  private delimiter: Delimiter | null;
  private delimiterCode: number | 'whitespace' = 'whitespace';
  private readonly headerMode: boolean | 'auto';
  private cols: ResolvedColumns | null = null;
  private source: AmountSource = 'column';
  private sawHeader = false;
  private readonly builder = new TransactionTableBuilder(1 << 16);
  private readonly interner: ByteIdInterner;
  private readonly rejected: RejectedLine[] = [];
  private returnsDropped = 0;
  private skipped = 0;
  private cancelled = 0;
  private readonly decodeDay: DayDecoder;
  private readonly autoDates: AutoDayDecoder | null;
  private expectedDate: string;
  private readonly options: TransactionTextOptions;
  private readonly onInvalid: InvalidRowPolicy;
  private readonly returns: ReturnsPolicy;
  /** Decimal separator byte: 46 `.`, 44 `,`; 0 while `'auto'` has not seen one. */
  private decimal: 0 | 44 | 46;
  private readonly skipFields: readonly Field[];
  private readonly cancelledPrefix: Uint8Array | null;
  private readonly notes: string[] = [];
  private finished = false;
  private ending = false;
  private readonly splitter: LineSplitter;
  private readonly transcoder: TextTranscoder;
  private readonly fields = new FieldBounds();
  /** A high surrogate that ended the last string chunk, waiting for its pair. */
  private pendingSurrogate = '';

  constructor(options: TransactionTextOptions = {}) {
    this.options = options;
    const d = options.delimiter ?? 'auto';
    if (d !== 'auto' && d !== ',' && d !== '\t' && d !== ';' && d !== '|' && d !== 'whitespace') {
      invalidOption('delimiter', "expected 'auto', ',', '\\t', ';', '|' or 'whitespace'");
    }
    this.delimiter = d === 'auto' ? null : d;
    this.headerMode = options.header ?? 'auto';
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
    this.autoDates = format === 'auto' ? new AutoDayDecoder(zone) : null;
    this.autoDates?.onFix((row, day) => this.builder.setDay(row, day));
    this.decodeDay = this.autoDates ? (b, s, e) => this.autoDates!.decode(b, s, e, this.lineNo) : compileDayDecoder(format, zone);
    this.expectedDate = format === 'auto' ? 'a date in the detected format' : policies.expectedDate;
    this.onInvalid = policies.onInvalid;
    this.returns = policies.returns;
    const ids = options.ids ?? 'auto';
    if (ids !== 'auto' && ids !== 'string') invalidOption('ids', "expected 'auto' or 'string'");
    const decimal = options.decimal ?? 'point';
    if (decimal !== 'point' && decimal !== 'comma' && decimal !== 'auto') invalidOption('decimal', "expected 'point', 'comma' or 'auto'");
    this.decimal = decimal === 'point' ? 46 : decimal === 'comma' ? 44 : 0;
    const skip = options.skipMissing ?? [];
    if (!Array.isArray(skip) || skip.some((f) => !(FIELDS as readonly string[]).includes(f))) invalidOption('skipMissing', `expected a list of fields among ${FIELDS.join(', ')}`);
    this.skipFields = skip;
    const prefix = options.cancelledPrefix;
    if (prefix !== undefined && (typeof prefix !== 'string' || prefix.trim() === '')) invalidOption('cancelledPrefix', 'expected a non-empty text such as "C"');
    this.cancelledPrefix = prefix === undefined ? null : encodeUtf8(prefix.trim());
    try {
      this.transcoder = new TextTranscoder(options.encoding ?? 'utf-8', (label) => this.notes.push(`encoding: ${label} (byte-order mark)`));
    } catch {
      invalidOption('encoding', "expected 'utf-8', 'latin1', 'windows-1252' or 'utf-16le'");
    }
    this.interner = new ByteIdInterner(ids === 'auto', (bytes, at, end) => this.invalidUtf8(bytes, at, end, 'customer'));
    this.builder.addCustomerIds(this.interner.ids);
    const sink: LineSink = { line: (bytes, start, end, quoted, lines) => this.line(bytes, start, end, quoted, lines) };
    this.splitter = new LineSplitter(sink);
  }

  /**
   * Feeds the next chunk: bytes in the declared `encoding` (chunks may cut a character or a line
   * anywhere) or text.
   * @param chunk - The next piece of the input.
   * @throws {@link InvalidInputError} when a customer id, an order id or the header is not valid
   *   UTF-8, naming the line, the column and the byte offset.
   */
  push(chunk: Uint8Array | string): void {
    if (this.finished) throw new Error('TransactionTextReader: push after finish');
    if (typeof chunk !== 'string') {
      this.splitter.push(this.transcode(chunk, false));
      return;
    }
    let text = this.pendingSurrogate + chunk;
    this.pendingSurrogate = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pendingSurrogate = text.slice(-1);
      text = text.slice(0, -1);
    }
    this.splitter.push(encodeUtf8(text));
  }

  private transcode(chunk: Uint8Array, end: boolean): Uint8Array {
    return end ? this.transcoder.end() : this.transcoder.push(chunk);
  }

  /**
   * Refuses bytes that are not UTF-8 in a field the reader decodes (a customer or order id, the
   * header): `at` is the index of the field's first byte in `bytes`, the current record's bytes.
   */
  private invalidUtf8(bytes: Uint8Array, at: number, end: number, field: string): never {
    const bad = firstInvalidUtf8(bytes, at, end);
    const offset = bytes !== this.fields.unquoted ? this.splitter.recordOffset + (bad - this.recordStart) : -1;
    const where = offset >= 0 ? `byte ${offset} (0-based) of the input` : `a byte of the record starting at byte ${this.splitter.recordOffset} (0-based)`;
    throw new InvalidInputError([
      {
        code: 'invalid_value',
        path: this.cols === null ? [] : field === '' ? [this.record] : [this.record - 1, field],
        line: this.lineNo - this.recordLines + 1,
        ...(this.cols !== null && field !== '' ? { column: this.cols[field as Field] + 1 } : {}),
        message: `${where} is not valid UTF-8 (expected UTF-8 text; give the file's encoding with the encoding option, --encoding latin1, windows-1252 or utf-16le on the command line)`,
      },
    ]);
  }

  /** The current record's first byte and physical lines, for {@link invalidUtf8}. */
  private recordStart = 0;
  private recordLines = 1;

  /**
   * Ends the input and returns the table.
   * @returns The table, the rejected lines, the returns dropped, the line count and the reader's notes.
   * @throws {@link InvalidInputError} under `onInvalid: 'throw'` if any line was invalid, and
   *   always for an ambiguous date order under `dateFormat: 'auto'` or bytes that are not UTF-8.
   */
  finish(): TransactionTextResult {
    if (this.pendingSurrogate !== '') this.splitter.push(encodeUtf8(this.pendingSurrogate));
    this.pendingSurrogate = '';
    const rest = this.transcode(new Uint8Array(0), true);
    if (rest.length > 0) this.splitter.push(rest);
    this.ending = true;
    this.splitter.end();
    this.finished = true;
    if (this.onInvalid === 'throw' && this.rejected.length > 0) {
      throw new InvalidInputError(this.rejected.flatMap((r) => r.issues) as unknown as NonEmptyArray<InputIssue>);
    }
    const notes = [...this.notes];
    if (this.autoDates) {
      const format = this.autoDates.finish();
      if (format !== null) notes.push(`date format: ${format} (detected from line ${this.autoDates.decidedAt})`);
    }
    if (this.options.decimal === 'auto') notes.push(this.decimal === 0 ? 'decimal separator: none seen (whole numbers only)' : `decimal separator: ${this.decimal === 44 ? 'comma' : 'point'} (detected from line ${this.decimalLine})`);
    const merged = this.interner.merged;
    if (merged > 0) notes.push(`ids: ${merged} numeric customer id${merged === 1 ? ' was' : 's were'} written in more than one way (such as 00042 and 42) and merged; --ids string (ids: 'string') keeps them apart`);
    if (this.skipped > 0) notes.push(`${this.skipped} row${this.skipped === 1 ? '' : 's'} skipped with a blank ${this.skipFields.join(' or ')}`);
    if (this.cancelled > 0) notes.push(`${this.cancelled} row${this.cancelled === 1 ? '' : 's'} of cancelled orders read as returns`);
    return {
      table: this.builder.finish(),
      rejected: this.rejected,
      returnsDropped: this.returnsDropped,
      lines: this.lineNo,
      header: this.sawHeader,
      amountSource: this.source,
      skipped: this.skipped,
      cancelled: this.cancelled,
      idsMerged: merged,
      notes,
    };
  }

  private decimalLine = 0;

  private line(bytes: Uint8Array, s: number, e: number, quoted: boolean, lines: number): void {
    const lineNo = this.lineNo + 1;
    this.lineNo += lines;
    this.recordStart = s;
    this.recordLines = lines;
    let t = s;
    while (t < e && bytes[t]! <= 32) t++;
    if (t === e) return;
    if ((this.cols === null || this.ending) && this.rareLine(bytes, s, e, lines, lineNo)) return;
    const f = this.fields;
    if (quoted && this.delimiter !== 'whitespace') {
      const count = f.splitQuoted(bytes, s, e, this.delimiter!);
      if (f.replaced && firstInvalidUtf8(bytes, s, e) < e) this.invalidUtf8(bytes, s, e, '');
      this.row(f.unquoted, count, lineNo);
      return;
    }
    this.row(bytes, f.split(bytes, s, e, this.delimiterCode), lineNo);
  }

  /**
   * The first line (header or first row), and the last record when the input ended inside
   * quotes; false for any other line (read as usual).
   */
  private rareLine(bytes: Uint8Array, s: number, e: number, lines: number, lineNo: number): boolean {
    if (this.ending && this.splitter.unterminated) {
      this.record++;
      this.rejected.push({
        line: lineNo,
        issues: [{ code: 'invalid_value', path: [this.record - 1], line: lineNo, message: `a quoted field opened on this line is not closed before the end of the input (expected a closing "; the ${lines} lines after it were read as one field)` }],
      });
      return true;
    }
    if (this.cols !== null) return false;
    const bom = bytes[s] === 0xef && bytes[s + 1] === 0xbb && bytes[s + 2] === 0xbf;
    const text = decodeUtf8(bytes.subarray(bom ? s + 3 : s, e));
    if (text.includes('\uFFFD') && firstInvalidUtf8(bytes, s, e) < e) this.invalidUtf8(bytes, s, e, '');
    this.firstLine(text, lineNo);
    return true;
  }

  private firstLine(line: string, lineNo: number): void {
    this.delimiter ??= detectDelimiter(line);
    this.delimiterCode = this.delimiter === 'whitespace' ? 'whitespace' : this.delimiter.charCodeAt(0);
    this.splitter.delimiter = this.delimiter === 'whitespace' ? -2 : this.delimiter.charCodeAt(0);
    const fields = splitFields(line, this.delimiter);
    const header = this.isHeader(fields);
    this.cols = resolveColumns(this.options.columns ?? {}, header ? fields : null);
    this.source = amountSource(this.cols);
    if (this.cancelledPrefix !== null && this.cols.order < 0) invalidOption('cancelledPrefix', 'needs an order column (name it with the order option, --order on the command line)');
    this.notes.unshift(`columns: ${describeColumns(this.cols, header ? fields : null)}`);
    if (header) {
      this.sawHeader = true;
      return;
    }
    this.fields.setStrings(fields);
    this.row(this.fields.unquoted, fields.length, lineNo);
  }

  private isHeader(fields: string[]): boolean {
    if (this.headerMode !== 'auto') return this.headerMode;
    const cols = this.options.columns ?? {};
    for (const v of Object.values(cols)) if (typeof v === 'string' && !/^\d+$/.test(v)) return true;
    const ref = cols.amount ?? cols.price;
    const amountPos = typeof ref === 'number' ? ref : typeof ref === 'string' ? Number(ref) : 3;
    const a = fields[amountPos - 1];
    if (a === undefined) {
      // No amount position: a header unless the date field reads as a date.
      const datePos = typeof cols.date === 'number' ? cols.date : 2;
      const d = fields[datePos - 1]?.trim() ?? '';
      return !/^\d/.test(d);
    }
    return a.trim() === '' || !/^[+-]?[\d.,]+(?:[eE][+-]?\d+)?$/.test(a.trim());
  }

  /** The decimal separator under `'auto'`, decided by the first money field written with one. */
  private detectDecimal(b: Uint8Array, k: number, count: number, lineNo: number): void {
    if (k < 0 || k >= count) return;
    let last = 0;
    for (let i = this.fields.start[k]!; i < this.fields.end[k]!; i++) if (b[i] === 44 || b[i] === 46) last = b[i]!;
    if (last === 0) return;
    this.decimal = last === 44 && this.delimiterCode !== 44 ? 44 : 46;
    this.decimalLine = lineNo;
  }

  private row(b: Uint8Array, count: number, lineNo: number): void {
    const record = this.record++;
    const c = this.cols!;
    const fs = this.fields.start;
    const fe = this.fields.end;
    if (this.skipFields.length > 0) {
      for (const field of this.skipFields) {
        const k = c[field];
        if (k >= 0 && (k >= count || isBlank(b, fs[k]!, fe[k]!))) {
          this.skipped++;
          return;
        }
      }
    }
    // Trimmed bounds of the id and date fields.
    let idS = 0;
    let idE = 0;
    if (c.customer < count) {
      idS = fs[c.customer]!;
      idE = fe[c.customer]!;
      while (idS < idE && b[idS]! <= 32) idS++;
      while (idE > idS && b[idE - 1]! <= 32) idE--;
    }
    let dS = 0;
    let dE = 0;
    if (c.date < count) {
      dS = fs[c.date]!;
      dE = fe[c.date]!;
      while (dS < dE && b[dS]! <= 32) dS++;
      while (dE > dS && b[dE - 1]! <= 32) dE--;
    }
    const day = dS === dE ? Number.NaN : this.decodeDay(b, dS, dE);
    if (this.decimal === 0) this.detectDecimal(b, this.source === 'column' ? c.amount : c.price, count, lineNo);
    const dec = this.decimal === 44 ? 44 : 46;
    const src = this.source;
    let amount: number;
    let amountState: 'missing' | 'invalid' | null = null;
    let price: number | undefined = Number.NaN;
    const quantity = optional(b, c.quantity, count, fs, fe, dec);
    let quantityState: 'missing' | 'invalid' | null = quantity === undefined ? 'invalid' : null;
    if (src === 'column') {
      amount = c.amount < count ? decodeNumberWith(b, fs[c.amount]!, fe[c.amount]!, dec) : Number.NaN;
      if (amount !== amount) amountState = 'invalid';
    } else if (src === 'none') amount = 0;
    else {
      price = optional(b, c.price, count, fs, fe, dec);
      if (price === undefined) amountState = 'invalid';
      else if (price !== price) amountState = 'missing';
      if (src === 'price') amount = price ?? Number.NaN;
      else {
        if (quantity !== undefined && quantity !== quantity) quantityState = 'missing';
        amount = (price ?? Number.NaN) * (quantity ?? Number.NaN);
      }
    }
    const refunded = optional(b, c.refunded, count, fs, fe, dec);
    if (refunded !== undefined && refunded === refunded) amount -= refunded;
    const cost = optional(b, c.cost, count, fs, fe, dec);
    const discount = optional(b, c.discount, count, fs, fe, dec);
    const promo = c.promo < 0 ? 255 : c.promo < count ? decodeFlag(b, fs[c.promo]!, fe[c.promo]!) : 255;
    let oS = 0;
    let oE = 0;
    if (c.order >= 0 && c.order < count) {
      oS = fs[c.order]!;
      oE = fe[c.order]!;
      while (oS < oE && b[oS]! <= 32) oS++;
      while (oE > oS && b[oE - 1]! <= 32) oE--;
    }
    const valid =
      idS !== idE && day === day && amountState === null && quantityState === null && refunded !== undefined && cost !== undefined && discount !== undefined && !(discount < 0) && promo >= 0;
    let isCancelled = false;
    if (valid && this.cancelledPrefix !== null && startsWith(b, oS, oE, this.cancelledPrefix)) {
      isCancelled = true;
      amount = -Math.abs(amount);
    }
    if (valid && amount < 0 && this.returns !== 'net') {
      if (this.returns === 'drop') {
        this.returnsDropped++;
        if (isCancelled) this.cancelled++;
        return;
      }
    } else if (valid) {
      if (isCancelled) this.cancelled++;
      const orderText = oS === oE ? '' : fieldText(b, oS, oE);
      if (orderText.includes('\uFFFD') && firstInvalidUtf8(b, oS, oE) < oE) this.invalidUtf8(b, oS, oE, 'order');
      this.builder.appendAt(this.interner.intern(b, idS, idE), day, amount, cost!, quantity!, orderText === '' ? null : orderText, promo, discount!);
      this.autoDates?.rowKept(this.builder.length - 1);
      return;
    }
    // Invalid (or a return under returns: 'reject'): say every problem of the line.
    const issues = lineIssues(
      {
        customerMissing: idS === idE,
        date: day === day ? null : dS === dE ? 'missing' : 'invalid',
        amount: amountState,
        priceInvalid: price === undefined,
        quantity: quantityState,
        refundedInvalid: refunded === undefined,
        costInvalid: cost === undefined,
        discount: discount === undefined ? 'invalid' : discount < 0 ? 'negative' : null,
        promoInvalid: promo < 0,
        rejectedReturn: valid,
      },
      { line: lineNo, record, columns: c, bytes: b, start: fs, end: fe, count, expectedDate: this.expectedDate, decimal: dec, revealValues: this.options.revealValues === true },
    );
    this.rejected.push({ line: lineNo, issues });
  }
}

/** NaN when the column is absent or the field empty; undefined when present but not a finite number. */
function optional(b: Uint8Array, k: number, count: number, fs: Int32Array, fe: Int32Array, decimal: 44 | 46): number | undefined {
  if (k < 0 || k >= count) return Number.NaN;
  let s = fs[k]!;
  const e = fe[k]!;
  while (s < e && b[s]! <= 32) s++;
  if (s === e) return Number.NaN;
  const v = decodeNumberWith(b, s, e, decimal);
  return v === v ? v : undefined;
}

function isBlank(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i]! > 32) return false;
  return true;
}

function startsWith(b: Uint8Array, s: number, e: number, prefix: Uint8Array): boolean {
  if (e - s < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (b[s + k] !== prefix[k]) return false;
  return true;
}
