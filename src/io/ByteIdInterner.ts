import type { CustomerId } from '../transactions/types.js';
import { fieldText } from './decodeField.js';
import { mix, relay } from './idSlots.js';


/**
 * Interns customer ids read from text bytes without making a string per row: an id is hashed
 * from its bytes in place into an open-addressing table, and a string is decoded only the
 * first time the id is seen. With `numeric`, ids made only of digits (up to 15) become numbers,
 * so `00042` and `42` are the same customer.
 * @internal
 */
export class ByteIdInterner {
  /** Distinct ids in first-seen order. */
  readonly ids: CustomerId[] = [];
  /**
   * Text ids: four ints per slot, `[hash, index + 1, a, b]`, index 0 marking an empty slot. An id
   * of up to 7 bytes is held in the slot itself (`a` bytes 0-3, `b` bytes 4-6 and the length in
   * the top byte), so a lookup touches one cache line; a longer one has `a` its offset in
   * `pool` and `b` minus its length.
   */
  private textSlots: Int32Array = new Int32Array(4 << 12);
  private textMask = (1 << 12) - 1;
  private textCount = 0;
  /** Bytes of the ids longer than 7 bytes, back to back. */
  private pool: Uint8Array = new Uint8Array(1 << 12);
  private poolLength = 0;
  /** Numeric ids: `[hash, index + 1, low 32 bits, high bits]` of the value. */
  private numberSlots: Int32Array = new Int32Array(4 << 12);
  private numberMask = (1 << 12) - 1;
  private numberCount = 0;

  /** @param numeric - Whether all-digit ids become numbers. */
  constructor(private readonly numeric: boolean) {}

  /**
   * Index of the id `bytes[start, end)` (already trimmed, non-empty, valid UTF-8: the reader
   * refuses a record holding bytes that are not, so equal ids as text are equal bytes).
   */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const one = this.one;
    one[0] = start;
    one[1] = end;
    this.internMany(bytes, one, 1, one, 2, 1);
    return one[2]!;
  }

  /** Bounds for {@link intern}: start, end, and the index written back. */
  private readonly one = new Int32Array(3);

  /**
   * Interns `n` ids at once, in order: id `k` is `bytes[bounds[2k], bounds[2k + 1])` (as for
   * {@link intern}), and its index goes to `out[outAt + k * outStride]`. Same indices as `n`
   * calls of {@link intern}, faster: the keys are first read from the bytes for every id, then
   * looked up one after another, so the table's cache misses of consecutive ids overlap instead
   * of waiting behind each id's byte work.
   */
  internMany(bytes: Uint8Array, bounds: Int32Array, n: number, out: Int32Array, outAt: number, outStride: number): void {
    if (this.keyHash.length < n) this.growKeys(n);
    const H = this.keyHash;
    const A = this.keyA;
    const B = this.keyB;
    const kind = this.keyKind;
    const V = this.keyValue;
    const numeric = this.numeric;
    // Phase 1: each id's key from its bytes (sequential reads, no table access).
    for (let k = 0; k < n; k++) {
      const start = bounds[2 * k]!;
      const end = bounds[2 * k + 1]!;
      const len = end - start;
      if (numeric) {
        let v = 0;
        let i = start;
        for (; i < end && i - start < 15; i++) {
          const d = bytes[i]! - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
        }
        if (i > start) {
          const digitsEnd = i;
          if (i < end && bytes[i] === 46) {
            // pandas writes integer ids of a float column as `12346.0`: the same number.
            let j = i + 1;
            while (j < end && bytes[j] === 48) j++;
            if (j === end && j > i + 1) i = end;
          }
          if (i === end) {
            const canonical = digitsEnd === end && (bytes[start] !== 48 || digitsEnd - start === 1);
            kind[k] = canonical ? NUMBER : NUMBER_WRITTEN_OTHERWISE;
            V[k] = v;
            continue;
          }
        }
      }
      if (len <= 7) {
        // The key is the slot's two ints; the hash mixes them (no loop over the bytes again).
        let a = 0;
        for (let j = Math.min(len, 4) - 1; j >= 0; j--) a = (a << 8) | bytes[start + j]!;
        let b = len << 24;
        for (let j = len - 1; j >= 4; j--) b |= bytes[start + j]! << ((j - 4) * 8);
        kind[k] = SHORT_TEXT;
        A[k] = a;
        B[k] = b;
        H[k] = mix(a ^ Math.imul(b, 0x9e3779b1));
      } else {
        let h = 0x811c9dc5;
        for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
        kind[k] = LONG_TEXT;
        A[k] = -1;
        B[k] = -len;
        H[k] = mix(h);
      }
    }
    // Phase 2: the lookups, in order (an id first seen at k is found by the ids after it).
    let slots = this.textSlots;
    let mask = this.textMask;
    for (let k = 0; k < n; k++) {
      const start = bounds[2 * k]!;
      const end = bounds[2 * k + 1]!;
      const o = outAt + k * outStride;
      const t = kind[k]!;
      if (t >= NUMBER) {
        const c = this.internNumber(V[k]!);
        if (t !== NUMBER || this.forms[c] !== 0) this.noteForm(c, t === NUMBER, bytes, start, end);
        out[o] = c;
        continue;
      }
      const h = H[k]!;
      const a = A[k]!;
      const b = B[k]!;
      let slot = h & mask;
      let found = -1;
      for (;;) {
        const j = slot << 2;
        const c1 = slots[j + 1]!;
        if (c1 === 0) break;
        if (slots[j] === h && slots[j + 3] === b && (a >= 0 ? slots[j + 2] === a : this.samePooled(slots[j + 2]!, bytes, start, end - start))) {
          found = c1 - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (found < 0) {
        found = this.addText(slot, h, a, b, bytes, start, end);
        slots = this.textSlots;
        mask = this.textMask;
      }
      out[o] = found;
    }
  }

  /** Per id of the batch being interned: its hash, key ints (see {@link textSlots}), kind and numeric value. */
  private keyHash = new Int32Array(0);
  private keyA = new Int32Array(0);
  private keyB = new Int32Array(0);
  private keyKind = new Uint8Array(0);
  private keyValue = new Float64Array(0);

  private growKeys(n: number): void {
    const size = Math.max(n, 2 * this.keyHash.length, 64);
    this.keyHash = new Int32Array(size);
    this.keyA = new Int32Array(size);
    this.keyB = new Int32Array(size);
    this.keyKind = new Uint8Array(size);
    this.keyValue = new Float64Array(size);
  }

  /** Adds the text id `bytes[start, end)`, with key (h, a, b), at the empty `slot`; returns its index. */
  private addText(slot: number, h: number, a: number, b: number, bytes: Uint8Array, start: number, end: number): number {
    const slots = this.textSlots;
    const c = this.ids.length;
    this.ids.push(fieldText(bytes, start, end));
    const j = slot << 2;
    slots[j] = h;
    slots[j + 1] = c + 1;
    slots[j + 2] = a >= 0 ? a : this.keep(bytes, start, end);
    slots[j + 3] = b;
    this.newest = j;
    this.newestText = true;
    if (++this.textCount * 2 > this.textMask) {
      this.textSlots = relay(slots, (this.textMask = this.textMask * 2 + 1));
      this.newest = -1;
    }
    return c;
  }

  private internNumber(v: number): number {
    const lo = v | 0;
    const hi = Math.floor(v / 4294967296);
    const h = mix(lo ^ Math.imul(hi, 0x9e3779b1));
    const slots = this.numberSlots;
    const mask = this.numberMask;
    let slot = h & mask;
    for (;;) {
      const j = slot << 2;
      const c1 = slots[j + 1]!;
      if (c1 === 0) break;
      if (slots[j + 2] === lo && slots[j + 3] === hi) return c1 - 1;
      slot = (slot + 1) & mask;
    }
    const c = this.ids.length;
    this.ids.push(v);
    const j = slot << 2;
    slots[j] = h;
    slots[j + 1] = c + 1;
    slots[j + 2] = lo;
    slots[j + 3] = hi;
    this.newest = j;
    this.newestText = false;
    if (++this.numberCount * 2 > mask) {
      this.numberSlots = relay(slots, (this.numberMask = mask * 2 + 1));
      this.newest = -1;
    }
    return c;
  }

  /** The slot offset of the id interned last (-1 once its table was re-laid), and its table. */
  private newest = -1;
  private newestText = true;

  /**
   * Forgets the id interned last, `c` (the newest in {@link ids}), when its row was refused, so
   * that no customer without rows is left behind. Its slot becomes a tombstone whose key no id
   * matches, so the probe sequences through it stay whole.
   */
  forgetNewest(c: number): void {
    if (c !== this.ids.length - 1) return;
    const slots = this.newestText ? this.textSlots : this.numberSlots;
    let j = this.newest;
    if (j < 0) for (j = 0; j < slots.length && slots[j + 1] !== c + 1; j += 4);
    if (j >= slots.length) return;
    // Text keys never have length 0 (b = 0), numeric keys never a negative high part.
    slots[j + 3] = this.newestText ? 0 : -1;
    slots[j + 2] = this.newestText ? -1 : slots[j + 2]!;
    slots[j + 1] = -1;
    this.ids.pop();
    this.forms.length = Math.min(this.forms.length, c);
  }

  /**
   * Written forms of numeric ids seen in another form than their plain digits (`00042`,
   * `42.0`): per id (index), 0 when first written as plain digits, else the (odd) FNV hash of its
   * first written form; undefined for text ids.
   */
  private readonly forms: (number | undefined)[] = [];
  /** Numeric ids read from more than one written form (`00042` and `42`). */
  merged = 0;
  private readonly mergedIds = new Set<number>();

  private noteForm(c: number, canonical: boolean, bytes: Uint8Array, start: number, end: number): void {
    let h = 0x811c9dc5;
    if (canonical) h = 0;
    else for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193) | 1;
    const seen = this.forms[c];
    if (seen === undefined) {
      this.forms[c] = h;
      return;
    }
    if (seen !== h && !this.mergedIds.has(c)) {
      this.mergedIds.add(c);
      this.merged++;
    }
  }

  private samePooled(at: number, bytes: Uint8Array, start: number, n: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < n; k++) if (pool[at + k] !== bytes[start + k]) return false;
    return true;
  }

  /** Copies a long id's bytes into the pool; returns their offset. */
  private keep(bytes: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (this.poolLength + n > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + n));
      pool.set(this.pool.subarray(0, this.poolLength));
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, end), this.poolLength);
    const at = this.poolLength;
    this.poolLength += n;
    return at;
  }
}

/** Kinds of the ids of a batch: text of up to 7 bytes, longer text, digits (as written plainly, or otherwise). */
const SHORT_TEXT = 0;
const LONG_TEXT = 1;
const NUMBER = 2;
const NUMBER_WRITTEN_OTHERWISE = 3;
