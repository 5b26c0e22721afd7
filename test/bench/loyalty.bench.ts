/**
 * Derive behavioural signals for and classify 1M customers. Targets: the columnar form
 * ("derive + classify": deriveBehaviourColumns + classifyLoyaltyColumns) under 1.2 s; the object
 * form under 2 s in all.
 *
 * Synthetic log from the shared seeded generator: 4M transactions of 1M customers over two
 * years in date order (about 4 purchases each, Poisson), plus promotion flags and discounts.
 * No peer library classifies loyalty, so there is no outside figure to compare with; the
 * nearest work is a pandas groupby computing the same per-customer gaps and shares.
 * Run: npx vitest bench --run test/bench/loyalty.bench.ts
 */
import { bench, describe } from 'vitest';
import { classifyLoyaltyColumns } from '../../src/loyalty/classifyLoyaltyColumns.js';
import { classifyLoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import { classifyPyramid } from '../../src/loyalty/classifyPyramid.js';
import { deriveBehaviourColumns } from '../../src/loyalty/deriveBehaviourColumns.js';
import { deriveBehaviourSignals } from '../../src/loyalty/deriveBehaviourSignals.js';
import { createRng } from '../../src/math/random.js';
import type { TransactionTable } from '../../src/transactions/types.js';
import { generateTable } from './generateTable.mjs';

const CUSTOMERS = 1_000_000;

function withPromotions(t: TransactionTable, seed: number): TransactionTable {
  const rng = createRng(seed);
  const promo = new Uint8Array(t.length);
  const discount = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) {
    if (rng() < 0.2) {
      promo[i] = 1;
      discount[i] = Math.round(t.amount[i]! * (0.1 + 0.2 * rng()) * 100) / 100;
    }
  }
  return { ...t, promo, discount };
}

const table = withPromotions(generateTable(4 * CUSTOMERS, CUSTOMERS, { seed: 7 }), 8);
const columns = deriveBehaviourColumns(table, { asOf: '2024-12-31' }).columns;
// The object signals (about 300 MB of heap) are made on first use, after the columnar cases, so
// that those run without a million live objects for the garbage collector to trace.
let signalObjects: ReturnType<typeof deriveBehaviourSignals>['customers'] | undefined;
function objects(): ReturnType<typeof deriveBehaviourSignals>['customers'] {
  signalObjects ??= deriveBehaviourSignals(table, { asOf: '2024-12-31' }).customers;
  return signalObjects;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`benchmark result check failed: ${what}`);
}

/** Customers at level 3 or 4 and truly loyal ones, from the columns. */
function counts(r: ReturnType<typeof classifyLoyaltyColumns>): { high: number; trueLoyal: number } {
  let high = 0;
  let trueLoyal = 0;
  for (let i = 0; i < r.length; i++) {
    if (r.pyramidLevel[i]! >= 3) high++;
    if (r.loyaltyRule[i] === 4) trueLoyal++;
  }
  return { high, trueLoyal };
}

describe('loyalty classification, 1M customers (4M transactions)', () => {
  bench(
    'derive + classify (deriveBehaviourColumns + classifyLoyaltyColumns)',
    () => {
      const { columns: c } = deriveBehaviourColumns(table, { asOf: '2024-12-31' });
      const r = classifyLoyaltyColumns(c);
      const { high, trueLoyal } = counts(r);
      check(r.length > 0.97 * CUSTOMERS, 'customers');
      check(high > 0 && trueLoyal > 0 && r.loyaltyReasons(0).length > 0, 'classes');
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench(
    'columnar classify (classifyLoyaltyColumns only)',
    () => {
      const r = classifyLoyaltyColumns(columns);
      const { high, trueLoyal } = counts(r);
      check(high > 0 && trueLoyal > 0, 'columnar classes');
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench(
    'deriveBehaviourColumns only',
    () => {
      const { columns: c } = deriveBehaviourColumns(table, { asOf: '2024-12-31' });
      check(c.length > 0.97 * CUSTOMERS && c.purchases[0]! >= 1, 'derive columns');
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench(
    'deriveBehaviourSignals + classifyPyramid + classifyLoyaltyType',
    () => {
      const { customers } = deriveBehaviourSignals(table, { asOf: '2024-12-31' });
      let committedOrHabitual = 0;
      let trueLoyal = 0;
      for (const c of customers) {
        if (classifyPyramid(c).level >= 3) committedOrHabitual++;
        if (classifyLoyaltyType(c).type === 'true') trueLoyal++;
      }
      check(customers.length > 0.97 * CUSTOMERS, 'customers');
      check(committedOrHabitual > 0 && trueLoyal > 0, 'classes');
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench(
    'deriveBehaviourSignals only',
    () => {
      const { customers } = deriveBehaviourSignals(table, { asOf: '2024-12-31' });
      check(customers.length > 0.97 * CUSTOMERS && customers[0]!.behaviour.purchases >= 1, 'derive');
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench(
    'classifyPyramid only',
    () => {
      const signals = objects();
      let sum = 0;
      for (const c of signals) sum += classifyPyramid(c).level;
      check(sum > signals.length, 'pyramid');
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench(
    'classifyPyramid only, custom thresholds',
    () => {
      // options given: thresholds are validated on every call and custom ones written into the reasons
      const options = { maxRecencyRatio: 2.5, maxHabitGapCv: 0.6 };
      const signals = objects();
      let sum = 0;
      for (const c of signals) sum += classifyPyramid(c, options).level;
      check(sum > signals.length, 'pyramid with options');
    },
    { iterations: 3, warmupIterations: 1 },
  );

  bench(
    'classifyLoyaltyType only',
    () => {
      const signals = objects();
      let falseLoyal = 0;
      for (const c of signals) if (classifyLoyaltyType(c).isFalseLoyalty) falseLoyal++;
      check(falseLoyal > 0, 'types');
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
