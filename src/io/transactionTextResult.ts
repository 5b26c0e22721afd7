import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import type { CountOnlyTransactionTable, TransactionTable } from '../transactions/types.js';
import type { AmountSource, Field } from './columnMapping.js';

/** A line of text that did not pass validation. */
export interface RejectedLine {
  /** 1-based line number in the text, header included. */
  readonly line: number;
  readonly issues: NonEmptyArray<InputIssue>;
}

/**
 * Result of reading transaction text. When the text has neither an amount nor a price column
 * (`amountSource: 'none'`), `table` is count-only (`table.countOnly` is `true`, a
 * {@link CountOnlyTransactionTable}): summaries of it give `null` money.
 */
export interface TransactionTextResult extends TextResultParts {
  /** The rows read, by column. */
  readonly table: TransactionTable;
  /**
   * Where the amounts came from: an amount column, `quantity × price`, a price column, or none
   * (count-only data: every row a purchase with amount 0, so counts, recency and T are right and
   * there is no money).
   */
  readonly amountSource: AmountSource;
}

/** What every {@link TransactionTextResult} has. */
export interface TextResultParts {
  readonly rejected: readonly RejectedLine[];
  readonly returnsDropped: number;
  /** Lines read, header and blank lines included. */
  readonly lines: number;
  /** Whether a header line was found. */
  readonly header: boolean;
  /** Rows left out under `skipMissing`. */
  readonly skipped: number;
  /** Rows made returns because their order id has the `cancelledPrefix`. */
  readonly cancelled: number;
  /** Numeric customer ids read from more than one written form under `ids: 'auto'` (`00042` and `42`). */
  readonly idsMerged: number;
  /** What the reader chose, one sentence each: the column of each field, and the detected decimal separator, date format and encoding. */
  readonly notes: readonly string[];
}

/** What the reader counted and chose, for the notes of its result. @internal */
export interface ReadFacts {
  /** The encoding, detected date format and decimal separator notes so far (column line first). */
  readonly notes: readonly string[];
  /** The detected date format and the line that decided it, under `dateFormat: 'auto'`. */
  readonly dateFormat: { readonly format: string | null; readonly line: number } | null;
  /** The separator byte found (0 none) and its line, under `decimal: 'auto'`. */
  readonly decimal: { readonly separator: 0 | 44 | 46; readonly line: number } | null;
  readonly idsMerged: number;
  readonly skipped: number;
  readonly skipFields: readonly Field[];
  readonly cancelled: number;
}

/**
 * The notes of a read, one sentence each: the chosen columns, the byte-order mark, the detected
 * date format and decimal separator, merged ids, skipped rows and cancelled rows.
 * @internal
 */
export function readNotes(f: ReadFacts): string[] {
  const notes = [...f.notes];
  if (f.dateFormat !== null && f.dateFormat.format !== null) notes.push(`date format: ${f.dateFormat.format} (detected from line ${f.dateFormat.line})`);
  if (f.decimal !== null) {
    notes.push(f.decimal.separator === 0 ? 'decimal separator: none seen (whole numbers only)' : `decimal separator: ${f.decimal.separator === 44 ? 'comma' : 'point'} (detected from line ${f.decimal.line})`);
  }
  const merged = f.idsMerged;
  if (merged > 0) notes.push(`ids: ${merged} numeric customer id${merged === 1 ? ' was' : 's were'} written in more than one way (such as 00042 and 42) and merged; --ids string (ids: 'string') keeps them apart`);
  if (f.skipped > 0) notes.push(`${f.skipped} row${f.skipped === 1 ? '' : 's'} skipped with a blank ${f.skipFields.join(' or ')}`);
  if (f.cancelled > 0) notes.push(`${f.cancelled} row${f.cancelled === 1 ? '' : 's'} of cancelled orders read as returns`);
  return notes;
}
