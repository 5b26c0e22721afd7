// Issue 10: bytes that are not UTF-8 anywhere in a record (a field the reader uses or not, quoted
// or not, the header) are an error naming the byte offset, line and column and suggesting the
// encoding option; never replacement characters in ids or order ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TransactionTextReader, type TransactionTextOptions } from '../../src/index.js';
import { issueOf } from './readerHelpers.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function read(bytes: Uint8Array, options: TransactionTextOptions = {}, chunk = 1 << 20): ReturnType<TransactionTextReader['finish']> {
  const r = new TransactionTextReader(options);
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, i + chunk));
  return r.finish();
}

/** `text` as UTF-8 with the `@` at its place replaced by the bytes `bad`; returns the bytes and the offset. */
function corrupt(text: string, bad: readonly number[]): [Uint8Array, number] {
  const at = utf8(text.slice(0, text.indexOf('@'))).length;
  const b = utf8(text);
  return [Uint8Array.from([...b.subarray(0, at), ...bad, ...b.subarray(at + 1)]), at];
}

const HEADER = 'customer,date,amount,cost,order,note\n';
// Each case: where the bad bytes go, the expected line, column and path.
const CASES: [string, string, number, number, (string | number)[]][] = [
  ['customer id', `${HEADER}A,2024-01-02,3,1,o1,n\nB@,2024-01-03,4,1,o2,n\n`, 3, 1, [1, 'customer']],
  ['date', `${HEADER}A,2024-01-0@,3,1,o1,n\n`, 2, 2, [0, 'date']],
  ['amount', `${HEADER}A,2024-01-02,3@,1,o1,n\n`, 2, 3, [0, 'amount']],
  ['cost', `${HEADER}A,2024-01-02,3,@,o1,n\n`, 2, 4, [0, 'cost']],
  ['order id', `${HEADER}A,2024-01-02,3,1,o@,n\n`, 2, 5, [0, 'order']],
  ['an extra column the reader does not use', `${HEADER}A,2024-01-02,3,1,o1,caf@\n`, 2, 6, [0]],
  ['a quoted field', `${HEADER}A,2024-01-02,3,1,o1,"a, @"\n`, 2, 6, [0]],
  ['a quoted field spanning lines', `${HEADER}A,2024-01-02,3,1,o1,"a\nb @"\nB,2024-01-03,4,1,o2,n\n`, 2, 6, [0]],
  ['the header', 'customer,date,amount,no@te\nA,2024-01-02,3,n\n', 1, 4, []],
];
const BAD: [string, number[]][] = [
  ['a latin-1 é', [0xe9]],
  ['a lone continuation byte', [0x80]],
  ['0xff', [0xff]],
  ['an overlong encoding', [0xc0, 0xaf]],
  ['a surrogate', [0xed, 0xa0, 0x80]],
  ['a sequence cut short', [0xe2, 0x82]],
];

describe('invalid UTF-8 anywhere in a record', () => {
  for (const [where, text, line, column, path] of CASES) {
    it(`is an error naming byte, line and column: ${where}`, () => {
      for (const [, bad] of BAD) {
        const [bytes, offset] = corrupt(text, bad);
        for (const chunk of [1, 3, 1 << 20]) {
          for (const onInvalid of ['throw', 'collect'] as const) {
            const issue = issueOf(() => read(bytes, { onInvalid }, chunk));
            expect([issue.line, issue.column, issue.path], `${where} ${bad} chunk ${chunk}`).toEqual([line, column, path]);
            expect(issue.message).toBe(
              `byte ${offset} (0-based) of the input is not valid UTF-8 (expected UTF-8 text; give the file's encoding with the encoding option, --encoding latin1, windows-1252 or utf-16le on the command line)`,
            );
          }
        }
      }
    });
  }

  it('names the column of whitespace-separated fields', () => {
    const [bytes, offset] = corrupt('A 2024-01-02 3\nB 2024-01-03   4@\n', [0xe9]);
    const issue = issueOf(() => read(bytes, { delimiter: 'whitespace' }));
    expect([issue.line, issue.column, issue.path, issue.message.startsWith(`byte ${offset} `)]).toEqual([2, 3, [1, 'amount'], true]);
  });

  it('reads valid multi-byte text cut anywhere by chunks, and the same bytes under their encoding', () => {
    const text = `${HEADER}Zoë,2024-01-02,3,1,€1,"naïve 🙂"\nZoë,2024-01-03,4,1,€2,ß\n`;
    for (const chunk of [1, 2, 3, 5, 1 << 20]) {
      const r = read(utf8(text), {}, chunk);
      expect([r.table.customerIds, r.table.orderIds]).toEqual([['Zoë'], ['€1', '€2']]);
    }
    const [latin1] = corrupt(`${HEADER}Jos@,2024-01-02,3,1,o1,n\n`, [0xe9]);
    expect(read(latin1, { encoding: 'latin1' }).table.customerIds).toEqual(['José']);
  });

  it('never lets a replacement character into an id: any bytes either read back as written or fail at the first bad byte (property)', () => {
    const byte = fc.oneof(fc.integer({ min: 0x41, max: 0x5a }), fc.integer({ min: 0x80, max: 0xff }));
    fc.assert(
      fc.property(fc.array(fc.array(byte, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 16 }), (ids, chunk) => {
        const parts: number[] = [...utf8('customer,date,amount\n')];
        for (const id of ids) parts.push(...id, ...utf8(',2024-01-02,1\n'));
        const bytes = Uint8Array.from(parts);
        const strict = new TextDecoder('utf-8', { fatal: true });
        const valid = ids.every((id) => {
          try {
            strict.decode(Uint8Array.from(id));
            return true;
          } catch {
            return false;
          }
        });
        if (valid) {
          const r = read(bytes, {}, chunk);
          expect(r.table.customerIds).toEqual([...new Set(ids.map((id) => strict.decode(Uint8Array.from(id))))]);
        } else {
          const issue = issueOf(() => read(bytes, {}, chunk));
          expect(issue.message).toMatch(/^byte \d+ \(0-based\) of the input is not valid UTF-8/);
          expect(issue.column).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('binary data', () => {
  it('is an error naming the NUL byte and its line, not a flood of bad rows', () => {
    const bytes = Uint8Array.from([...utf8('customer,date,amount\nA,2024-01-02,3\n'), 0x50, 0x4b, 0x03, 0x00, 0x01]);
    for (const chunk of [1, 4, 1 << 20]) {
      const issue = issueOf(() => read(bytes, { onInvalid: 'collect' }, chunk));
      expect([issue.line, issue.message.split(':')[0]]).toEqual([3, 'byte 39 (0-based) is a NUL byte']);
    }
    // UTF-16 text holds NUL bytes before it is decoded, not after.
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('customer,date,amount\nA,2024-01-02,3\n').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(read(utf16).table.customerIds).toEqual(['A']);
  });
});
