import { tidyNumber } from './tidyNumber.js';

const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const RETURN = 13;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const SCALE = 1e9;
const INT_MAX = 0x7fffffff;
/** "00" to "99" as ASCII digit pairs: the pair of r at 2r and 2r + 1. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, k) => ZERO + (k % 2 === 0 ? Math.floor(k / 20) : Math.floor(k / 2) % 10));
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
   * Whole numbers below 2^31 and the nine decimals take 32-bit integer steps, two digits at a time.
   */
  number(v: number): void {
    if (this.pos + 32 > this.buf.length) this.grow(32);
    if (Number.isInteger(v)) {
      if (v >= 0 && v <= INT_MAX) this.pos = writeInt(this.buf, this.pos, v);
      else if (v < 0 && v >= -INT_MAX) {
        this.buf[this.pos] = MINUS;
        this.pos = writeInt(this.buf, this.pos + 1, -v);
      } else if (v > -1e15 && v < 1e15) {
        if (v < 0) {
          this.buf[this.pos++] = MINUS;
          this.digits(-v);
        } else this.digits(v);
      } else this.ascii(String(v));
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
    const fraction = u - whole * SCALE;
    const buf = this.buf;
    let p = this.pos;
    if (m < 0) buf[p++] = MINUS;
    p = writeInt(buf, p, whole);
    if (fraction !== 0) {
      buf[p] = DOT;
      // nine digits, zero-padded, then the trailing zeros dropped (the fraction is not 0)
      let f = fraction | 0;
      for (let q = p + 9; q > p + 2; q -= 2) {
        const r = f % 100;
        f = ((f - r) / 100) | 0;
        buf[q] = PAIRS[2 * r + 1]!;
        buf[q - 1] = PAIRS[2 * r]!;
      }
      buf[p + 1] = ZERO + f;
      p += 9;
      while (buf[p] === ZERO) p--;
      p++;
    }
    this.pos = p;
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

  /** A JSON string: the bytes of `JSON.stringify(s)` (printable ASCII copied, the rest through `JSON.stringify`). */
  jsonText(s: string): void {
    const n = s.length;
    if (this.pos + n + 2 > this.buf.length) this.grow(n + 2);
    const start = this.pos;
    const buf = this.buf;
    let p = start;
    buf[p++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c >= 127 || c === QUOTE || c === BACKSLASH) {
        this.pos = start;
        this.raw(JSON.stringify(s));
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }

  /** Bytes encoded before (a cached cell). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let p = this.pos;
    if (n > 32) {
      buf.set(b, p);
      p += n;
    } else for (let i = 0; i < n; i++) buf[p++] = b[i]!;
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

  /** The decimal digits of a whole number 0 <= v < 1e15 (in doubles: beyond 32-bit integers). */
  private digits(v: number): void {
    let count = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) count++;
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

/** Decimal digits of a whole number 0 <= v <= 2^31 - 1 at `buf[p..]`; the position after them. */
function writeInt(buf: Uint8Array, p: number, v: number): number {
  const n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
  let q = p + n - 1;
  let t = v | 0;
  while (t >= 100) {
    const r = t % 100;
    t = ((t - r) / 100) | 0;
    buf[q] = PAIRS[2 * r + 1]!;
    buf[q - 1] = PAIRS[2 * r]!;
    q -= 2;
  }
  if (t >= 10) {
    buf[q] = PAIRS[2 * t + 1]!;
    buf[q - 1] = PAIRS[2 * t]!;
  } else buf[q] = ZERO + t;
  return p + n;
}
