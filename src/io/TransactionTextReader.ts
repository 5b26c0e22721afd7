import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { compileDateFormatAt, ISO_DATE_FORMAT, type DayParserAt } from '../time/compileDateFormat.js';
import { resolveRowPolicies } from '../transactions/resolveRowPolicies.js';
import type { InvalidRowPolicy, ReturnsPolicy } from '../transactions/parseTransactions.js';
import { TransactionTableBuilder } from '../transactions/TransactionTableBuilder.js';
import type { TransactionTable } from '../transactions/types.js';
import { resolveColumns, type ColumnMap, type Field, type ResolvedColumns } from './columnMapping.js';
import { parseDecimal } from './parseDecimal.js';
import { detectDelimiter, splitFields, type Delimiter } from './splitFields.js';
import { TextIdInterner } from './TextIdInterner.js';

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
 * feed it from a Node stream, a `fetch` body or a string.
 *
 * Issues name the line and column: `line 17, column 2 (date): not a valid date (expected yyyyMMdd)`.
 *
 * Cost: one pass over the text; rows are read in place (no string per field, ids interned from
 * the characters), so memory is the table plus one chunk.
 *
 * @example
 * ```ts
 * import { TransactionTextReader } from 'loyalty-score';
 * const reader = new TransactionTextReader({ dateFormat: 'yyyyMMdd' });
 * reader.push('customer,date,amount\nA,20240105,');
 * reader.push('20\nB,20240106,12.5\n');
 * const { table } = reader.finish();
 * table.length; // => 2
 * table.customerIds; // => ['A', 'B']
 * ```
 */
export class TransactionTextReader {
  private rest = '';
  private lineNo = 0;
  private delimiter: Delimiter | null;
  private delimiterCode = 0;
  private readonly headerMode: boolean | 'auto';
  private cols: ResolvedColumns | null = null;
  private sawHeader = false;
  private readonly builder = new TransactionTableBuilder(1 << 16);
  private readonly interner: TextIdInterner;
  private readonly rejected: RejectedLine[] = [];
  private returnsDropped = 0;
  private readonly parseDayAt: DayParserAt;
  private readonly expectedDate: string;
  private readonly options: TransactionTextOptions;
  private readonly onInvalid: InvalidRowPolicy;
  private readonly returns: ReturnsPolicy;
  private finished = false;
  /** Field bounds of the current row: field k is `[fs[k], fe[k])` of the row's text. */
  private fs = new Int32Array(32);
  private fe = new Int32Array(32);
  private nextQuote = -1;

  constructor(options: TransactionTextOptions = {}) {
    this.options = options;
    const d = options.delimiter ?? 'auto';
    if (d !== 'auto' && d !== ',' && d !== '\t' && d !== ';' && d !== '|' && d !== 'whitespace') {
      invalidOption('delimiter', "expected 'auto', ',', '\\t', ';', '|' or 'whitespace'");
    }
    this.delimiter = d === 'auto' ? null : d;
    this.headerMode = options.header ?? 'auto';
    const policies = resolveRowPolicies(options);
    this.parseDayAt = compileDateFormatAt(options.dateFormat ?? ISO_DATE_FORMAT);
    this.expectedDate = policies.expectedDate;
    this.onInvalid = policies.onInvalid;
    this.returns = policies.returns;
    const ids = options.ids ?? 'auto';
    if (ids !== 'auto' && ids !== 'string') invalidOption('ids', "expected 'auto' or 'string'");
    this.interner = new TextIdInterner(ids === 'auto');
    this.builder.addCustomerIds(this.interner.ids);
  }

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    if (this.finished) throw new Error('TransactionTextReader: push after finish');
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.nextQuote = -1;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(text, start, end);
      start = nl + 1;
    }
    this.rest = start === 0 ? text : text.slice(start);
  }

  /** Ends the input and returns the table; throws under `onInvalid: 'throw'` if any line was invalid. */
  finish(): TransactionTextResult {
    if (this.rest.length > 0) {
      const text = this.rest;
      this.rest = '';
      this.nextQuote = -1;
      this.line(text, 0, text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length);
    }
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

  private line(text: string, s: number, e: number): void {
    const lineNo = ++this.lineNo;
    let t = s;
    while (t < e && text.charCodeAt(t) <= 32) t++;
    if (t === e) return;
    if (this.cols === null) {
      this.firstLine(text.slice(text.charCodeAt(s) === 0xfeff ? s + 1 : s, e), lineNo);
      return;
    }
    if (this.delimiter !== 'whitespace') {
      if (this.nextQuote < s && this.nextQuote !== -2) {
        this.nextQuote = text.indexOf('"', s);
        if (this.nextQuote < 0) this.nextQuote = -2;
      }
      if (this.nextQuote >= s && this.nextQuote < e) {
        this.slowRow(splitFields(text.slice(s, e), this.delimiter!), lineNo);
        return;
      }
    }
    this.row(text, this.scanFields(text, s, e), lineNo);
  }

  private firstLine(line: string, lineNo: number): void {
    this.delimiter ??= detectDelimiter(line);
    this.delimiterCode = this.delimiter === 'whitespace' ? 0 : this.delimiter.charCodeAt(0);
    const fields = splitFields(line, this.delimiter);
    if (this.isHeader(fields)) {
      this.sawHeader = true;
      this.cols = resolveColumns(this.options.columns ?? {}, fields);
      return;
    }
    this.cols = resolveColumns(this.options.columns ?? {}, null);
    this.slowRow(fields, lineNo);
  }

  /** Field bounds of `text[s, e)` into `fs`/`fe`; returns the number of fields. */
  private scanFields(text: string, s: number, e: number): number {
    let k = 0;
    if (this.delimiter === 'whitespace') {
      let i = s;
      for (;;) {
        while (i < e && isBlank(text.charCodeAt(i))) i++;
        if (i >= e) return k;
        const start = i;
        while (i < e && !isBlank(text.charCodeAt(i))) i++;
        this.setField(k++, start, i);
      }
    }
    const code = this.delimiterCode;
    let start = s;
    for (let i = s; i < e; i++) {
      if (text.charCodeAt(i) === code) {
        this.setField(k++, start, i);
        start = i + 1;
      }
    }
    this.setField(k++, start, e);
    return k;
  }

  private setField(k: number, start: number, end: number): void {
    if (k >= this.fs.length) {
      const fs = new Int32Array(this.fs.length * 2);
      fs.set(this.fs);
      const fe = new Int32Array(this.fe.length * 2);
      fe.set(this.fe);
      this.fs = fs;
      this.fe = fe;
    }
    this.fs[k] = start;
    this.fe[k] = end;
  }

  /** A row already split into strings (quoted fields, the first line): joined and read in place. */
  private slowRow(fields: string[], lineNo: number): void {
    let text = '';
    fields.forEach((f, k) => {
      if (k > 0) text += '\u0000';
      this.setField(k, text.length, text.length + f.length);
      text += f;
    });
    this.row(text, fields.length, lineNo);
  }

  private isHeader(fields: string[]): boolean {
    if (this.headerMode !== 'auto') return this.headerMode;
    const cols = this.options.columns ?? {};
    for (const v of Object.values(cols)) if (typeof v === 'string' && !/^\d+$/.test(v)) return true;
    const amountPos = typeof cols.amount === 'number' ? cols.amount : typeof cols.amount === 'string' ? Number(cols.amount) : 3;
    const a = fields[amountPos - 1];
    return a === undefined || a.trim() === '' || !Number.isFinite(Number(a));
  }

  private row(text: string, count: number, lineNo: number): void {
    const c = this.cols!;
    const fs = this.fs;
    const fe = this.fe;
    // Trimmed bounds of the id and date fields.
    let idS = 0;
    let idE = 0;
    if (c.customer < count) {
      idS = fs[c.customer]!;
      idE = fe[c.customer]!;
      while (idS < idE && text.charCodeAt(idS) <= 32) idS++;
      while (idE > idS && text.charCodeAt(idE - 1) <= 32) idE--;
    }
    let dS = 0;
    let dE = 0;
    if (c.date < count) {
      dS = fs[c.date]!;
      dE = fe[c.date]!;
      while (dS < dE && text.charCodeAt(dS) <= 32) dS++;
      while (dE > dS && text.charCodeAt(dE - 1) <= 32) dE--;
    }
    const day = dS === dE ? Number.NaN : this.parseDayAt(text, dS, dE);
    const amount = c.amount < count ? parseDecimal(text, fs[c.amount]!, fe[c.amount]!) : Number.NaN;
    const cost = optional(text, c.cost, count, fs, fe);
    const quantity = optional(text, c.quantity, count, fs, fe);
    const discount = optional(text, c.discount, count, fs, fe);
    const promo = c.promo >= 0 ? flag(c.promo < count ? text.slice(fs[c.promo], fe[c.promo]) : '') : 255;
    const valid =
      idS !== idE && day === day && amount === amount && cost !== undefined && quantity !== undefined && discount !== undefined && !(discount < 0) && promo >= 0;
    if (valid && amount < 0 && this.returns !== 'net') {
      if (this.returns === 'drop') {
        this.returnsDropped++;
        return;
      }
    } else if (valid) {
      const orderText = c.order >= 0 && c.order < count ? text.slice(fs[c.order], fe[c.order]).trim() : '';
      this.builder.appendAt(this.interner.intern(text, idS, idE), day, amount, cost, quantity, orderText === '' ? null : orderText, promo, discount);
      return;
    }
    // Invalid (or a return under returns: 'reject'): say every problem of the line.
    const issues: InputIssue[] = [];
    const fail = (field: Field, code: string, problem: string, expected: string): void => {
      const k = c[field];
      const raw = k < count ? text.slice(fs[k], fe[k]) : undefined;
      const msg = `${problem} (expected ${expected})${this.options.revealValues && raw !== undefined ? ` (got ${JSON.stringify(raw)})` : ''}`;
      issues.push({ code, path: [`line ${lineNo}`, `column ${k + 1} (${field})`], message: msg });
    };
    if (idS === idE) fail('customer', 'missing_field', 'missing', 'a customer id');
    if (day !== day) fail('date', dS === dE ? 'missing_field' : 'invalid_date', dS === dE ? 'missing' : 'not a valid date', this.expectedDate);
    if (amount !== amount) fail('amount', 'not_finite', 'not a number', 'a finite number');
    if (cost === undefined) fail('cost', 'not_finite', 'not a number', 'a finite number or empty');
    if (quantity === undefined) fail('quantity', 'not_finite', 'not a number', 'a finite number or empty');
    if (discount === undefined || discount < 0) fail('discount', 'invalid_discount', 'not a number >= 0', 'a finite number >= 0 or empty');
    if (promo < 0) fail('promo', 'invalid_type', 'not a yes/no value', 'true/false, yes/no, 1/0 or empty');
    if (valid) fail('amount', 'negative_amount', "a return (negative amount) where returns: 'reject'", 'an amount >= 0');
    this.rejected.push({ line: lineNo, issues: issues as unknown as NonEmptyArray<InputIssue> });
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** NaN when the column is absent or the field empty; undefined when present but not a finite number. */
function optional(text: string, k: number, count: number, fs: Int32Array, fe: Int32Array): number | undefined {
  if (k < 0 || k >= count) return Number.NaN;
  let s = fs[k]!;
  const e = fe[k]!;
  while (s < e && text.charCodeAt(s) <= 32) s++;
  if (s === e) return Number.NaN;
  const v = parseDecimal(text, s, e);
  return v === v ? v : undefined;
}

function flag(s: string): number {
  const t = s.trim().toLowerCase();
  if (t === '') return 255;
  if (t === '1' || t === 'true' || t === 'yes' || t === 'y' || t === 't') return 1;
  if (t === '0' || t === 'false' || t === 'no' || t === 'n' || t === 'f') return 0;
  return -1;
}
