import { describe, expect, it } from 'vitest';
import { bgBb, bgNbd, gammaGamma, paretoNbd, predictClv } from '../../src/index.js';
import { thrownIssues } from './thrownIssues.js';

// Class "where and what" (issue 11): a many-customer prediction with one bad customer names that
// customer's index and the field, never only "invalid input" and never a TypeError.

const bg = bgNbd({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 });
const gg = gammaGamma({ p: 6, q: 4, gamma: 15 });
const ok = { purchase: { frequency: 1, recency: 2, T: 5 }, spend: { frequency: 1, monetaryValue: 3 } };
const clvOptions = { asOf: '2024-01-01', horizon: { amount: 4, unit: 'week' } } as const;
const good = { frequency: 1, recency: 2, T: 5 };

describe('one bad customer among many: its index and field', () => {
  it.each([
    ['expectedPurchasesMany, recency after T', () => bg.expectedPurchasesMany(10, [good, { frequency: 2, recency: 20, T: 10 }]), [1, 'recency']],
    ['expectedPurchasesMany, NaN frequency', () => bg.expectedPurchasesMany(10, [good, good, { frequency: Number.NaN, recency: 2, T: 10 }]), [2, 'frequency']],
    ['expectedPurchasesMany, not an object', () => bg.expectedPurchasesMany(10, [good, null as never]), [1]],
    ['Pareto/NBD expectedPurchasesMany', () => paretoNbd({ r: 0.5, alpha: 10, s: 0.6, beta: 11 }).expectedPurchasesMany(10, [good, { frequency: 2, recency: -1, T: 10 }]), [1, 'recency']],
    ['BG/BB expectedPurchasesMany', () => bgBb({ alpha: 1, beta: 1, gamma: 1, delta: 1 }).expectedPurchasesMany(10, [{ frequency: 1, recency: 2, periods: 5 }, { frequency: 2, recency: 9, periods: 5 }]), [1, 'recency']],
    ['probabilityAliveMany', () => bg.probabilityAliveMany([good, { frequency: 2, recency: 20, T: 10 }]), [1, 'recency']],
    ['expectedAverageSpendMany', () => gg.expectedAverageSpendMany([{ frequency: 1, monetaryValue: 3 }, { frequency: 1.5, monetaryValue: 3 }]), [1, 'frequency']],
    ['predictClv, a bad purchase history', () => predictClv(bg, gg, [ok, { ...ok, purchase: { frequency: 2, recency: 20, T: 10 } }], clvOptions), [1, 'recency']],
    ['predictClv, a bad spend', () => predictClv(bg, gg, [ok, ok, { ...ok, spend: { frequency: 1, monetaryValue: Number.NaN } }], clvOptions), [2, 'monetaryValue']],
    ['predictClv, a bad margin', () => predictClv(bg, gg, [ok, { ...ok, margin: 2 }], clvOptions), [1, 'margin']],
    ['predictClv, not an object', () => predictClv(bg, gg, [ok, null as never], clvOptions), [1]],
  ] as const)('%s', (_name, run, path) => {
    const [first] = thrownIssues(run);
    expect(first.path).toEqual(path);
    const where = path.length === 1 ? `row ${path[0]}: ` : `row ${path[0]}, ${path[1]}: expected`;
    let message = '';
    try {
      run();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(where);
  });
});
