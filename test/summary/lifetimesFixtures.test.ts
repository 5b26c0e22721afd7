import { describe, expect, it } from 'vitest';
import { calibrationAndHoldout, summarizeCustomers, type TransactionInput } from '../../src/index.js';
import { readShared, referenceValue } from '../helpers/sharedData.js';

// reference-values.json rfm.lifetimes.*: Python lifetimes' own test fixtures. Tolerance: exact.
type Row = [number, string, number?];
const toRows = (rows: Row[]): TransactionInput[] =>
  rows.map(([id, date, value]) => ({ customerId: id, date, amount: value ?? 0 }));
const iso = (s: string): string => (/^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s);

describe('lifetimes fixtures', () => {
  it('rfm.lifetimes.summary_daily', () => {
    const ref = referenceValue('rfm.lifetimes.summary_daily');
    const { customers } = summarizeCustomers(toRows(ref.inputs.transactions as Row[]), {
      asOf: iso(ref.inputs.observation_period_end as string),
      timeUnit: 'day',
    });
    expect(customers.map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T])).toEqual(ref.expected.rows);
  });

  it('rfm.lifetimes.summary_weekly: calendar weeks, Monday to Sunday', () => {
    const ref = referenceValue('rfm.lifetimes.summary_weekly');
    const { customers } = summarizeCustomers(toRows(ref.inputs.transactions as Row[]), {
      asOf: iso(ref.inputs.observation_period_end as string),
      timeUnit: 'week',
      periods: 'calendar',
    });
    expect(customers.map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T])).toEqual(ref.expected.rows);
  });

  it('rfm.lifetimes.summary_monetary', () => {
    const ref = referenceValue('rfm.lifetimes.summary_monetary');
    const { customers } = summarizeCustomers(toRows(ref.inputs.transactions_id_date_value as Row[]), {
      asOf: iso(ref.inputs.observation_period_end as string),
    });
    expect(customers.map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T, c.btyd.monetaryValue])).toEqual(
      ref.expected.rows,
    );
  });

  it('rfm.lifetimes.first_purchase_ordering: the chronologically first purchase is dropped, whatever the row order', () => {
    const ref = referenceValue('rfm.lifetimes.first_purchase_ordering');
    const rows = toRows(ref.inputs.transactions as Row[]);
    const a = summarizeCustomers(rows).customers[0]!;
    const b = summarizeCustomers([...rows].reverse()).customers[0]!;
    expect(a.btyd.monetaryValue).toBe(ref.expected.monetary_value);
    expect(b).toEqual(a);
  });

  it('rfm.lifetimes.same_period_squash', () => {
    const ref = referenceValue('rfm.lifetimes.same_period_squash');
    const { customers } = summarizeCustomers(toRows(ref.inputs.transactions as Row[]), { timeUnit: 'week', periods: 'calendar' });
    expect(customers[0]!.btyd.frequency).toBe(ref.expected.frequency);
  });

  describe('rfm.lifetimes.calibration_holdout_daily', () => {
    const ref = referenceValue('rfm.lifetimes.calibration_holdout_daily');
    const rows = toRows(referenceValue('rfm.lifetimes.summary_monetary').inputs.transactions_id_date_value as Row[]);
    const split = calibrationAndHoldout(rows, { calibrationEnd: '2015-02-01', observationEnd: '2015-02-07' });
    const byId = new Map(split.customers.map((c) => [c.customerId, c]));

    it('counts holdout purchases and leaves out customers first buying in the holdout', () => {
      expect(byId.get(1)!.holdout.frequency).toBe(ref.expected['frequency_holdout[1]']);
      expect(byId.get(2)!.holdout.frequency).toBe(ref.expected['frequency_holdout[2]']);
      expect(byId.has(6)).toBe(false);
      expect(split.excluded.customersFirstBuyingInHoldout).toBe(1);
    });

    it('has the calibration and holdout monetary values and the duration', () => {
      const ids = [1, 2, 3, 4, 5];
      expect(ids.map((id) => byId.get(id)!.btyd.monetaryValue)).toEqual(ref.expected['monetary_value_cal (ids 1..5)']);
      expect(ids.map((id) => byId.get(id)!.holdout.monetaryValue)).toEqual(ref.expected['monetary_value_holdout (ids 1..5)']);
      expect(byId.get(1)!.holdout.duration).toBe(ref.expected.duration_holdout);
    });

    it('respects the boundary: observation end 2015-02-04', () => {
      const b = calibrationAndHoldout(rows, { calibrationEnd: '2015-02-01', observationEnd: '2015-02-04' });
      const boundary = ref.expected['boundary case obs_end=2015-02-04'] as Record<string, number>;
      const m = new Map(b.customers.map((c) => [c.customerId, c]));
      expect(m.get(1)!.holdout.frequency).toBe(boundary['frequency_holdout[1]']);
      expect(m.get(4)!.holdout.frequency).toBe(boundary['frequency_holdout[4]']);
    });
  });

  it('rfm.lifetimes.calibration_holdout_weekly', () => {
    const ref = referenceValue('rfm.lifetimes.calibration_holdout_weekly');
    const rows = toRows(referenceValue('rfm.lifetimes.summary_weekly').inputs.transactions as Row[]);
    const split = calibrationAndHoldout(rows, {
      calibrationEnd: '2015-02-01',
      observationEnd: '2015-02-07',
      timeUnit: 'week',
      periods: 'calendar',
    });
    expect(
      split.customers.map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T, c.holdout.frequency, c.holdout.duration]),
    ).toEqual(ref.expected.rows);
  });

  const example = readShared('example_transactions.csv')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => {
      const [date, id] = l.split(',');
      return { customerId: Number(id), date: date!, amount: 0 };
    });

  it('rfm.lifetimes.example_summary', () => {
    const ref = referenceValue('rfm.lifetimes.example_summary');
    const { customers, asOf } = summarizeCustomers(example);
    expect(asOf).toBe('2014-12-31');
    expect(customers).toHaveLength(ref.expected.n_customers as number);
    expect(customers.slice(0, 5).map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T])).toEqual(ref.expected.first5);
  });

  it('rfm.lifetimes.example_calibration_holdout', () => {
    const ref = referenceValue('rfm.lifetimes.example_calibration_holdout');
    const split = calibrationAndHoldout(example, { calibrationEnd: '2014-09-01', observationEnd: '2014-12-31' });
    expect(
      split.customers
        .slice(0, 5)
        .map((c) => [c.customerId, c.btyd.frequency, c.btyd.recency, c.btyd.T, c.holdout.frequency, c.holdout.duration]),
    ).toEqual(ref.expected.first5);
  });
});
