import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { fitShiftedBetaGeometric } from '../../../src/models/contractual/fitShiftedBetaGeometric.js';
import { subscriptionCohorts, type SubscriptionRecord } from '../../../src/models/contractual/subscriptionCohorts.js';

function issuesOf(f: () => unknown): InvalidInputError['issues'] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues;
  }
  throw new Error('expected an InvalidInputError');
}

describe('subscriptionCohorts', () => {
  it('yearly cohorts: renewal days from each start, ages as reached by every member', () => {
    const rows: SubscriptionRecord[] = [
      { customerId: 1, start: '2020-03-01', end: '2021-03-01' }, // one period paid: churns at the first renewal
      { customerId: 2, start: '2020-06-15', end: '2022-07-01' }, // renewed at 2021-06-15 and 2022-06-15
      { customerId: 3, start: '2020-12-31' }, // running
      { customerId: 4, start: '2021-02-01', end: '2021-02-02' },
    ];
    const r = subscriptionCohorts(rows, { period: 'year', asOf: '2023-01-15' });
    // Cohort 2020: every member reached 2 renewal days by the as-of date (2022-12-31 the last).
    expect(r.cohorts).toEqual([
      { name: '2020-01-01', survivors: [3, 2, 2] },
      { name: '2021-01-01', survivors: [1, 0] },
    ]);
    expect(r).toMatchObject({ period: 'year', asOf: '2023-01-15', subscriptions: 4 });
  });

  it('one customer: back-to-back records are one subscription, a gap starts a new one', () => {
    const rows: SubscriptionRecord[] = [
      { customerId: 'a', start: '2024-01-10', end: '2024-02-10' },
      { customerId: 'a', start: '2024-02-10', end: '2024-04-10' },
      { customerId: 'a', start: '2024-05-01' },
    ];
    const r = subscriptionCohorts(rows, { period: 'month', asOf: '2024-06-30' });
    expect(r.subscriptions).toBe(2);
    expect(r.cohorts).toEqual([
      { name: '2024-01-01', survivors: [1, 1, 1, 0, 0, 0] },
      { name: '2024-05-01', survivors: [1, 1] }, // renewal day 2024-06-01 reached, 2024-07-01 not yet
    ]);
  });

  it('errors name the row: an end before the start, overlapping records, a start after as-of, bad dates', () => {
    const base = { period: 'month', asOf: '2024-12-31' } as const;
    const [endFirst] = issuesOf(() => subscriptionCohorts([{ customerId: 'a', start: '2024-03-01' }, { customerId: 'b', start: '2024-03-01', end: '2024-02-01' }], base));
    expect(endFirst).toMatchObject({ code: 'invalid_value', path: [1, 'end'] });
    expect(endFirst!.message).toContain('ends before it starts');
    expect(endFirst).not.toHaveProperty('customerId');
    const overlap = issuesOf(() =>
      subscriptionCohorts(
        [
          { customerId: 'x', start: '2024-05-01', end: '2024-08-01' },
          { customerId: 'y', start: '2024-01-01' },
          { customerId: 'x', start: '2024-07-01' },
        ],
        { ...base, revealValues: true },
      ),
    );
    expect(overlap[0]).toMatchObject({ code: 'invalid_value', path: [2, 'start'], customerId: 'x' });
    expect(overlap[0]!.message).toContain('row 0');
    // An open record overlaps everything after its start.
    expect(issuesOf(() => subscriptionCohorts([{ customerId: 1, start: '2024-01-01' }, { customerId: 1, start: '2024-09-01', end: '2024-10-01' }], base))[0]!.path).toEqual([1, 'start']);
    expect(issuesOf(() => subscriptionCohorts([{ customerId: 1, start: '2025-01-01' }], base))[0]).toMatchObject({ code: 'after_as_of', path: [0, 'start'] });
    expect(issuesOf(() => subscriptionCohorts([{ customerId: 1, start: '2024-02-30' }], base))[0]).toMatchObject({ code: 'invalid_date', path: [0, 'start'] });
    expect(issuesOf(() => subscriptionCohorts([{ customerId: '', start: '2024-02-01' }], base))[0]).toMatchObject({ code: 'invalid_customer_id', path: [0, 'customerId'] });
    expect(issuesOf(() => subscriptionCohorts([{ customerId: 1, start: '2024-02-01', end: '2024-02-01' }], base))[0]!.message).toContain('ends on the day it starts');
    expect(issuesOf(() => subscriptionCohorts([], base))[0]!.code).toBe('no_customers');
    expect(issuesOf(() => subscriptionCohorts([{ customerId: 1, start: '2024-02-01' }], { period: 'week' as never, asOf: '2024-12-31' }))[0]!.path).toEqual(['options', 'period']);
    expect(issuesOf(() => subscriptionCohorts([{ customerId: 1, start: '2024-02-01' }], { period: 'month', asOf: 'soon' }))[0]!.path).toEqual(['options', 'asOf']);
  });

  it('survivor counts never increase, sizes add up, row order does not matter, input untouched (property)', () => {
    const day0 = Date.UTC(2020, 0, 1);
    const record = fc.record({ id: fc.integer({ min: 0, max: 1000 }), start: fc.integer({ min: 0, max: 1400 }), length: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.uniqueArray(record, { minLength: 1, maxLength: 60, selector: (r) => r.id }), fc.constantFrom<'month' | 'year'>('month', 'year'), (recs, period) => {
        const iso = (d: number): string => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
        const rows: SubscriptionRecord[] = recs.map((r) => ({ customerId: r.id, start: iso(r.start), ...(r.length === undefined ? {} : { end: iso(r.start + r.length) }) }));
        const copy = structuredClone(rows);
        const a = subscriptionCohorts(rows, { period, asOf: '2024-01-01' });
        expect(rows).toEqual(copy);
        const b = subscriptionCohorts([...rows].reverse(), { period, asOf: '2024-01-01' });
        expect(b).toEqual(a);
        let total = 0;
        for (const c of a.cohorts) {
          total += c.survivors[0]!;
          for (let t = 1; t < c.survivors.length; t++) expect(c.survivors[t]).toBeLessThanOrEqual(c.survivors[t - 1]!);
        }
        expect(total).toBe(rows.length);
      }),
      { numRuns: 80 },
    );
  });

  it('the result is fit input', () => {
    const rows: SubscriptionRecord[] = [];
    for (let i = 0; i < 300; i++) {
      const start = `2022-${String(1 + (i % 6)).padStart(2, '0')}-0${1 + (i % 9)}`;
      const months = (i * 7919) % 23;
      const end = months < 18 ? `2022-${String(1 + (i % 6)).padStart(2, '0')}-0${1 + (i % 9)}` : undefined;
      rows.push({ customerId: i, start, ...(end ? { end: shiftMonths(end, 1 + months) } : {}) });
    }
    const cohorts = subscriptionCohorts(rows, { period: 'month', asOf: '2024-01-31' });
    const fit = fitShiftedBetaGeometric(cohorts);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(300);
    expect(fit.cohorts.map((c) => c.name)).toEqual(['2022-01-01', '2022-02-01', '2022-03-01', '2022-04-01', '2022-05-01', '2022-06-01']);
  });
});

function shiftMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
