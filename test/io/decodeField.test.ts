import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteIdInterner } from '../../src/io/ByteIdInterner.js';
import { compileDayDecoder, decodeFlag } from '../../src/io/decodeField.js';
import { compileDateFormat } from '../../src/time/compileDateFormat.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** `field` padded with `pad` on both sides and bars around, as bytes, with the field's bounds. */
function framed(field: string, pad: string): [Uint8Array, number, number] {
  const before = utf8(`${pad}|`).length;
  return [utf8(`${pad}|${field}|${pad}`), before, before + utf8(field).length];
}

describe('decodeFlag', () => {
  it('reads yes/no words in any case, as the trimmed lower-cased text would (property)', () => {
    const flagOf = (s: string): number => {
      const t = s.trim().toLowerCase();
      if (t === '') return 255;
      if (['1', 'true', 'yes', 'y', 't'].includes(t)) return 1;
      if (['0', 'false', 'no', 'n', 'f'].includes(t)) return 0;
      return -1;
    };
    const word = fc.constantFrom('1', '0', 'true', 'TRUE', 'False', 'yes', 'No', 'y', 'N', 't', 'F', '', ' ', 'maybe', '\u00a0yes', 'yes\u0001', '\u0000', 'truex');
    fc.assert(
      fc.property(fc.oneof(word, fc.string({ maxLength: 6 })), fc.constantFrom('', ' ', '\t', '  '), (field, pad) => {
        const [bytes, s, e] = framed(`${pad}${field}${pad}`, '');
        expect(decodeFlag(bytes, s, e)).toBe(flagOf(`${pad}${field}${pad}`));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('compileDayDecoder', () => {
  it('gives the day the string parser gives, for every format (property)', () => {
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    for (const format of ['iso', 'yyyyMMdd', 'dd/MM/yyyy']) {
      const decodeDay = compileDayDecoder(format);
      const parse = compileDateFormat(format);
      fc.assert(
        fc.property(date, fc.constantFrom('', 'T10:00:00Z', ' 23:59', 'x'), fc.string({ maxLength: 3 }), ([y, m, d], time, junk) => {
          for (const text of [`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}${time}`, `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`, `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`, junk]) {
            const [bytes, s, e] = framed(text, '');
            expect(Object.is(decodeDay(bytes, s, e), parse(text))).toBe(true);
          }
        }),
        { numRuns: 2_000 },
      );
    }
  });
});

describe('compileDayDecoder on runs of repeated dates', () => {
  it('gives the parser\'s day for each row when dates repeat and alternate, valid or not (property)', () => {
    const pool = ['2024-01-05', '2024-01-06', '2023-02-29', '2024-02-29', '2024-13-01', '20a4-01-05', '2024-01-05T08:00', '1999-12-31', '2024-01-15'];
    const decodeDay = compileDayDecoder('iso');
    const parse = compileDateFormat('iso');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 60 }), fc.constantFrom('', ' ', ','), (texts, pad) => {
        for (const text of texts) {
          const [bytes, s, e] = framed(text, pad);
          expect(Object.is(decodeDay(bytes, s, e), parse(text)), text).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('ByteIdInterner', () => {
  it('assigns the same indices as a Map over the decoded ids, in first-seen order (property)', () => {
    const id = fc.oneof(fc.stringMatching(/^[a-c0-9]{1,4}$/), fc.stringMatching(/^[a-c]{6,10}$/), fc.string({ minLength: 1, maxLength: 9 }), fc.constantFrom('Ünï', 'C000296', '12345678901234', '9007199254740993', '00042', '42'));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 3000 }), fc.boolean(), (ids, numeric) => {
        const interner = new ByteIdInterner(numeric);
        const key = (s: string): string | number => (numeric && /^\d{1,15}$/.test(s) ? Number(s) : s);
        const map = new Map<string | number, number>();
        for (const s of ids) {
          const [bytes, start, end] = framed(s, ',');
          const k = key(s);
          if (!map.has(k)) map.set(k, map.size);
          expect(interner.intern(bytes, start, end)).toBe(map.get(k));
        }
        expect(interner.ids).toEqual([...map.keys()]);
      }),
      { numRuns: 300 },
    );
  });
  it('internMany gives the indices of one-by-one interning, written at the requested places, whatever the batches (property)', () => {
    const id = fc.oneof(fc.stringMatching(/^[a-c0-9]{1,4}$/), fc.stringMatching(/^[a-c]{6,10}$/), fc.string({ minLength: 1, maxLength: 9 }), fc.constantFrom('Ünï', 'C000296', '12346.0', '12346', '00042', '42', '9007199254740993'));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 2000 }), fc.boolean(), fc.integer({ min: 1, max: 300 }), (ids, numeric, size) => {
        const one = new ByteIdInterner(numeric);
        const want = ids.map((s) => {
          const [bytes, start, end] = framed(s, ' ');
          return one.intern(bytes, start, end);
        });
        const many = new ByteIdInterner(numeric);
        // All ids in one buffer, cut into batches of `size`; indices written every other slot.
        const text = ids.map((s) => `${s}|`).join('');
        const bytes = utf8(text);
        const bounds = new Int32Array(2 * ids.length);
        let at = 0;
        ids.forEach((s, k) => {
          bounds[2 * k] = at;
          at += utf8(s).length;
          bounds[2 * k + 1] = at;
          at += 1;
        });
        const out = new Int32Array(2 * ids.length + 1).fill(-7);
        for (let k = 0; k < ids.length; ) {
          const n = Math.min(ids.length - k, size);
          many.internMany(bytes, bounds.subarray(2 * k), n, out, 1 + 2 * k, 2);
          k += n;
        }
        expect(Array.from(ids, (_, k) => out[1 + 2 * k])).toEqual(want);
        expect(Array.from(ids, (_, k) => out[2 * k])).toEqual(ids.map(() => -7));
        expect(many.ids).toEqual(one.ids);
        expect(many.merged).toBe(one.merged);
      }),
      { numRuns: 300 },
    );
  });
});
