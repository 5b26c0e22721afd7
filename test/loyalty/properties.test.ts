import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import { classifyPyramid } from '../../src/loyalty/classifyPyramid.js';
import { deriveBehaviourSignals } from '../../src/loyalty/deriveBehaviourSignals.js';
import { SIGNAL_WEIGHTS } from '../../src/loyalty/assessSignals.js';
import type { LoyaltySignals } from '../../src/loyalty/types.js';
import { isoFromDay } from '../../src/time/days.js';
import type { TransactionInput } from '../../src/transactions/types.js';

const likert = fc.integer({ min: 1, max: 5 });
const behaviourArb = fc.record(
  {
    purchases: fc.integer({ min: 0, max: 60 }),
    tenureDays: fc.integer({ min: 0, max: 2000 }),
    recencyRatio: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
    gapCv: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: null }),
    spendTrend: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
    promoShare: fc.double({ min: 0, max: 1, noNaN: true }),
    discountDepth: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: ['purchases'] },
);
const attitudeArb = fc.record(
  {
    satisfaction: likert,
    repurchaseIntention: likert,
    recommendLikelihood: likert,
    competitorAppeal: likert,
    qualityTolerance: likert,
    priceSensitivity: likert,
    decisionTime: likert,
  },
  { requiredKeys: [] },
);
const contextArb = fc.record({ hasAlternatives: fc.boolean(), switchingCost: likert, convenience: likert }, { requiredKeys: [] });
const signalsArb: fc.Arbitrary<LoyaltySignals> = fc
  .tuple(behaviourArb, fc.option(attitudeArb, { nil: undefined }), fc.option(contextArb, { nil: undefined }))
  .map(([behaviour, attitude, context]) => ({
    behaviour,
    ...(attitude ? { attitude: { scale: { min: 1, max: 5 }, ...attitude } } : {}),
    ...(context ? { context: { scale: { min: 1, max: 5 }, ...context } } : {}),
  }));

/** Every way to add one missing signal to `s`, with a value. */
function additions(s: LoyaltySignals, value: number, flag: boolean): { name: string; weight: number; signals: LoyaltySignals }[] {
  const out = [];
  for (const [name, group, field, weight] of SIGNAL_WEIGHTS) {
    const g = (s[group] ?? {}) as Record<string, unknown>;
    if (g[field] !== undefined) continue;
    const v =
      field === 'hasAlternatives' ? flag : group === 'behaviour' ? (field === 'spendTrend' ? 2 * value - 1 : value) : 1 + Math.round(4 * value);
    const scale = group === 'behaviour' ? {} : { scale: { min: 1, max: 5 } };
    out.push({ name, weight, signals: { ...s, [group]: { ...scale, ...g, [field]: v } } as LoyaltySignals });
  }
  return out;
}

describe('properties', () => {
  it('adding a signal never lowers confidence (it rises by exactly its weight); supporting additions included', () => {
    fc.assert(
      fc.property(signalsArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (s, value, flag) => {
        const p0 = classifyPyramid(s);
        const t0 = classifyLoyaltyType(s);
        for (const add of additions(s, value, flag)) {
          const p1 = classifyPyramid(add.signals);
          const t1 = classifyLoyaltyType(add.signals);
          expect(p1.confidence).toBeCloseTo(p0.confidence + add.weight / 100, 12);
          expect(t1.confidence).toBeCloseTo(t0.confidence + add.weight / 100, 12);
          expect(p1.missingSignals).not.toContain(add.name);
          // a supporting signal (same result) in particular never lowers confidence
          if (p1.level === p0.level) expect(p1.confidence).toBeGreaterThanOrEqual(p0.confidence);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('results stay in range: levels 1..4, confidence in [0, 1], reasons present, no NaN in any message', () => {
    fc.assert(
      fc.property(signalsArb, (s) => {
        const p = classifyPyramid(s);
        const t = classifyLoyaltyType(s);
        expect([1, 2, 3, 4]).toContain(p.level);
        for (const r of [p, t]) {
          expect(r.confidence).toBeGreaterThanOrEqual(0.2);
          expect(r.confidence).toBeLessThanOrEqual(1);
          expect(r.reasons.length).toBeGreaterThan(0);
          for (const x of r.reasons) expect(x.message).not.toMatch(/NaN|undefined|Infinity/);
        }
        expect(t.isFalseLoyalty).toBe(t.quadrant === 'spurious');
        // consistency between the two classifiers
        if (t.type === 'true') expect(p.level).toBeGreaterThanOrEqual(2);
        if (p.level >= 3) expect(t.quadrant === 'true' || t.quadrant === 'spurious').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('moving every survey answer towards loyalty never lowers the pyramid level', () => {
    fc.assert(
      fc.property(behaviourArb, attitudeArb, fc.integer({ min: 1, max: 4 }), (behaviour, attitude, step) => {
        const scale = { min: 1, max: 5 };
        const up = (v: number | undefined, dir: 1 | -1) => (v === undefined ? undefined : Math.max(1, Math.min(5, v + dir * step)));
        const better = Object.fromEntries(
          Object.entries(attitude).map(([k, v]) => [k, up(v, ['competitorAppeal', 'priceSensitivity', 'decisionTime'].includes(k) ? -1 : 1)]),
        );
        const before = classifyPyramid({ behaviour, attitude: { scale, ...attitude } });
        const after = classifyPyramid({ behaviour, attitude: { scale, ...better } });
        expect(after.level).toBeGreaterThanOrEqual(before.level);
      }),
      { numRuns: 500 },
    );
  });

  it('derived signals and classifications do not depend on the order of the transaction rows', () => {
    const rowArb = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 1, 2),
      day: fc.integer({ min: 19000, max: 19400 }),
      amount: fc.integer({ min: -20, max: 500 }),
      promo: fc.option(fc.boolean(), { nil: undefined }),
      discount: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.infiniteStream(fc.nat()), (raw, stream) => {
        const rows: TransactionInput[] = raw.map(({ day, ...r }) => ({ ...r, date: isoFromDay(day) }));
        const shuffled = [...rows];
        const it = stream[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = it.next().value! % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = deriveBehaviourSignals(rows, { asOf: isoFromDay(19400) });
        const b = deriveBehaviourSignals(shuffled, { asOf: isoFromDay(19400) });
        // Identical up to the last bits of floating-point sums (discount depths are summed in row order within a day).
        expect(b.customers.map((c) => c.customerId)).toEqual(a.customers.map((c) => c.customerId));
        b.customers.forEach((c, i) => {
          const x = a.customers[i]!.behaviour as unknown as Record<string, number | null>;
          const y = c.behaviour as unknown as Record<string, number | null>;
          expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
          for (const key of Object.keys(x)) {
            if (typeof x[key] === 'number' && typeof y[key] === 'number') expect(Math.abs(y[key]! - x[key]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x[key]!)));
            else expect(y[key]).toBe(x[key]);
          }
        });
        expect(b.customers.map((c) => classifyPyramid(c))).toEqual(a.customers.map((c) => classifyPyramid(c)));
        expect(b.customers.map((c) => classifyLoyaltyType(c))).toEqual(a.customers.map((c) => classifyLoyaltyType(c)));
        for (const c of a.customers) for (const v of Object.values(c.behaviour)) expect(Number.isNaN(v)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
