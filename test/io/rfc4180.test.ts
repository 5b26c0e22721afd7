// Any RFC 4180 file written by a reference writer (csv-stringify) is cut back into the same
// records and fields by the line splitter and field splitter, whatever the chunking, and each
// record's line number is the physical line where it starts.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldBounds, LineSplitter } from '../../src/io/LineSplitter.js';
import { decodeUtf8 } from '../../src/io/utf8.js';

function splitAll(bytes: Uint8Array, chunk: number, delimiter: ',' | ';'): { fields: string[][]; lines: number[] } {
  const fields: string[][] = [];
  const lines: number[] = [];
  const bounds = new FieldBounds();
  let line = 1;
  const splitter = new LineSplitter({
    line(b, s, e, quoted, n) {
      lines.push(line);
      line += n;
      if (quoted) {
        const count = bounds.splitQuoted(b, s, e, delimiter);
        fields.push(Array.from({ length: count }, (_, k) => decodeUtf8(bounds.unquoted.subarray(bounds.start[k], bounds.end[k]))));
      } else {
        const count = bounds.split(b, s, e, delimiter.charCodeAt(0));
        fields.push(Array.from({ length: count }, (_, k) => decodeUtf8(b.subarray(bounds.start[k], bounds.end[k]))));
      }
    },
  });
  splitter.delimiter = delimiter.charCodeAt(0);
  for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.subarray(i, i + chunk));
  splitter.end();
  return { fields, lines };
}

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r\n', 'é', '€', '1', '.') , maxLength: 12 }),
  fc.string({ maxLength: 6 }),
);

describe('RFC 4180 round trip with csv-stringify', () => {
  it('reads back every record and field, in chunks of any size (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom<',' | ';'>(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (records, chunk, delimiter, eol, quoteAll) => {
          // A record of one empty field is a blank line, which readers skip: give each record a key.
          const rows = records.map((r, i) => [`k${i}`, ...r]);
          // csv-stringify quotes a field holding the record delimiter; RFC 4180 wants any CR or LF quoted.
          const text = stringify(rows, { delimiter, record_delimiter: eol === '\n' ? 'unix' : 'windows', quoted: quoteAll, quoted_match: /[\r\n]/ });
          const { fields, lines } = splitAll(new TextEncoder().encode(text), chunk, delimiter);
          expect(fields).toEqual(rows);
          let line = 1;
          rows.forEach((r, i) => {
            expect(lines[i]).toBe(line);
            line += r.join('').split('\n').length;
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
