import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvByteWriter } from '../../src/cli/CsvByteWriter.js';
import { tidyNumber } from '../../src/cli/tidyNumber.js';

// The byte writer must produce exactly the text of the general conversion: numbers as
// String(tidyNumber(v)), text quoted per RFC 4180 when it holds a comma, quote, CR or LF.
const decoder = new TextDecoder();
const numberText = (v: number): string => {
  const w = new CsvByteWriter(4);
  w.number(v);
  return decoder.decode(w.take());
};
const textText = (s: string): string => {
  const w = new CsvByteWriter(4);
  w.text(s);
  return decoder.decode(w.take());
};
const quote = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('CsvByteWriter', () => {
  it('writes numbers as String(tidyNumber(v)) on named edge cases', () => {
    const cases = [
      0, -0, 1, -1, 7, 10, 99, 100, 0.5, -0.5, 77.41999999999999, 0.1 + 0.2, 1e-6, -1e-6, 9.99999e-7, 1.0000004e-6,
      1.5e-6, 4.9999999995e-10, 5e-10, -5e-10, 999999.9999999995, 999999.99999999, 1e6, 1e6 + 0.5, 123456.123456789,
      0.000001234, 2.5e-9, 1e-9, 12.000000000001, 3.0000000005, -3.0000000005, 1e15 - 1, 1e15, -1e15 + 1, 2 ** 53,
      1e21, 1e-300, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, Number.NaN, 0.1, 0.7, 1.005, 30.22,
    ];
    for (const v of cases) expect(numberText(v), String(v)).toBe(String(tidyNumber(v)));
  });

  it('writes random doubles, money amounts, small magnitudes and integers as String(tidyNumber(v))', () => {
    const same = (v: number): boolean => numberText(v) === String(tidyNumber(v));
    fc.assert(fc.property(fc.double(), same), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -1e8, max: 1e8 }), (cents) => same(cents / 100)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.maxSafeInteger(), same), { numRuns: 10_000 });
    fc.assert(fc.property(fc.integer(), same), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 999_999_999 }), (w, f) => same(w + f / 1e9)), { numRuns: 50_000 });
    for (const v of [2 ** 31 - 1, 2 ** 31, -(2 ** 31) + 1, -(2 ** 31), 0.000001, 0.1000001, 123.000000001, -0.5e-6]) expect(numberText(v), String(v)).toBe(String(tidyNumber(v)));
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -12, max: 0 }), (v, e) => same(v * 10 ** e)),
      { numRuns: 50_000 },
    );
  });

  it('writes text as UTF-8, quoted exactly when it holds a comma, quote, CR or LF', () => {
    for (const s of ['', 'plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', 'Zoë', '日本', '😀,x']) expect(textText(s)).toBe(quote(s));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => textText(s) === quote(s)), { numRuns: 10_000 });
  });

  it('writes JSON strings as JSON.stringify does', () => {
    const jsonText = (t: string): string => {
      const w = new CsvByteWriter(4);
      w.jsonText(t);
      return decoder.decode(w.take());
    };
    for (const t of ['', 'C000001', 'say "hi"', 'back\\slash', 'tab\t', '\u007f', 'Zoë', '\ud800']) expect(jsonText(t)).toBe(JSON.stringify(t));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => jsonText(t) === JSON.stringify(t)), { numRuns: 10_000 });
  });

  it('keeps cells, separators and lines in order across buffer growth', () => {
    const w = new CsvByteWriter(8);
    w.raw('id,value');
    w.newline();
    for (let i = 0; i < 1000; i++) {
      w.text(`c${i}`);
      w.comma();
      w.number(i / 8);
      w.newline();
    }
    const lines = decoder.decode(w.take()).split('\n');
    expect(lines[0]).toBe('id,value');
    expect(lines[1000]).toBe('c999,124.875');
    expect(lines).toHaveLength(1002);
    expect(w.length).toBe(0);
  });
});
