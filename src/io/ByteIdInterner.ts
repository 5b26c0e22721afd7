import type { CustomerId } from '../transactions/types.js';
import { fieldText } from './decodeField.js';


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
    const n = end - start;
    if (this.numeric) {
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
          let k = i + 1;
          while (k < end && bytes[k] === 48) k++;
          if (k === end && k > i + 1) i = end;
        }
        if (i === end) {
          const canonical = digitsEnd === end && (bytes[start] !== 48 || digitsEnd - start === 1);
          const c = this.internNumber(v);
          if (!canonical || this.forms[c] !== 0) this.noteForm(c, canonical, bytes, start, end);
          return c;
        }
      }
    }
    let h: number;
    let a: number;
    let b: number;
    if (n <= 7) {
      // The key is the slot's two ints; the hash mixes them (no loop over the bytes again).
      a = 0;
      for (let k = Math.min(n, 4) - 1; k >= 0; k--) a = (a << 8) | bytes[start + k]!;
      b = n << 24;
      for (let k = n - 1; k >= 4; k--) b |= bytes[start + k]! << ((k - 4) * 8);
      h = mix(a ^ Math.imul(b, 0x9e3779b1));
    } else {
      h = 0x811c9dc5;
      for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
      h = mix(h);
      a = -1;
      b = -n;
    }
    const slots = this.textSlots;
    const mask = this.textMask;
    let slot = h & mask;
    for (;;) {
      const j = slot << 2;
      const c1 = slots[j + 1]!;
      if (c1 === 0) break;
      if (slots[j] === h && slots[j + 3] === b && (a >= 0 ? slots[j + 2] === a : this.samePooled(slots[j + 2]!, bytes, start, n))) return c1 - 1;
      slot = (slot + 1) & mask;
    }
    const c = this.ids.length;
    this.ids.push(fieldText(bytes, start, end));
    const j = slot << 2;
    slots[j] = h;
    slots[j + 1] = c + 1;
    slots[j + 2] = a >= 0 ? a : this.keep(bytes, start, end);
    slots[j + 3] = b;
    this.newest = j;
    this.newestText = true;
    if (++this.textCount * 2 > mask) {
      this.textSlots = relay(slots, (this.textMask = mask * 2 + 1));
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

/** The table re-laid into `mask + 1` slots (hashes are kept, so nothing is re-hashed). */
function relay(old: Int32Array, mask: number): Int32Array {
  const slots = new Int32Array(4 * (mask + 1));
  for (let j = 0; j < old.length; j += 4) {
    if (old[j + 1] === 0) continue;
    let slot = old[j]! & mask;
    while (slots[(slot << 2) + 1] !== 0) slot = (slot + 1) & mask;
    slots.set(old.subarray(j, j + 4), slot << 2);
  }
  return slots;
}

/** A final avalanche so that the low bits used as the slot depend on every input bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
