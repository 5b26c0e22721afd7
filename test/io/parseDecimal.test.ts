import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/io/parseDecimal.js';
import { TextIdInterner } from '../../src/io/TextIdInterner.js';

const reference = (s: string): number => {
  const t = s.trim();
  const v = t === '' ? Number.NaN : Number(t);
  return Number.isFinite(v) ? v : Number.NaN;
};

describe('parseDecimal', () => {
  it('gives exactly the double Number() gives, for decimals written every way (property)', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,12}$/), fc.boolean(), fc.stringMatching(/^\d{0,9}$/))
      .map(([sign, int, dot, frac]) => `${sign}${int}${dot ? '.' : ''}${dot ? frac : ''}`);
    const anything = fc.oneof(decimal, fc.double().map(String), fc.string({ maxLength: 8 }), fc.constantFrom('1e3', '0x1F', 'Infinity', '.', '-', ' 12 ', '1.2.3'));
    fc.assert(
      fc.property(anything, fc.string({ maxLength: 3 }), (field, pad) => {
        const text = `${pad}|${field}|${pad}`;
        expect(Object.is(parseDecimal(text, pad.length + 1, pad.length + 1 + field.length), reference(field))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('TextIdInterner', () => {
  it('assigns the same indices as a Map over the ids, in first-seen order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.stringMatching(/^[a-c0-9]{1,4}$/), fc.string({ minLength: 1, maxLength: 3 })), { maxLength: 3000 }), fc.boolean(), (ids, numeric) => {
        const interner = new TextIdInterner(numeric);
        const key = (id: string): string | number => (numeric && /^\d{1,15}$/.test(id) ? Number(id) : id);
        const map = new Map<string | number, number>();
        for (const id of ids) {
          const text = `,${id},`;
          const k = key(id);
          if (!map.has(k)) map.set(k, map.size);
          expect(interner.intern(text, 1, 1 + id.length)).toBe(map.get(k));
        }
        expect(interner.ids).toEqual([...map.keys()]);
      }),
      { numRuns: 300 },
    );
  });
});
