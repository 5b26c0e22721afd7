import type { ReturnsPolicy } from '../transactions/options.js';
import type { RefusedRow } from '../transactions/rowChecks.js';
import type { TransactionTableBuilder } from '../transactions/TransactionTableBuilder.js';
import type { ByteIdInterner } from './ByteIdInterner.js';
import type { AmountSource, Field, ResolvedColumns } from './columnMapping.js';
import { decodeFlag, fieldText, trimEnd, trimStart, type DayDecoder } from './decodeField.js';
import { decodeNumberTo, isBlankCell } from './decodeNumber.js';
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
  /** Price and refunded of the row being decoded. */
  private readonly extra = new Float64Array(2);

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
    // Numbers go straight into the builder's row values (amount, cost, quantity, discount) and
    // `extra` (price, refunded): no number is boxed per row.
    const x = this.builder.values;
    const y = this.extra;
    let amountState: 'missing' | 'invalid' | null = null;
    let priceBad = false;
    const quantityBad = cell(b, c.quantity, count, fs, fe, dec, x, QUANTITY);
    let quantityState: 'missing' | 'invalid' | null = quantityBad ? 'invalid' : null;
    if (src === 'column') {
      if (cell(b, c.amount, count, fs, fe, dec, x, AMOUNT)) amountState = 'invalid';
      else if (x[AMOUNT] !== x[AMOUNT]) amountState = 'missing';
    } else if (src === 'none') x[AMOUNT] = 0;
    else {
      priceBad = cell(b, c.price, count, fs, fe, dec, y, PRICE);
      if (priceBad) amountState = 'invalid';
      else if (y[PRICE] !== y[PRICE]) amountState = 'missing';
      if (src === 'price') x[AMOUNT] = y[PRICE]!;
      else {
        if (!quantityBad && x[QUANTITY] !== x[QUANTITY]) quantityState = 'missing';
        x[AMOUNT] = y[PRICE]! * x[QUANTITY]!;
      }
    }
    const refundedBad = cell(b, c.refunded, count, fs, fe, dec, y, REFUNDED);
    if (!refundedBad && y[REFUNDED] === y[REFUNDED]) x[AMOUNT] = x[AMOUNT]! - y[REFUNDED]!;
    const costBad = cell(b, c.cost, count, fs, fe, dec, x, COST);
    const discountBad = cell(b, c.discount, count, fs, fe, dec, x, DISCOUNT);
    const promo = c.promo < 0 ? 255 : c.promo < count ? decodeFlag(b, fs[c.promo]!, fe[c.promo]!) : 255;
    let oS = 0;
    let oE = 0;
    if (c.order >= 0 && c.order < count) {
      oS = trimStart(b, fs[c.order]!, fe[c.order]!);
      oE = trimEnd(b, oS, fe[c.order]!);
    }
    const valid = idS !== idE && day === day && amountState === null && quantityState === null && !refundedBad && !costBad && !discountBad && !(x[DISCOUNT]! < 0) && promo >= 0;
    let isCancelled = false;
    if (valid && s.cancelledPrefix !== null && isCancelledOrder(b, oS, oE, s.cancelledPrefix)) {
      isCancelled = true;
      x[AMOUNT] = -Math.abs(x[AMOUNT]!);
    }
    const action = !valid ? 'reject' : x[AMOUNT]! < 0 ? returnAction(x[AMOUNT]!, s.returns) : 'keep';
    if (action === 'drop') {
      this.returnsDropped++;
      if (isCancelled) this.cancelled++;
      return;
    }
    if (action === 'keep') {
      if (oS === oE) {
        // The id is interned with the rows around it (see flushIds): the row rules do not need it.
        if (b !== this.pendingBytes || this.pendingCount === PENDING_ROWS) {
          this.flushIds();
          this.pendingBytes = b;
          this.pendingFirst = this.builder.length;
        }
        if (!this.builder.appendValues(-1, day, null, promo)) return;
        const k = this.pendingCount++;
        this.pendingBounds[2 * k] = idS;
        this.pendingBounds[2 * k + 1] = idE;
        if (isCancelled) this.cancelled++;
        this.onRowKept?.(this.builder.length - 1);
        return;
      }
      // An order id: its rule (one customer per order) needs the customer now.
      this.flushIds();
      const order = fieldText(b, oS, oE);
      const known = this.interner.ids.length;
      const id = this.interner.intern(b, idS, idE);
      if (!this.builder.appendValues(id, day, order, promo)) {
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
        priceInvalid: priceBad,
        quantity: quantityState,
        refundedInvalid: refundedBad,
        costInvalid: costBad,
        discount: discountBad ? 'invalid' : x[DISCOUNT]! < 0 ? 'negative' : null,
        promoInvalid: promo < 0,
        rejectedReturn: valid,
      },
      { line: lineNo, record, columns: c, bytes: b, start: fs, end: fe, count, expectedDate: s.expectedDate, decimal: dec, revealValues: s.revealValues },
    );
    this.rejected.push({ line: lineNo, issues });
  }

  /**
   * Interns the customer ids of the rows appended since the last call and writes them into the
   * table: rows without an order id are appended with their id's bounds kept, and their ids are
   * interned together ({@link ByteIdInterner.internMany}), in row order, so the indices are those
   * of one-by-one interning. The reader calls it before the bytes of a chunk can change (at the
   * end of every chunk and before the table is finished); the decoder itself when the rows' bytes
   * change, a batch is full, or a row needs its customer at once.
   */
  flushIds(): void {
    const n = this.pendingCount;
    if (n === 0) return;
    this.pendingCount = 0;
    this.interner.internMany(this.pendingBytes!, this.pendingBounds, n, this.pendingIds, 0, 1);
    this.builder.setCustomers(this.pendingFirst, this.pendingIds, n);
    this.pendingBytes = null;
  }

  /** The bytes the pending rows' ids lie in, their bounds, the first pending row and the count. */
  private pendingBytes: Uint8Array | null = null;
  private readonly pendingBounds = new Int32Array(2 * PENDING_ROWS);
  private readonly pendingIds = new Int32Array(PENDING_ROWS);
  private pendingFirst = 0;
  private pendingCount = 0;

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

/** Rows whose ids are interned together (a batch small enough to stay in cache). */
const PENDING_ROWS = 2048;

/** Slots of the row values: the builder's (amount, cost, quantity, discount) and the decoder's own (price, refunded). */
const AMOUNT = 0;
const COST = 1;
const QUANTITY = 2;
const DISCOUNT = 3;
const PRICE = 0;
const REFUNDED = 1;

/**
 * Reads number column `k` into `out[at]`: `NaN` when the column is absent, the field blank or
 * not a number; returns true only in the last case (present but not a finite number).
 */
function cell(b: Uint8Array, k: number, count: number, fs: Int32Array, fe: Int32Array, decimal: 44 | 46, out: Float64Array, at: number): boolean {
  if (k < 0 || k >= count) {
    out[at] = Number.NaN;
    return false;
  }
  decodeNumberTo(b, fs[k]!, fe[k]!, decimal, out, at);
  return out[at] !== out[at] && !isBlankCell(b, fs[k]!, fe[k]!);
}
