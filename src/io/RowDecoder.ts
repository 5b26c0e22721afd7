import type { ReturnsPolicy } from '../transactions/options.js';
import type { RefusedRow } from '../transactions/rowChecks.js';
import type { TransactionTableBuilder } from '../transactions/TransactionTableBuilder.js';
import type { ByteIdInterner } from './ByteIdInterner.js';
import type { AmountSource, Field, ResolvedColumns } from './columnMapping.js';
import { decodeFlag, fieldText, trimEnd, trimStart, type DayDecoder } from './decodeField.js';
import { decodeNumberWith, isBlankCell } from './decodeNumber.js';
import { lastSeparator } from './detectHeader.js';
import { lineIssues } from './lineIssues.js';
import type { FieldBounds } from './LineSplitter.js';
import { isCancelledOrder, returnAction, skipsRow } from './rowPolicies.js';
import type { RejectedLine } from './transactionTextResult.js';

/** What a {@link RowDecoder} needs beyond the row: the reader's resolved policies. @internal */
export interface RowSettings {
  readonly returns: ReturnsPolicy;
  readonly skipMissing: readonly Field[];
  readonly cancelledPrefix: Uint8Array | null;
  readonly expectedDate: string;
  readonly revealValues: boolean;
}

/**
 * Decodes one data row's fields (already split into {@link FieldBounds}) into the table being
 * built: the customer id interned from its bytes, the date and numbers read from the bytes, the
 * row policies applied, and every problem of a bad row worded by {@link lineIssues}. It keeps the
 * counts of the read (records, skipped, cancelled, returns dropped) and the rejected lines.
 * @internal
 */
export class RowDecoder {
  /** Data records seen (the 0-based index of the next one). */
  record = 0;
  skipped = 0;
  cancelled = 0;
  returnsDropped = 0;
  readonly rejected: RejectedLine[] = [];
  /** Decimal separator byte: 46 `.`, 44 `,`; 0 while `'auto'` has not seen one. */
  decimal: 0 | 44 | 46;
  /** The line that decided the decimal separator under `'auto'`. */
  decimalLine = 0;
  private cols: ResolvedColumns | null = null;
  private source: AmountSource = 'column';
  private delimiterCode = 0;

  constructor(
    private readonly settings: RowSettings,
    decimal: 0 | 44 | 46,
    private readonly fields: FieldBounds,
    private readonly builder: TransactionTableBuilder,
    private readonly interner: ByteIdInterner,
    private readonly decodeDay: DayDecoder,
    private readonly onRowKept: ((row: number) => void) | null,
  ) {
    this.decimal = decimal;
    builder.refuseTo(() => this.lineNo, 'line', (r) => this.refused(r));
  }

  /** The line of the row being decoded, for the builder's refusals. */
  private lineNo = 0;

  /** A row the builder's rules refused (a date out of range, a negative cost, an order id conflict). */
  private refused(r: RefusedRow): void {
    const field: Field = r.field === 'orderId' ? 'order' : r.field;
    const column = this.cols![field];
    this.rejected.push({ line: r.position, issues: [{ code: r.code, path: [this.record - 1, field], line: r.position, ...(column >= 0 ? { column: column + 1 } : {}), message: r.message }] });
  }

  /** Sets the columns once the first line has resolved them, and the delimiter byte (-1: whitespace). */
  begin(cols: ResolvedColumns, source: AmountSource, delimiterCode: number): void {
    this.cols = cols;
    this.source = source;
    this.delimiterCode = delimiterCode;
  }

  /** Decodes the row whose `count` fields lie in `b` at the bounds of {@link fields}. */
  row(b: Uint8Array, count: number, lineNo: number): void {
    const record = this.record++;
    this.lineNo = lineNo;
    const c = this.cols!;
    const fs = this.fields.start;
    const fe = this.fields.end;
    const s = this.settings;
    if (s.skipMissing.length > 0 && skipsRow(b, fs, fe, count, c, s.skipMissing)) {
      this.skipped++;
      return;
    }
    let idS = 0;
    let idE = 0;
    if (c.customer < count) {
      idS = trimStart(b, fs[c.customer]!, fe[c.customer]!);
      idE = trimEnd(b, idS, fe[c.customer]!);
    }
    let dS = 0;
    let dE = 0;
    if (c.date < count) {
      dS = trimStart(b, fs[c.date]!, fe[c.date]!);
      dE = trimEnd(b, dS, fe[c.date]!);
    }
    const day = dS === dE ? Number.NaN : this.decodeDay(b, dS, dE);
    const src = this.source;
    if (this.decimal === 0) this.detectDecimal(b, src === 'column' ? c.amount : c.price, count, lineNo);
    const dec = this.decimal === 44 ? 44 : 46;
    let amount: number;
    let amountState: 'missing' | 'invalid' | null = null;
    let price: number | undefined = Number.NaN;
    const quantity = optional(b, c.quantity, count, fs, fe, dec);
    let quantityState: 'missing' | 'invalid' | null = quantity === undefined ? 'invalid' : null;
    if (src === 'column') {
      amount = c.amount < count ? decodeNumberWith(b, fs[c.amount]!, fe[c.amount]!, dec) : Number.NaN;
      if (amount !== amount) amountState = c.amount < count && !isBlankCell(b, fs[c.amount]!, fe[c.amount]!) ? 'invalid' : 'missing';
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
      oS = trimStart(b, fs[c.order]!, fe[c.order]!);
      oE = trimEnd(b, oS, fe[c.order]!);
    }
    const valid =
      idS !== idE && day === day && amountState === null && quantityState === null && refunded !== undefined && cost !== undefined && discount !== undefined && !(discount < 0) && promo >= 0;
    let isCancelled = false;
    if (valid && s.cancelledPrefix !== null && isCancelledOrder(b, oS, oE, s.cancelledPrefix)) {
      isCancelled = true;
      amount = -Math.abs(amount);
    }
    const action = valid ? returnAction(amount, s.returns) : 'reject';
    if (action === 'drop') {
      this.returnsDropped++;
      if (isCancelled) this.cancelled++;
      return;
    }
    if (action === 'keep') {
      const order = oS === oE ? null : fieldText(b, oS, oE);
      const known = this.interner.ids.length;
      const id = this.interner.intern(b, idS, idE);
      if (!this.builder.appendAt(id, day, amount, cost!, quantity!, order, promo, discount!)) {
        // Refused by a row rule: a customer first seen on this row is not left without rows.
        if (id === known) this.interner.forgetNewest(id);
        return;
      }
      if (isCancelled) this.cancelled++;
      this.onRowKept?.(this.builder.length - 1);
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
      { line: lineNo, record, columns: c, bytes: b, start: fs, end: fe, count, expectedDate: s.expectedDate, decimal: dec, revealValues: s.revealValues },
    );
    this.rejected.push({ line: lineNo, issues });
  }

  /** Rejects a record that could not be cut into fields, with one issue. */
  rejectRecord(lineNo: number, message: string): void {
    const record = this.record++;
    this.rejected.push({ line: lineNo, issues: [{ code: 'invalid_value', path: [record], line: lineNo, message }] });
  }

  /** The decimal separator under `'auto'`, decided by the first money field written with one. */
  private detectDecimal(b: Uint8Array, k: number, count: number, lineNo: number): void {
    if (k < 0 || k >= count) return;
    const last = lastSeparator(b, this.fields.start[k]!, this.fields.end[k]!);
    if (last === 0) return;
    this.decimal = last === 44 && this.delimiterCode !== 44 ? 44 : 46;
    this.decimalLine = lineNo;
  }
}

/** NaN when the column is absent or the field empty; undefined when present but not a finite number. */
function optional(b: Uint8Array, k: number, count: number, fs: Int32Array, fe: Int32Array, decimal: 44 | 46): number | undefined {
  if (k < 0 || k >= count) return Number.NaN;
  const v = decodeNumberWith(b, fs[k]!, fe[k]!, decimal);
  return v === v ? v : isBlankCell(b, fs[k]!, fe[k]!) ? Number.NaN : undefined;
}
