import { describe, expect, expectTypeOf, it } from 'vitest';
import { InvalidInputError, parseTransactions, safe, summarizeCustomers, type SafeResult } from '../../src/index.js';
import type { ParseTransactionsResult } from '../../src/transactions/parseTransactions.js';

describe('safe', () => {
  it('returns the result as data when the input is valid, with the same arguments', () => {
    const rows = [{ customerId: 'a', date: '2024-01-01', amount: 5 }];
    const r = safe(parseTransactions)(rows, { returns: 'drop' });
    expect(r).toEqual({ success: true, data: parseTransactions(rows, { returns: 'drop' }) });
    expectTypeOf(r).toEqualTypeOf<SafeResult<ParseTransactionsResult>>();
  });

  it('returns the InvalidInputError the function throws, with every issue', () => {
    const rows = [{ customerId: '', date: 'x', amount: Number.NaN }];
    const r = safe(parseTransactions)(rows as never);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error).toBeInstanceOf(InvalidInputError);
      expect(r.error.issues.map((i) => i.code)).toEqual(['missing_field', 'not_finite']);
    }
    const s = safe(summarizeCustomers)([], { asOf: 'not a date' });
    expect(s.success).toBe(false);
  });

  it('rethrows anything that is not invalid input', () => {
    const boom = safe((): number => {
      throw new RangeError('bug');
    });
    expect(() => boom()).toThrow(RangeError);
  });
});
