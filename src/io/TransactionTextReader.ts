import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import type { DayParser } from '../time/compileDateFormat.js';
import { resolveRowPolicies } from '../transactions/resolveRowPolicies.js';
import type { InvalidRowPolicy, ReturnsPolicy } from '../transactions/parseTransactions.js';
import { TransactionTableBuilder } from '../transactions/TransactionTableBuilder.js';
import type { CustomerId, TransactionTable } from '../transactions/types.js';
import { resolveColumns, type ColumnMap, type Field, type ResolvedColumns } from './columnMapping.js';
import { detectDelimiter, splitFields, type Delimiter } from './splitFields.js';

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

const DIGITS = /^\d{1,15}$/;

/**
 * Reads delimited transaction text (CSV, TSV, whitespace-separated) chunk by chunk into a
 * {@link TransactionTable}, without holding the whole text or an object per row. Runtime-agnostic:
 * feed it from a Node stream, a `fetch` body or a string.
 *
 * Issues name the line and column: `line 17, column 2 (date): not a valid date (expected yyyyMMdd)`.
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
  private headerMode: boolean | 'auto';
  private cols: ResolvedColumns | null = null;
  private sawHeader = false;
  private readonly builder = new TransactionTableBuilder(1 << 16);
  private readonly rejected: RejectedLine[] = [];
  private returnsDropped = 0;
  private readonly parseDay: DayParser;
  private readonly expectedDate: string;
  private readonly options: TransactionTextOptions;
  private readonly numericIds: boolean;
  private readonly onInvalid: InvalidRowPolicy;
  private readonly returns: ReturnsPolicy;
  private finished = false;

  constructor(options: TransactionTextOptions = {}) {
    this.options = options;
    const d = options.delimiter ?? 'auto';
    if (d !== 'auto' && d !== ',' && d !== '\t' && d !== ';' && d !== '|' && d !== 'whitespace') {
      invalidOption('delimiter', "expected 'auto', ',', '\\t', ';', '|' or 'whitespace'");
    }
    this.delimiter = d === 'auto' ? null : d;
    this.headerMode = options.header ?? 'auto';
    const policies = resolveRowPolicies(options);
    this.parseDay = policies.parseDay;
    this.expectedDate = policies.expectedDate;
    this.onInvalid = policies.onInvalid;
    this.returns = policies.returns;
    const ids = options.ids ?? 'auto';
    if (ids !== 'auto' && ids !== 'string') invalidOption('ids', "expected 'auto' or 'string'");
    this.numericIds = ids === 'auto';
  }

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    if (this.finished) throw new Error('TransactionTextReader: push after finish');
    let text = this.rest.length > 0 ? this.rest + chunk : chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(text.slice(start, end));
      start = nl + 1;
    }
    this.rest = start === 0 ? text : text.slice(start);
    text = '';
  }

  /** Ends the input and returns the table; throws under `onInvalid: 'throw'` if any line was invalid. */
  finish(): TransactionTextResult {
    if (this.rest.length > 0) {
      const last = this.rest.charCodeAt(this.rest.length - 1) === 13 ? this.rest.slice(0, -1) : this.rest;
      this.rest = '';
      this.line(last);
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

  private line(text: string): void {
    const lineNo = ++this.lineNo;
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim().length === 0)) return;
    if (this.delimiter === null) this.delimiter = detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (this.cols === null) {
      const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const fields = splitFields(clean, this.delimiter);
      if (this.isHeader(fields)) {
        this.sawHeader = true;
        this.cols = resolveColumns(this.options.columns ?? {}, fields);
        return;
      }
      this.cols = resolveColumns(this.options.columns ?? {}, null);
      this.row(fields, lineNo);
      return;
    }
    this.row(splitFields(text, this.delimiter), lineNo);
  }

  private isHeader(fields: string[]): boolean {
    if (this.headerMode !== 'auto') return this.headerMode;
    const cols = this.options.columns ?? {};
    for (const v of Object.values(cols)) if (typeof v === 'string' && !/^\d+$/.test(v)) return true;
    const amountPos = typeof cols.amount === 'number' ? cols.amount : typeof cols.amount === 'string' ? Number(cols.amount) : 3;
    const a = fields[amountPos - 1];
    return a === undefined || a.trim() === '' || !Number.isFinite(Number(a));
  }

  private row(f: string[], lineNo: number): void {
    const c = this.cols!;
    let issues: InputIssue[] | null = null;
    const fail = (field: Field, code: string, problem: string, expected: string): void => {
      const col = c[field] + 1;
      const raw = f[col - 1];
      const msg = `${problem} (expected ${expected})${this.options.revealValues && raw !== undefined ? ` (got ${JSON.stringify(raw)})` : ''}`;
      (issues ??= []).push({ code, path: [`line ${lineNo}`, `column ${col} (${field})`], message: msg });
    };
    const idText = (f[c.customer] ?? '').trim();
    if (idText.length === 0) fail('customer', 'missing_field', 'missing', 'a customer id');
    const dateText = f[c.date] ?? '';
    const day = this.parseDay(dateText.trim());
    if (day !== day) fail('date', dateText.trim() === '' ? 'missing_field' : 'invalid_date', dateText.trim() === '' ? 'missing' : 'not a valid date', this.expectedDate);
    const amount = num(f[c.amount]);
    if (amount !== amount) fail('amount', 'not_finite', 'not a number', 'a finite number');
    const cost = c.cost >= 0 ? optNum(f[c.cost]) : Number.NaN;
    if (cost === undefined) fail('cost', 'not_finite', 'not a number', 'a finite number or empty');
    const quantity = c.quantity >= 0 ? optNum(f[c.quantity]) : Number.NaN;
    if (quantity === undefined) fail('quantity', 'not_finite', 'not a number', 'a finite number or empty');
    const discount = c.discount >= 0 ? optNum(f[c.discount]) : Number.NaN;
    if (discount === undefined || discount < 0) fail('discount', 'invalid_discount', 'not a number >= 0', 'a finite number >= 0 or empty');
    const promo = c.promo >= 0 ? flag(f[c.promo]) : 255;
    if (promo < 0) fail('promo', 'invalid_type', 'not a yes/no value', 'true/false, yes/no, 1/0 or empty');
    if (issues === null && amount < 0) {
      if (this.returns === 'drop') {
        this.returnsDropped++;
        return;
      }
      if (this.returns === 'reject') fail('amount', 'negative_amount', "a return (negative amount) where returns: 'reject'", 'an amount >= 0');
    }
    if (issues !== null) {
      this.rejected.push({ line: lineNo, issues: issues as NonEmptyArray<InputIssue> });
      return;
    }
    const orderText = c.order >= 0 ? (f[c.order] ?? '').trim() : '';
    this.builder.append(this.id(idText), day, amount, cost as number, quantity as number, orderText === '' ? null : orderText, promo, discount as number);
  }

  private id(text: string): CustomerId {
    return this.numericIds && DIGITS.test(text) ? Number(text) : text;
  }
}

function num(s: string | undefined): number {
  if (s === undefined) return Number.NaN;
  const t = s.trim();
  if (t.length === 0) return Number.NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** NaN when empty (absent), undefined when present but not a finite number. */
function optNum(s: string | undefined): number | undefined {
  if (s === undefined || s.trim().length === 0) return Number.NaN;
  const v = num(s);
  return v === v ? v : undefined;
}

function flag(s: string | undefined): number {
  const t = (s ?? '').trim().toLowerCase();
  if (t === '') return 255;
  if (t === '1' || t === 'true' || t === 'yes' || t === 'y' || t === 't') return 1;
  if (t === '0' || t === 'false' || t === 'no' || t === 'n' || t === 'f') return 0;
  return -1;
}
