import { tidyNumber } from './tidyNumber.js';

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const SCALE = 1e9;
const encoder = new TextEncoder();

/**
 * CSV text built as UTF-8 bytes in one reusable buffer, for the column writer: numbers are
 * written digit by digit (no number-to-string conversion for integers and money-sized values),
 * plain ASCII text is copied byte by byte, and text that needs quoting or is not ASCII takes the
 * general path. The bytes equal those of the string writer (`csvCell`): numbers as
 * `String(tidyNumber(v))`, text quoted per RFC 4180 when it holds a comma, quote, CR or LF.
 * @internal
 */
export class CsvByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(capacity = 1 << 20) {
    this.buf = new Uint8Array(capacity);
  }

  /** Bytes written since the last {@link take}. */
  get length(): number {
    return this.pos;
  }

  /** The bytes written so far (a copy), and a fresh start. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }

  /** One byte: a separator or the end of a line. */
  byte(b: number): void {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = b;
  }

  comma(): void {
    this.byte(COMMA);
  }

  newline(): void {
    this.byte(NEWLINE);
  }

  /**
   * A number cell: `String(tidyNumber(v))` as bytes. Integers below 1e15 are written digit by
   * digit; so is a non-integer of magnitude in [1e-6, 1e6), from the integer `round(v · 1e9)`:
   * with at most 15 significant digits, its decimal text is exactly the shortest text that reads
   * back to `round(v · 1e9) / 1e9`, which is what `String` prints. Other values take `String`.
   */
  number(v: number): void {
    if (this.pos + 32 > this.buf.length) this.grow(32);
    if (Number.isInteger(v)) {
      if (v > -1e15 && v < 1e15) {
        if (v < 0) {
          this.buf[this.pos++] = MINUS;
          this.digits(-v, 0);
        } else this.digits(v, 0);
        return;
      }
      this.ascii(String(v));
      return;
    }
    const a = v < 0 ? -v : v;
    if (!(a >= 1e-6 && a < 1e6)) {
      this.ascii(String(tidyNumber(v)));
      return;
    }
    const m = Math.round(v * SCALE);
    if (m === 0) {
      this.buf[this.pos++] = ZERO;
      return;
    }
    const u = m < 0 ? -m : m;
    const whole = Math.floor(u / SCALE);
    let fraction = u - whole * SCALE;
    if (m < 0) this.buf[this.pos++] = MINUS;
    this.digits(whole, 0);
    if (fraction === 0) return;
    let width = 9;
    while (fraction % 10 === 0) {
      fraction /= 10;
      width--;
    }
    this.buf[this.pos++] = DOT;
    this.digits(fraction, width);
  }

  /** A text cell, quoted when it holds a comma, a quote, CR or LF. */
  text(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const start = this.pos;
    const buf = this.buf;
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || c === COMMA || c === QUOTE || c === NEWLINE || c === RETURN) {
        this.pos = start;
        this.general(s);
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Text as it is, never quoted (a header line). */
  raw(s: string): void {
    const bytes = encoder.encode(s);
    if (this.pos + bytes.length > this.buf.length) this.grow(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Text known to be ASCII without characters that need quoting (number texts). */
  private ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    for (let i = 0; i < n; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }

  private general(s: string): void {
    this.raw(/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  }

  /** The decimal digits of a whole number 0 <= v < 1e15, left-padded with zeros to `width`. */
  private digits(v: number, width: number): void {
    let count = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) count++;
    if (count < width) {
      for (let k = count; k < width; k++) this.buf[this.pos++] = ZERO;
    }
    let p = this.pos + count - 1;
    let t = v;
    do {
      const q = Math.floor(t / 10);
      this.buf[p--] = ZERO + (t - q * 10);
      t = q;
    } while (t > 0);
    this.pos += count;
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra + 64));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}
