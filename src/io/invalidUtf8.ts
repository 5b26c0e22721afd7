import { InvalidInputError } from '../errors/InvalidInputError.js';
import { FIELDS, type ResolvedColumns } from './columnMapping.js';
import { splitFields, type Delimiter } from './splitFields.js';
import { decodeUtf8, firstInvalidUtf8 } from './utf8.js';

/** Where a record lies in the input, for {@link checkRecordUtf8}. @internal */
export interface RecordPlace {
  /** Offset in the input of the record's first byte, `bytes[start]`. */
  readonly offset: number;
  /** The physical line where the record starts. */
  readonly line: number;
  /** 0-based index of the data record, or null for the first line (header or not yet known). */
  readonly record: number | null;
  readonly delimiter: Delimiter;
  readonly columns: ResolvedColumns | null;
}

/**
 * Refuses a record `bytes[start, end)` holding bytes that are not UTF-8, in any field, read or
 * not: an {@link InvalidInputError} naming the byte offset in the input, the line, the column
 * (and the field when the column holds one), suggesting the `encoding` option. Returns when the
 * record is valid UTF-8. Call it only for records holding a byte >= 0x80 (ASCII is UTF-8).
 * @internal
 */
export function checkRecordUtf8(bytes: Uint8Array, start: number, end: number, at: RecordPlace): void {
  const bad = firstInvalidUtf8(bytes, start, end);
  if (bad === end) return;
  const column = columnAt(bytes, start, bad, at.delimiter);
  const field = at.columns === null ? undefined : FIELDS.find((f) => at.columns![f] === column - 1);
  const path = at.record === null ? [] : field === undefined ? [at.record] : [at.record, field];
  throw new InvalidInputError([
    {
      code: 'invalid_value',
      path,
      line: at.line,
      column,
      message: `byte ${at.offset + (bad - start)} (0-based) of the input is not valid UTF-8 (expected UTF-8 text; give the file's encoding with the encoding option, --encoding latin1, windows-1252 or utf-16le on the command line)`,
    },
  ]);
}

/** The 1-based column of the field holding byte `at` of the record starting at `start` (the bytes before it are UTF-8). */
function columnAt(bytes: Uint8Array, start: number, at: number, delimiter: Delimiter): number {
  const before = decodeUtf8(bytes.subarray(start, at));
  const fields = splitFields(before, delimiter).length;
  if (delimiter !== 'whitespace') return Math.max(1, fields);
  return /^[ \t]*$|[ \t]$/.test(before) ? fields + 1 : fields;
}
