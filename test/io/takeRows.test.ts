import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TransactionTextReader } from '../../src/io/TransactionTextReader.js';
import type { TransactionTable } from '../../src/transactions/types.js';

// takeRows hands the rows read so far on as a chunk; the chunks and the tail from finish hold
// every row once, in order, with customer indices that mean the same in every chunk.

function rowsOf(chunks: readonly TransactionTable[]): { id: string | number; day: number; amount: number; cost: number; order: number }[] {
  const ids = chunks[chunks.length - 1]!.customerIds;
  const out = [];
  for (const t of chunks) {
    for (let i = 0; i < t.length; i++) {
      out.push({ id: ids[t.customer[i]!]!, day: t.day[i]!, amount: t.amount[i]!, cost: t.cost ? t.cost[i]! : Number.NaN, order: t.order ? t.order[i]! : -1 });
    }
  }
  return out;
}

function read(text: string, cuts: readonly number[], take: boolean): TransactionTable[] {
  const reader = new TransactionTextReader({ onInvalid: 'collect' });
  const chunks: TransactionTable[] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut < at) continue;
    reader.push(new TextEncoder().encode(text.slice(at, cut)));
    at = cut;
    if (take) {
      const t = reader.takeRows();
      if (t !== null) chunks.push(t);
    }
  }
  chunks.push(reader.finish().table);
  return chunks;
}

describe('TransactionTextReader.takeRows', () => {
  it('hands on every row once, in order, however the input is cut and taken', () => {
    const line = fc.tuple(fc.constantFrom('ann', 'bob', '7', '007', 'x y'), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 3000 })), (lines, cuts) => {
        const text = `customer_id,date,amount,cost,order_id\n${lines.map(([id, d, a, c, o]) => `"${id}",2024-03-${String(d).padStart(2, '0')},${a}.5,${c ?? ''},${o === undefined ? '' : `${id}-${o}`}`).join('\n')}\n`;
        const sorted = [...cuts].sort((a, b) => a - b);
        expect(rowsOf(read(text, sorted, true))).toEqual(rowsOf(read(text, sorted, false)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the rows while an automatic slash date order is undecided, and re-dates them when it is', () => {
    const reader = new TransactionTextReader({ dateFormat: 'auto' });
    reader.push('customer_id,date,amount\na,03/04/2024,1\n');
    expect(reader.takeRows()).toBeNull();
    reader.push('b,04/04/2024,2\n');
    expect(reader.takeRows()).toBeNull();
    reader.push('a,25/04/2024,3\n');
    const chunk = reader.takeRows()!;
    // 25/04 decides d/M: the first row is 3 April, not 4 March.
    expect(Array.from(chunk.day)).toEqual([19816, 19817, 19838]);
    reader.push('c,26/04/2024,4\n');
    expect(reader.finish().table.length).toBe(1);
  });

  it('re-dates a row held after an earlier chunk was taken', () => {
    const reader = new TransactionTextReader({ dateFormat: 'auto' });
    // 3/3 reads the same under both orders: nothing waits, so the row can go.
    reader.push('customer_id,date,amount\na,03/03/2024,1\n');
    expect(reader.takeRows()!.length).toBe(1);
    reader.push('b,03/04/2024,2\n');
    expect(reader.takeRows()).toBeNull();
    reader.push('c,25/04/2024,3\n');
    expect(Array.from(reader.takeRows()!.day)).toEqual([19816, 19838]);
  });

  it('refuses a call after finish', () => {
    const reader = new TransactionTextReader();
    reader.finish();
    expect(() => reader.takeRows()).toThrow(/after finish/);
  });
});
