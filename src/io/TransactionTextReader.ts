import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { ISO_DATE_FORMAT } from '../time/compileDateFormat.js';
import { resolveRowPolicies } from '../transactions/resolveRowPolicies.js';
import type { InvalidRowPolicy, ReturnsPolicy } from '../transactions/options.js';
import { TransactionTableBuilder } from '../transactions/TransactionTableBuilder.js';
import type { TransactionTable } from '../transactions/types.js';
import { ByteIdInterner } from './ByteIdInterner.js';
import { resolveColumns, type ColumnMap, type ResolvedColumns } from './columnMapping.js';
import { compileDayDecoder, decodeFlag, decodeNumber, fieldText, type DayDecoder } from './decodeField.js';
import { lineIssues } from './lineIssues.js';
import { FieldBounds, LineSplitter, type LineSink } from './LineSplitter.js';
import { detectDelimiter, splitFields, type Delimiter } from './splitFields.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

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
  /** Date format of the date column: `'iso'` or a date-fns format (`'yyyyMMdd'`). @defaultValue `'iso'` */
  dateFormat?: string;
  /**
   * Customer ids: `'auto'` reads ids made only of digits (up to 15) as numbers, so `00042`
   * and `42` are the same customer 42, and keeps everything else as strings; `'string'` keeps
   * every id exactly as written. @defaultValue `'auto'`
   */
  ids?: 'auto' | 'string';
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
  private sawHeader = false;
  private readonly builder = new TransactionTableBuilder(1 << 16);
  private readonly interner: ByteIdInterner;
  private readonly rejected: RejectedLine[] = [];
  private returnsDropped = 0;
  private readonly decodeDay: DayDecoder;
  private readonly expectedDate: string;
  private readonly options: TransactionTextOptions;
  private readonly onInvalid: InvalidRowPolicy;
  private readonly returns: ReturnsPolicy;
  private finished = false;
  private readonly splitter: LineSplitter;
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
    const policies = resolveRowPolicies(options);
    this.decodeDay = compileDayDecoder(options.dateFormat ?? ISO_DATE_FORMAT);
    this.expectedDate = policies.expectedDate;
    this.onInvalid = policies.onInvalid;
    this.returns = policies.returns;
    const ids = options.ids ?? 'auto';
    if (ids !== 'auto' && ids !== 'string') invalidOption('ids', "expected 'auto' or 'string'");
    this.interner = new ByteIdInterner(ids === 'auto');
    this.builder.addCustomerIds(this.interner.ids);
    const sink: LineSink = { line: (bytes, start, end, quoted) => this.line(bytes, start, end, quoted) };
    this.splitter = new LineSplitter(sink);
  }

  /**
   * Feeds the next chunk: UTF-8 bytes (chunks may cut a character or a line anywhere) or text.
   * @param chunk - The next piece of the input.
   */
  push(chunk: Uint8Array | string): void {
    if (this.finished) throw new Error('TransactionTextReader: push after finish');
    if (typeof chunk !== 'string') {
      this.splitter.push(chunk);
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

  /**
   * Ends the input and returns the table.
   * @returns The table, the rejected lines, the returns dropped and the line count.
   * @throws {@link InvalidInputError} under `onInvalid: 'throw'` if any line was invalid.
   */
  finish(): TransactionTextResult {
    if (this.pendingSurrogate !== '') this.splitter.push(encodeUtf8(this.pendingSurrogate));
    this.pendingSurrogate = '';
    this.splitter.end();
    this.finished = true;
    if (this.onInvalid === 'throw' && this.rejected.length > 0) {
      throw new InvalidInputError(this.rejected.flatMap((r) => r.issues) as unknown as NonEmptyArray<InputIssue>);
    }
    return {
      table: this.builder.finish(),
      rejected: this.rejected,
      returnsDropped: this.returnsDropped,
      lines: this.lineNo,
      header: this.sawHeader,
    };
  }

  private line(bytes: Uint8Array, s: number, e: number, quoted: boolean): void {
    const lineNo = ++this.lineNo;
    let t = s;
    while (t < e && bytes[t]! <= 32) t++;
    if (t === e) return;
    if (this.cols === null) {
      const bom = bytes[s] === 0xef && bytes[s + 1] === 0xbb && bytes[s + 2] === 0xbf;
      this.firstLine(decodeUtf8(bytes.subarray(bom ? s + 3 : s, e)), lineNo);
      return;
    }
    const f = this.fields;
    if (quoted && this.delimiter !== 'whitespace') {
      const count = f.splitQuoted(bytes, s, e, this.delimiter!);
      this.row(f.unquoted, count, lineNo);
      return;
    }
    this.row(bytes, f.split(bytes, s, e, this.delimiterCode), lineNo);
  }

  private firstLine(line: string, lineNo: number): void {
    this.delimiter ??= detectDelimiter(line);
    this.delimiterCode = this.delimiter === 'whitespace' ? 'whitespace' : this.delimiter.charCodeAt(0);
    const fields = splitFields(line, this.delimiter);
    if (this.isHeader(fields)) {
      this.sawHeader = true;
      this.cols = resolveColumns(this.options.columns ?? {}, fields);
      return;
    }
    this.cols = resolveColumns(this.options.columns ?? {}, null);
    this.fields.setStrings(fields);
    this.row(this.fields.unquoted, fields.length, lineNo);
  }

  private isHeader(fields: string[]): boolean {
    if (this.headerMode !== 'auto') return this.headerMode;
    const cols = this.options.columns ?? {};
    for (const v of Object.values(cols)) if (typeof v === 'string' && !/^\d+$/.test(v)) return true;
    const amountPos = typeof cols.amount === 'number' ? cols.amount : typeof cols.amount === 'string' ? Number(cols.amount) : 3;
    const a = fields[amountPos - 1];
    return a === undefined || a.trim() === '' || !Number.isFinite(Number(a));
  }

  private row(b: Uint8Array, count: number, lineNo: number): void {
    const record = this.record++;
    const c = this.cols!;
    const fs = this.fields.start;
    const fe = this.fields.end;
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
    const amount = c.amount < count ? decodeNumber(b, fs[c.amount]!, fe[c.amount]!) : Number.NaN;
    const cost = optional(b, c.cost, count, fs, fe);
    const quantity = optional(b, c.quantity, count, fs, fe);
    const discount = optional(b, c.discount, count, fs, fe);
    const promo = c.promo < 0 ? 255 : c.promo < count ? decodeFlag(b, fs[c.promo]!, fe[c.promo]!) : 255;
    const valid =
      idS !== idE && day === day && amount === amount && cost !== undefined && quantity !== undefined && discount !== undefined && !(discount < 0) && promo >= 0;
    if (valid && amount < 0 && this.returns !== 'net') {
      if (this.returns === 'drop') {
        this.returnsDropped++;
        return;
      }
    } else if (valid) {
      const orderText = c.order >= 0 && c.order < count ? fieldText(b, fs[c.order]!, fe[c.order]!).trim() : '';
      this.builder.appendAt(this.interner.intern(b, idS, idE), day, amount, cost, quantity, orderText === '' ? null : orderText, promo, discount);
      return;
    }
    // Invalid (or a return under returns: 'reject'): say every problem of the line.
    const issues = lineIssues(
      {
        customerMissing: idS === idE,
        date: day === day ? null : dS === dE ? 'missing' : 'invalid',
        amountInvalid: amount !== amount,
        costInvalid: cost === undefined,
        quantityInvalid: quantity === undefined,
        discount: discount === undefined ? 'invalid' : discount < 0 ? 'negative' : null,
        promoInvalid: promo < 0,
        rejectedReturn: valid,
      },
      { line: lineNo, record, columns: c, bytes: b, start: fs, end: fe, count, expectedDate: this.expectedDate, revealValues: this.options.revealValues === true },
    );
    this.rejected.push({ line: lineNo, issues });
  }
}

/** NaN when the column is absent or the field empty; undefined when present but not a finite number. */
function optional(b: Uint8Array, k: number, count: number, fs: Int32Array, fe: Int32Array): number | undefined {
  if (k < 0 || k >= count) return Number.NaN;
  let s = fs[k]!;
  const e = fe[k]!;
  while (s < e && b[s]! <= 32) s++;
  if (s === e) return Number.NaN;
  const v = decodeNumber(b, s, e);
  return v === v ? v : undefined;
}
