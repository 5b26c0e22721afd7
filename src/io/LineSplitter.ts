import { splitFields, type Delimiter } from './splitFields.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/** Receives the lines found by a {@link LineSplitter}. @internal */
export interface LineSink {
  /**
   * One line, `bytes[start, end)` without its `\n` or `\r\n`. `quoted` says whether it holds a
   * double quote (then its fields need {@link FieldBounds.splitQuoted}).
   */
  line(bytes: Uint8Array, start: number, end: number, quoted: boolean): void;
}

/**
 * The line splitter: cuts UTF-8 text arriving in chunks of any size into lines, in place (a
 * line cut by a chunk boundary is joined in a small carry-over buffer), and finds quotes with
 * one native search per chunk.
 * @internal
 */
export class LineSplitter {
  private rest: Uint8Array = new Uint8Array(256);
  private restLength = 0;

  constructor(private readonly sink: LineSink) {}

  /** Feeds the next chunk; every line it completes goes to the sink. */
  push(chunk: Uint8Array): void {
    let start = 0;
    if (this.restLength > 0) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.carry(chunk, 0, chunk.length);
        return;
      }
      this.carry(chunk, 0, nl + 1);
      const line = this.rest;
      const n = this.restLength;
      this.restLength = 0;
      this.emit(line, 0, n - 1);
      start = nl + 1;
    }
    let nextQuote = chunk.indexOf(34, start);
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      if (nextQuote >= 0 && nextQuote < start) nextQuote = chunk.indexOf(34, start);
      const end = nl > start && chunk[nl - 1] === 13 ? nl - 1 : nl;
      this.sink.line(chunk, start, end, nextQuote >= 0 && nextQuote < nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.carry(chunk, start, chunk.length);
  }

  /** Ends the input: a last line without a final newline goes to the sink. */
  end(): void {
    if (this.restLength === 0) return;
    const n = this.restLength;
    this.restLength = 0;
    this.emit(this.rest, 0, n);
  }

  private emit(bytes: Uint8Array, start: number, end: number): void {
    if (end > start && bytes[end - 1] === 13) end--;
    const q = bytes.indexOf(34, start);
    this.sink.line(bytes, start, end, q >= 0 && q < end);
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
  /** The bytes fields point into after {@link splitQuoted}. */
  unquoted: Uint8Array = new Uint8Array(0);

  /** Splits `bytes[s, e)` (no quotes in it); returns the number of fields. */
  split(bytes: Uint8Array, s: number, e: number, delimiter: number | 'whitespace'): number {
    let k = 0;
    if (delimiter === 'whitespace') {
      let i = s;
      for (;;) {
        while (i < e && isBlank(bytes[i]!)) i++;
        if (i >= e) return k;
        const start = i;
        while (i < e && !isBlank(bytes[i]!)) i++;
        this.set(k++, start, i);
      }
    }
    let start = s;
    let fs = this.start;
    let fe = this.end;
    for (let i = s; i < e; i++) {
      if (bytes[i] === delimiter) {
        if (k >= fs.length - 1) {
          this.grow();
          fs = this.start;
          fe = this.end;
        }
        fs[k] = start;
        fe[k++] = i;
        start = i + 1;
      }
    }
    this.set(k++, start, e);
    return k;
  }

  /**
   * Splits a line holding quotes (`"a, b"`, `""` inside) through {@link splitFields}; the unquoted
   * fields are laid out in {@link unquoted}, which the bounds then point into.
   */
  splitQuoted(bytes: Uint8Array, s: number, e: number, delimiter: Delimiter): number {
    const fields = splitFields(decodeUtf8(bytes.subarray(s, e)), delimiter);
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
