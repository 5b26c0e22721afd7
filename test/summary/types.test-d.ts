import { describe, expectTypeOf, it } from 'vitest';
import {
  calibrationAndHoldout,
  parseTransactions,
  summarizeCustomers,
  type CustomerId,
  type CustomerSummary,
  type TransactionTable,
} from '../../src/index.js';

describe('types of the foundation API', () => {
  it('infers the result shapes', () => {
    const { table, rejected } = parseTransactions([{ customerId: 'a', date: '2024-01-01', amount: 1 }]);
    expectTypeOf(table).toEqualTypeOf<TransactionTable>();
    expectTypeOf(rejected[0]!.row).toEqualTypeOf<number>();
    const s = summarizeCustomers(table);
    expectTypeOf(s.customers).toEqualTypeOf<CustomerSummary[]>();
    expectTypeOf(s.customers[0]!.customerId).toEqualTypeOf<CustomerId>();
    expectTypeOf(s.customers[0]!.cost).toEqualTypeOf<number | null>();
    expectTypeOf(s.customers[0]!.btyd).toHaveProperty('T');
    const split = calibrationAndHoldout(table, { calibrationEnd: '2024-01-01' });
    expectTypeOf(split.customers[0]!.holdout.frequency).toEqualTypeOf<number>();
  });

  it('types count-only rows apart: their table is flagged and their summaries have null money', () => {
    const log = [{ customerId: 'a', date: '2024-01-01' }];
    expectTypeOf(parseTransactions(log).table.countOnly).toEqualTypeOf<true>();
    expectTypeOf(summarizeCustomers(log).customers[0]!.revenue).toEqualTypeOf<null>();
    expectTypeOf(summarizeCustomers([{ customerId: 'a', date: '2024-01-01', amount: 2 }]).customers[0]!.revenue).toEqualTypeOf<number>();
  });

  it('rejects options that must not compile', () => {
    // @ts-expect-error: 'fortnight' is not a time unit
    summarizeCustomers([], { timeUnit: 'fortnight' });
    // @ts-expect-error: returns is one of 'net' | 'drop' | 'reject'
    parseTransactions([], { returns: 'keep' });
    // @ts-expect-error: calibrationEnd is required
    calibrationAndHoldout([], {});
    // @ts-expect-error: rows all carry an amount, or none does (count-only data)
    parseTransactions([{ customerId: 'a', date: '2024-01-01' }, { customerId: 'a', date: '2024-01-02', amount: 5 }]);
    // @ts-expect-error: exactOptionalPropertyTypes: asOf may be omitted, not undefined
    summarizeCustomers([], { asOf: undefined });
  });
});
