import type { CustomerId } from '../transactions/types.js';

/**
 * Interns customer ids read from text without making a string per row: ids are hashed from
 * the characters in place (FNV-1a over UTF-16 code units) into an open-addressing table, and a
 * string is cut from the text only the first time an id is seen. With `numeric`, ids made only
 * of digits (up to 15) become numbers, so `00042` and `42` are the same customer.
 * @internal
 */
export class TextIdInterner {
  /** Distinct ids in first-seen order. */
  readonly ids: CustomerId[] = [];
  private readonly text: string[] = [];
  private slots: Int32Array = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  private readonly numbers = new Map<number, number>();

  constructor(private readonly numeric: boolean) {}

  /** Index of the id `text[start, end)` (already trimmed, non-empty). */
  intern(text: string, start: number, end: number): number {
    if (this.numeric && end - start <= 15) {
      let v = 0;
      let i = start;
      for (; i < end; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
      }
      if (i === end) {
        let c = this.numbers.get(v);
        if (c === undefined) {
          c = this.ids.length;
          this.ids.push(v);
          this.text.push('');
          this.numbers.set(v, c);
        }
        return c;
      }
    }
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    let slot = h & this.mask;
    for (;;) {
      const c = this.slots[slot]!;
      if (c < 0) break;
      if (this.sameText(c, text, start, end)) return c;
      slot = (slot + 1) & this.mask;
    }
    const c = this.ids.length;
    const id = text.slice(start, end);
    this.ids.push(id);
    this.text.push(id);
    this.slots[slot] = c;
    if (this.text.length * 2 > this.mask) this.rehash();
    return c;
  }

  private sameText(c: number, text: string, start: number, end: number): boolean {
    const s = this.text[c]!;
    if (s.length !== end - start) return false;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let c = 0; c < this.text.length; c++) {
      const s = this.text[c]!;
      if (s === '' && typeof this.ids[c] === 'number') continue;
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      let slot = h & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = c;
    }
  }
}
