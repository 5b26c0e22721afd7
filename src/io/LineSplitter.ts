import { splitFields, type Delimiter } from './splitFields.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/** Receives the records found by a {@link LineSplitter}. @internal */
export interface LineSink {
  /**
   * One record, `bytes[start, end)` without its final `\n` or `\r\n`: one line, or several
   * when a quoted field spans lines (`lines` says how many physical lines it took). `quoted` says
   * whether it holds a double quote (then its fields need {@link FieldBounds.splitQuoted}).
   */
  line(bytes: Uint8Array, start: number, end: number, quoted: boolean, lines: number): void;
}

/**
 * The line splitter: cuts UTF-8 text arriving in chunks of any size into records, in place (a
 * record cut by a chunk boundary is joined in a small carry-over buffer), and finds quotes with
 * one native search per chunk. A line holding a quote is scanned as RFC 4180 says: a field that
 * starts with `"` runs to the next lone `"` (`""` is a quote inside), across line ends, so a
 * quoted field may hold `\n` and `\r\n`. Lines without quotes are never scanned byte by byte.
 * @internal
 */
export class LineSplitter {
  private rest: Uint8Array = new Uint8Array(256);
  private restLength = 0;
  /** Line ends inside the carried record (a quoted field spanning lines). */
  private restLines = 0;
  private restQuoted = false;
  /** Quote scanner: inside a quoted field; at the start of a field; just after a closing quote. */
  private inQuotes = false;
  private fieldStart = true;
  private closed = false;
  /** Offset in the input of the first byte of the record being handed to the sink. */
  recordOffset = 0;
  /** Offset of the current chunk's first byte, and of the carried record's. */
  private base = 0;
  private restOffset = 0;
  /** The delimiter byte, once known (-1: any of `,` `;` tab `|`; -2: whitespace, no quoting). */
  delimiter = -1;

  constructor(private readonly sink: LineSink) {}

  /** Whether the input ended inside a quoted field (checked after {@link end}). */
  get unterminated(): boolean {
    return this.inQuotes;
  }

  /** Feeds the next chunk; every record it completes goes to the sink. */
  push(chunk: Uint8Array): void {
    let start = 0;
    if (this.restLength > 0) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        const lineEnd = nl < 0 ? chunk.length : nl;
        if (!this.restQuoted && this.delimiter !== -2) {
          const q = chunk.indexOf(34, from);
          if (q >= 0 && q < lineEnd) {
            // The carried part has no quote: scan it now, so the scanner state covers the record.
            this.restQuoted = true;
            this.scan(this.rest, 0, this.restLength);
          }
        }
        if (nl < 0) {
          if (this.restQuoted) this.scan(chunk, from, chunk.length);
          this.carry(chunk, 0, chunk.length);
          this.base += chunk.length;
          return;
        }
        if (this.restQuoted && !this.scanLine(chunk, from, nl)) {
          this.restLines++;
          from = nl + 1;
          continue;
        }
        this.carry(chunk, 0, nl + 1);
        const n = this.restLength;
        const lines = this.restLines + 1;
        this.restLength = 0;
        this.restLines = 0;
        this.restQuoted = false;
        this.recordOffset = this.restOffset;
        this.emit(this.rest, 0, n - 1, lines);
        start = nl + 1;
        break;
      }
    }
    let nextQuote = chunk.indexOf(34, start);
    let from = start;
    let lines = 1;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      if (nl < 0) break;
      if (nextQuote >= 0 && nextQuote < from) nextQuote = chunk.indexOf(34, from);
      const quoted = nextQuote >= 0 && nextQuote < nl;
      if ((quoted || lines > 1) && this.delimiter !== -2 && !this.scanLine(chunk, from, nl)) {
        from = nl + 1;
        lines++;
        continue;
      }
      const end = nl > start && chunk[nl - 1] === 13 ? nl - 1 : nl;
      this.recordOffset = this.base + start;
      this.sink.line(chunk, start, end, quoted || lines > 1, lines);
      start = from = nl + 1;
      lines = 1;
    }
    if (start < chunk.length) {
      if (lines > 1 || (nextQuote >= 0 && chunk.indexOf(34, from) >= 0)) {
        this.restQuoted = true;
        if (this.delimiter !== -2) this.scan(chunk, from, chunk.length);
      }
      this.restLines = lines - 1;
      this.restOffset = this.base + start;
      this.carry(chunk, start, chunk.length);
    }
    this.base += chunk.length;
  }

  /** Ends the input: a last record without a final newline goes to the sink. */
  end(): void {
    if (this.restLength === 0) return;
    const n = this.restLength;
    const lines = this.restLines + 1;
    this.restLength = 0;
    this.restLines = 0;
    this.restQuoted = false;
    this.recordOffset = this.restOffset;
    this.emit(this.rest, 0, n, lines);
  }

  /** Scans a line's bytes `[from, nl)`; true when the record ends at `nl` (no quoted field open). */
  private scanLine(bytes: Uint8Array, from: number, nl: number): boolean {
    this.scan(bytes, from, nl);
    if (this.inQuotes) return false;
    this.fieldStart = true;
    this.closed = false;
    return true;
  }

  private scan(bytes: Uint8Array, from: number, to: number): void {
    let inQuotes = this.inQuotes;
    let fieldStart = this.fieldStart;
    let closed = this.closed;
    const d = this.delimiter;
    for (let i = from; i < to; i++) {
      const c = bytes[i]!;
      if (inQuotes) {
        if (c === 34) {
          inQuotes = false;
          closed = true;
        }
      } else if (c === 34 && (fieldStart || closed)) {
        inQuotes = true;
        closed = false;
        fieldStart = false;
      } else {
        fieldStart = d >= 0 ? c === d : c === 44 || c === 59 || c === 9 || c === 124;
        closed = false;
      }
    }
    this.inQuotes = inQuotes;
    this.fieldStart = fieldStart;
    this.closed = closed;
  }

  private emit(bytes: Uint8Array, start: number, end: number, lines: number): void {
    if (end > start && bytes[end - 1] === 13) end--;
    const q = bytes.indexOf(34, start);
    this.sink.line(bytes, start, end, (q >= 0 && q < end) || lines > 1, lines);
  }

  private carry(chunk: Uint8Array, start: number, end: number): void {
    const n = this.restLength + end - start;
    if (n > this.rest.length) {
      const rest = new Uint8Array(Math.max(n, this.rest.length * 2));
      rest.set(this.rest.subarray(0, this.restLength));
      this.rest = rest;
    }
    this.rest.set(chunk.subarray(start, end), this.restLength);
    this.restLength = n;
  }
}

/**
 * Field bounds of the current line: field k is `bytes[start[k], end[k])`. Cuts a line at a
 * delimiter byte or at runs of blanks (`'whitespace'`).
 * @internal
 */
export class FieldBounds {
  start: Int32Array = new Int32Array(32);
  end: Int32Array = new Int32Array(32);
  /** Whether the last {@link split} line held a byte >= 0x80 (then it must be checked as UTF-8). */
  high = false;
  /** Whether the last {@link splitQuoted} line decoded to a U+FFFD (written, or from bytes that are not UTF-8). */
  replaced = false;
  /** The bytes fields point into after {@link splitQuoted}. */
  unquoted: Uint8Array = new Uint8Array(0);

  /** Splits `bytes[s, e)` (no quotes in it); returns the number of fields. */
  split(bytes: Uint8Array, s: number, e: number, delimiter: number | 'whitespace'): number {
    let k = 0;
    let high = 0;
    if (delimiter === 'whitespace') {
      let i = s;
      for (;;) {
        while (i < e && isBlank(bytes[i]!)) i++;
        if (i >= e) {
          this.high = high >= 128;
          return k;
        }
        const start = i;
        for (; i < e && !isBlank(bytes[i]!); i++) high |= bytes[i]!;
        this.set(k++, start, i);
      }
    }
    let start = s;
    let fs = this.start;
    let fe = this.end;
    for (let i = s; i < e; i++) {
      const c = bytes[i]!;
      if (c === delimiter) {
        if (k >= fs.length - 1) {
          this.grow();
          fs = this.start;
          fe = this.end;
        }
        fs[k] = start;
        fe[k++] = i;
        start = i + 1;
      } else if (c >= 128) high = 128;
    }
    this.set(k++, start, e);
    this.high = high >= 128;
    return k;
  }

  /**
   * Splits a line holding quotes (`"a, b"`, `""` inside) through {@link splitFields}; the unquoted
   * fields are laid out in {@link unquoted}, which the bounds then point into.
   */
  splitQuoted(bytes: Uint8Array, s: number, e: number, delimiter: Delimiter): number {
    const text = decodeUtf8(bytes.subarray(s, e));
    this.replaced = text.includes('\uFFFD');
    const fields = splitFields(text, delimiter);
    this.setStrings(fields);
    return fields.length;
  }

  /** Lays out fields already split into strings in {@link unquoted} (separated by a 0 byte). */
  setStrings(fields: readonly string[]): void {
    const encoded = fields.map(encodeUtf8);
    let n = 0;
    for (const f of encoded) n += f.length + 1;
    const out = new Uint8Array(n);
    let at = 0;
    encoded.forEach((f, k) => {
      out.set(f, at);
      this.set(k, at, at + f.length);
      at += f.length + 1;
    });
    this.unquoted = out;
  }

  private set(k: number, start: number, end: number): void {
    if (k >= this.start.length) this.grow();
    this.start[k] = start;
    this.end[k] = end;
  }

  private grow(): void {
    const fs = new Int32Array(this.start.length * 2);
    fs.set(this.start);
    const fe = new Int32Array(this.end.length * 2);
    fe.set(this.end);
    this.start = fs;
    this.end = fe;
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
