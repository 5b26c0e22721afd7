// Issue 11, numbers in text: only decimal numbers pass (with the locale forms of issue 10: a
// decimal comma, thousands separators in groups of three), in every number cell the reader reads
// (amount, cost, price, quantity, refunded, discount). Everything else is an error naming the line
// and column and saying what was expected.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TransactionTextReader, type TransactionTextOptions } from '../../src/index.js';
import { issueOf } from './readerHelpers.js';
import { decodeNumberWith } from '../../src/io/decodeNumber.js';

/**
 * The reference: a strict decimal grammar written as regular expressions, independent of the
 * reader's byte scanner. Blanks around are the ASCII ones String.prototype.trim removes; the
 * value is Number() of the plain text (thousands separators removed, the decimal separator a
 * point), finite only.
 */
function strictDecimal(cell: string, decimal: 'point' | 'comma'): number {
  const t = cell.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
  const [d, g] = decimal === 'point' ? ['\\.', ','] : [',', '\\.'];
  const grammar = new RegExp(`^[+-]?(?:\\d+|\\d{1,3}(?:${g}\\d{3})+)?(?:${d}\\d*)?(?:[eE][+-]?\\d+)?$`);
  if (!grammar.test(t) || !/\d/.test(t.replace(/[eE][+-]?\d+$/, ''))) return Number.NaN;
  const mantissaHasDigit = /^[+-]?(?:\d|[.,]\d)/.test(t);
  if (!mantissaHasDigit) return Number.NaN;
  const plain = t.replace(new RegExp(g, 'g'), '').replace(decimal === 'comma' ? ',' : /(?!)/, '.');
  const v = Number(plain);
  return Number.isFinite(v) ? v : Number.NaN;
}

function read(text: string, options: TransactionTextOptions = {}): ReturnType<TransactionTextReader['finish']> {
  const r = new TransactionTextReader(options);
  r.push(text);
  return r.finish();
}

// [cell, decimal, value]: cells that are decimal numbers.
const ACCEPTED: [string, 'point' | 'comma', number][] = [
  ['12', 'point', 12],
  ['12.50', 'point', 12.5],
  ['-12.50', 'point', -12.5],
  ['+3', 'point', 3],
  ['.5', 'point', 0.5],
  ['5.', 'point', 5],
  ['007', 'point', 7],
  ['  42  ', 'point', 42],
  ['\t1.25\t', 'point', 1.25],
  ['1,234.50', 'point', 1234.5],
  ['12,345,678', 'point', 12345678],
  ['1e3', 'point', 1000],
  ['1E-05', 'point', 0.00001],
  ['2.5e+2', 'point', 250],
  ['12345678901234567890', 'point', 12345678901234567890],
  ['0.1234567890123456789', 'point', 0.1234567890123456789],
  ['12,50', 'comma', 12.5],
  ['-0,5', 'comma', -0.5],
  ['1.234,50', 'comma', 1234.5],
  ['1.234', 'comma', 1234],
  [',5', 'comma', 0.5],
];
// [cell, decimal]: cells that are not.
const REFUSED: [string, 'point' | 'comma'][] = [
  ['0x1A', 'point'],
  ['0X1a', 'point'],
  ['0b101', 'point'],
  ['0o17', 'point'],
  ['Infinity', 'point'],
  ['-Infinity', 'point'],
  ['NaN', 'point'],
  ['1e400', 'point'],
  ['\u00a0', 'point'],
  ['\u00a05', 'point'],
  ['5\u2009', 'point'],
  ['\u3000', 'point'],
  ['１２', 'point'],
  ['12\u00a0000', 'point'],
  ['1 000', 'point'],
  ['$12', 'point'],
  ['12€', 'point'],
  ['.', 'point'],
  ['-', 'point'],
  ['+-1', 'point'],
  ['--1', 'point'],
  ['1.2.3', 'point'],
  ['1,23', 'point'],
  ['1234,567', 'point'],
  [',123', 'point'],
  ['1e', 'point'],
  ['e5', 'point'],
  ['1_000', 'point'],
  ['12abc', 'point'],
  ['\u00005', 'point'],
  ['12.50', 'comma'],
  ['1,234.50', 'comma'],
  ['1.23', 'comma'],
];

type Cell = 'amount' | 'cost' | 'price' | 'quantity' | 'refunded' | 'discount';
/** A one-row file with `cell` in the named column (quoted, so that a delimiter inside stays in it), and the value the table should hold. */
function fileWith(field: Cell, cell: string, decimal: 'point' | 'comma'): { text: string; column: number; valueOf: (r: ReturnType<typeof read>) => number } {
  const d = decimal === 'comma' ? ';' : ',';
  const q = `"${cell}"`;
  const one = decimal === 'comma' ? '1' : '1';
  switch (field) {
    case 'amount':
      return { text: `customer${d}date${d}amount\nA${d}2024-01-02${d}${q}\n`, column: 3, valueOf: (r) => r.table.amount[0]! };
    case 'cost':
      return { text: `customer${d}date${d}amount${d}cost\nA${d}2024-01-02${d}${one}${d}${q}\n`, column: 4, valueOf: (r) => r.table.cost![0]! };
    case 'discount':
      return { text: `customer${d}date${d}amount${d}discount\nA${d}2024-01-02${d}${one}${d}${q}\n`, column: 4, valueOf: (r) => r.table.discount![0]! };
    case 'price':
      return { text: `customer${d}date${d}quantity${d}price\nA${d}2024-01-02${d}2${d}${q}\n`, column: 4, valueOf: (r) => r.table.amount[0]! / 2 };
    case 'quantity':
      return { text: `customer${d}date${d}quantity${d}price\nA${d}2024-01-02${d}${q}${d}1\n`, column: 3, valueOf: (r) => r.table.quantity![0]! };
    case 'refunded':
      return { text: `customer${d}date${d}amount${d}refunded\nA${d}2024-01-02${d}0${d}${q}\n`, column: 4, valueOf: (r) => -r.table.amount[0]! };
  }
}

const CELLS: Cell[] = ['amount', 'cost', 'price', 'quantity', 'refunded', 'discount'];

describe('number cells', () => {
  for (const field of CELLS) {
    it(`${field}: reads decimal numbers, thousands separators and decimal commas`, () => {
      for (const [cell, decimal, value] of ACCEPTED) {
        // A negative discount is out of range and a negative cost refused by default (the transactions' rules).
        if ((field === 'discount' || field === 'cost') && value < 0) continue;
        const { text, valueOf } = fileWith(field, cell, decimal);
        const r = read(text, { decimal });
        expect(valueOf(r), `${field} ${JSON.stringify(cell)} (${decimal})`).toBe(value + 0);
      }
    });

    it(`${field}: refuses everything else, naming line, column and what was expected`, () => {
      for (const [cell, decimal] of REFUSED) {
        const { text, column } = fileWith(field, cell, decimal);
        const issue = issueOf(() => read(text, { decimal }));
        expect([issue.line, issue.column, issue.path, issue.code], `${field} ${JSON.stringify(cell)}`).toEqual([2, column, [0, field], 'not_finite']);
        const example = field === 'discount' ? `a decimal number >= 0 such as ${decimal === 'comma' ? '12,50' : '12.50'}` : `a decimal number such as ${decimal === 'comma' ? '-1234,50 or 1.234,50' : '-1234.50 or 1,234.50'}`;
        expect(issue.message.startsWith(`not a number${field === 'discount' ? ' >= 0' : ''} (expected ${example}`), `${field} ${JSON.stringify(cell)}: ${issue.message}`).toBe(true);
      }
    });
  }

  it('says why a cell might not read: hexadecimal, Infinity, no-break spaces, full-width digits, a decimal comma', () => {
    const hint = (cell: string): string => issueOf(() => read(`customer,date,amount\nA,2024-01-02,"${cell}"\n`)).message;
    expect(hint('0x1A')).toContain('hexadecimal, binary and octal numbers are not read');
    expect(hint('Infinity')).toContain('Infinity and NaN are not numbers the reader accepts');
    expect(hint('\u00a0')).toContain('such as a no-break space');
    expect(hint('１２')).toContain('full-width digits are not read');
    expect(hint('12,50')).toContain('it looks like a decimal comma');
  });

  it('accepts exactly what the strict decimal grammar accepts, with the same double (property)', () => {
    const piece = fc.constantFrom('0', '1', '5', '9', '12', '123', '000', ',', '.', '-', '+', 'e', 'E', ' ', '\t', '\u00a0', 'x', 'b', 'o', 'Infinity', 'NaN', '１', '\u2009', '_');
    const cell = fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.double({ noNaN: false }).map(String), fc.string({ maxLength: 8 }), fc.integer().map((n) => n.toLocaleString('en-US')), fc.integer().map((n) => n.toLocaleString('de-DE')));
    fc.assert(
      fc.property(cell, fc.constantFrom<'point' | 'comma'>('point', 'comma'), (text, decimal) => {
        const bytes = new TextEncoder().encode(`|${text}|`);
        const got = decodeNumberWith(bytes, 1, bytes.length - 1, decimal === 'comma' ? 44 : 46);
        expect(Object.is(got, strictDecimal(text, decimal)), `${JSON.stringify(text)} ${decimal}: ${got}`).toBe(true);
      }),
      { numRuns: 30_000 },
    );
  });
});
