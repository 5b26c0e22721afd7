import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainValidRow } from '../../src/transactions/isPlainValidRow.js';
import { countOnlyRowSchema, transactionRowSchema } from '../../src/transactions/rowSchema.js';

// The precheck is an accelerator only: it must never clear a row that the zod schema rejects,
// and should clear the ordinary valid rows (else it accelerates nothing).
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 3 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant([]),
  fc.constant({}),
);
const fields = ['customerId', 'date', 'amount', 'cost', 'quantity', 'orderId', 'promo', 'discount'];
const rowArb = fc.oneof(
  fc.dictionary(fc.constantFrom(...fields), anyValue),
  anyValue,
  fc.record({ customerId: fc.oneof(fc.string(), fc.double()), date: fc.string(), amount: fc.double() }),
);

describe('isPlainValidRow', () => {
  it('never clears a row the zod schema rejects (property)', () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        if (isPlainValidRow(row)) expect(transactionRowSchema.safeParse(row).success).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('in count-only mode, never clears a row the count-only schema rejects (property)', () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        if (isPlainValidRow(row, true)) expect(countOnlyRowSchema.safeParse(row).success).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('clears ordinary count-only rows, and no row with an amount or a cost in count-only mode', () => {
    expect(isPlainValidRow({ customerId: 'a', date: '2024-01-01' }, true)).toBe(true);
    expect(isPlainValidRow({ customerId: 'a', date: '2024-01-01', amount: 3 }, true)).toBe(false);
    expect(isPlainValidRow({ customerId: 'a', date: '2024-01-01', cost: 1 }, true)).toBe(false);
    expect(isPlainValidRow({ customerId: 'a', date: '2024-01-01' })).toBe(false);
  });

  it('clears ordinary valid rows', () => {
    expect(isPlainValidRow({ customerId: 'a', date: '2024-01-01', amount: 3 })).toBe(true);
    expect(isPlainValidRow({ customerId: 1, date: new Date(0), amount: -3, cost: null, promo: true, discount: 0, orderId: 'x', quantity: 2 })).toBe(true);
    expect(isPlainValidRow({ customerId: 1, date: new Date(NaN), amount: 3 })).toBe(false);
  });
});
