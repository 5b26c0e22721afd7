import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbd, fitBgNbd, fitGammaGamma, gammaGamma, InvalidInputError, paretoNbd, predictClv, summarizeCustomers } from '../../src/index.js';

// The fast-check property of issue 11: random valid rows, one field of one row corrupted; every call
// either succeeds with only finite numbers, or throws an InvalidInputError whose first issue names
// that row (its index) and that field. Never another exception, never NaN, never Infinity.

const BAD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 1.5, 1e308, -1e308, -0, 0] as const;
const BTYD_FIELDS = ['frequency', 'recency', 'T'] as const;
const SPEND_FIELDS = ['frequency', 'monetaryValue'] as const;
const BAD_VALUES: readonly unknown[] = [...BAD_NUMBERS, null, undefined, '3', {}, [], true];

const btydRow = fc
  .record({ x: fc.integer({ min: 0, max: 30 }), T: fc.double({ min: 0.5, max: 100, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : share * T, T }));

/** Every number in a result, walked (typed arrays, arrays and plain objects). */
function numbersIn(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (ArrayBuffer.isView(v)) out.push(...Array.from(v as Float64Array));
  else if (Array.isArray(v)) for (const e of v) numbersIn(e, out);
  else if (v !== null && typeof v === 'object') for (const e of Object.values(v)) if (typeof e !== 'function') numbersIn(e, out);
  return out;
}

/**
 * Runs `call`: finite numbers only, or an InvalidInputError whose first issue names row `index`
 * and the corrupted `field`. A corruption that is a valid value of its own field (0, -0, a large
 * finite number) may break a rule between fields of the row (T = 0 with a repeat purchase, a total
 * spend beyond 1e300): then the issue names that row and one of its other `fields`.
 */
function holds(call: () => unknown, index: number, field: string, bad: unknown, fields: readonly string[]): void {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    const issue = e.issues[0];
    expect(issue.path).toContain(index);
    const named = issue.path[issue.path.length - 1];
    const ownFieldValid = typeof bad === 'number' && Number.isFinite(bad) && Number.isInteger(bad) && bad >= 0;
    if (ownFieldValid || (typeof bad === 'number' && Number.isFinite(bad))) expect(fields).toContain(named);
    else expect(named).toBe(field);
    return;
  }
  for (const v of numbersIn(result)) expect(Number.isFinite(v)).toBe(true);
}

describe('one corrupted field in random rows', () => {
  const purchase = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  const pareto = paretoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 });
  const spend = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });

  it('purchase-model predictions', () => {
    fc.assert(
      fc.property(fc.array(btydRow, { minLength: 1, maxLength: 8 }), fc.nat(), fc.constantFrom('frequency', 'recency', 'T'), fc.constantFrom(...BAD_VALUES), (rows, k, field, bad) => {
        const i = k % rows.length;
        const corrupted = rows.map((r, j) => (j === i ? { ...r, [field]: bad } : r));
        holds(() => purchase.probabilityAliveMany(corrupted as never), i, field, bad, BTYD_FIELDS);
        holds(() => purchase.expectedPurchasesMany(4, corrupted as never), i, field, bad, BTYD_FIELDS);
        holds(() => pareto.expectedPurchasesMany(4, corrupted as never), i, field, bad, BTYD_FIELDS);
      }),
      { numRuns: 300 },
    );
  });

  it('fits', () => {
    fc.assert(
      fc.property(fc.array(btydRow, { minLength: 3, maxLength: 8 }), fc.nat(), fc.constantFrom('frequency', 'recency', 'T'), fc.constantFrom(...BAD_VALUES), (rows, k, field, bad) => {
        const i = k % rows.length;
        const corrupted = [...rows.map((r, j) => (j === i ? { ...r, [field]: bad } : r)), { frequency: 2, recency: 5, T: 9 }, { frequency: 0, recency: 0, T: 9 }];
        let fit: ReturnType<typeof fitBgNbd>;
        try {
          fit = fitBgNbd(corrupted as never, { standardErrors: false, maxEvaluations: 400 });
        } catch (e) {
          if (!(e instanceof InvalidInputError)) throw e;
          expect(e.issues[0].path[0]).toBe(i);
          expect(BTYD_FIELDS).toContain(e.issues[0].path[1]);
          if (!(typeof bad === 'number' && Number.isFinite(bad))) expect(e.issues[0].path[1]).toBe(field);
          return;
        }
        for (const v of [...Object.values(fit.params), fit.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('spend model, fit and CLV', () => {
    const spendRow = fc.record({ frequency: fc.integer({ min: 1, max: 20 }), monetaryValue: fc.double({ min: 0.5, max: 500, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(btydRow, spendRow), { minLength: 2, maxLength: 6 }), fc.nat(), fc.constantFrom('frequency', 'monetaryValue'), fc.constantFrom(...BAD_VALUES), (pairs, k, field, bad) => {
        const i = k % pairs.length;
        const spendRows = pairs.map(([, s], j) => (j === i ? { ...s, [field]: bad } : s));
        holds(() => spend.expectedAverageSpendMany(spendRows as never), i, field, bad, SPEND_FIELDS);
        holds(() => fitGammaGamma([...spendRows, { frequency: 3, monetaryValue: 7 }, { frequency: 1, monetaryValue: 30 }] as never, { standardErrors: false }), i, field, bad, SPEND_FIELDS);
        const customers = pairs.map(([p], j) => ({ purchase: p, spend: spendRows[j]! }));
        holds(() => predictClv(purchase, spend, customers as never, { asOf: '2024-01-01', horizon: { amount: 6, unit: 'month' } }), i, field, bad, SPEND_FIELDS);
      }),
      { numRuns: 200 },
    );
  });

  it('transaction rows into summaries (amount and customer id)', () => {
    const txRow = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      date: fc.integer({ min: 0, max: 365 }).map((d) => new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10)),
      amount: fc.double({ min: -50, max: 500, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(txRow, { minLength: 1, maxLength: 12 }), fc.nat(), fc.constantFrom('amount', 'customerId'), fc.constantFrom(...BAD_VALUES), (rows, k, field, bad) => {
        const i = k % rows.length;
        const corrupted = rows.map((r, j) => (j === i ? { ...r, [field]: bad } : r));
        holds(() => summarizeCustomers(corrupted as never, { asOf: '2024-01-01' }), i, field, bad, ['customerId', 'date', 'amount']);
      }),
      { numRuns: 200 },
    );
  });
});
