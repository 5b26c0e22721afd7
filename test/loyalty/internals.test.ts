import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt } from '../../src/loyalty/explain.js';
import { isWellFormedSignals } from '../../src/loyalty/isWellFormedSignals.js';
import { loyaltySignalsSchema } from '../../src/loyalty/signalsSchema.js';

// The fast paths must agree with their plain definitions.
describe('internals', () => {
  it('fmt writes the same text as String(Math.round(x * 100) / 100)', () => {
    for (const x of [0, -0, 0.5, -0.5, 0.005, -0.005, 0.004, 1.25, 0.1, 0.07, 3, -0.25, 123.456, 1e20, -1e20, 1e-300]) {
      expect(fmt(x)).toBe(String(Math.round(x * 100) / 100));
    }
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => fmt(x) === String(Math.round(x * 100) / 100)));
    fc.assert(fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (x) => fmt(x) === String(Math.round(x * 100) / 100)));
  });

  it('the fast signal check never accepts what the zod schema rejects', () => {
    const num = fc.oneof(
      fc.double(),
      fc.integer({ min: -3, max: 12 }),
      fc.constantFrom(0, 1, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
    );
    const value = fc.oneof(num, fc.constant(null), fc.constant(undefined), fc.boolean(), fc.string({ maxLength: 2 }));
    const scale = fc.oneof(fc.record({ min: num, max: num }), value, fc.record({ min: num, max: num, extra: num }));
    const answer = fc.oneof(value, fc.record({ value: num, min: num, max: num }), fc.record({ value: num, min: num }));
    const behaviourKeys = ['purchases', 'tenureDays', 'daysSinceLastPurchase', 'meanGapDays', 'recencyRatio', 'gapCv', 'spendTrend', 'totalSpend', 'promoShare', 'discountDepth', 'typo'];
    const behaviour = fc.oneof(
      fc.dictionary(fc.constantFrom(...behaviourKeys), value),
      fc.record({ purchases: fc.nat({ max: 20 }) }).chain((b) => fc.dictionary(fc.constantFrom(...behaviourKeys), value).map((d) => ({ ...b, ...d }))),
      value,
    );
    const attitude = fc.dictionary(
      fc.constantFrom('satisfaction', 'repurchaseIntention', 'recommendLikelihood', 'competitorAppeal', 'qualityTolerance', 'priceSensitivity', 'decisionTime', 'typo'),
      answer,
    );
    const signals = fc.record(
      {
        customerId: fc.oneof(fc.string({ maxLength: 3 }), num, value),
        behaviour,
        attitude: fc.oneof(value, fc.tuple(attitude, scale).map(([a, s]) => ({ ...a, scale: s })), attitude),
        context: fc.oneof(value, fc.record({ scale, hasAlternatives: value, switchingCost: answer, convenience: answer }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    );
    // Near-valid input: values around the boundaries of every range.
    const near = (lo: number, hi: number) =>
      fc.oneof(
        { weight: 12, arbitrary: fc.double({ min: lo, max: hi, noNaN: true }) },
        { weight: 1, arbitrary: fc.double({ min: lo - 0.5, max: hi + 0.5, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(lo, hi, null) },
      );
    const nearBehaviour = fc.record(
      {
        purchases: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(0.5, 2 ** 53) }),
        tenureDays: near(0, 100),
        daysSinceLastPurchase: near(0, 100),
        meanGapDays: near(0, 30),
        recencyRatio: near(0, 5),
        gapCv: near(0, 2),
        spendTrend: near(-1, 1),
        totalSpend: near(-100, 100),
        promoShare: near(0, 1),
        discountDepth: near(0, 1),
      },
      { requiredKeys: ['purchases'] },
    );
    const nearAnswer = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) },
      { weight: 1, arbitrary: fc.record({ value: fc.integer({ min: -1, max: 11 }), min: fc.constantFrom(0, 1, 5), max: fc.constantFrom(5, 10, 0) }) },
    );
    const nearScale = fc.oneof({ weight: 6, arbitrary: fc.constant({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom({ min: 5, max: 1 }, undefined) });
    const nearSignals = fc.record(
      {
        customerId: fc.constantFrom('a', 'b', 3, 4, '', Number.NaN),
        behaviour: nearBehaviour,
        attitude: fc.record({ scale: nearScale, satisfaction: nearAnswer, priceSensitivity: nearAnswer }, { requiredKeys: [] }),
        context: fc.record({ scale: nearScale, hasAlternatives: fc.oneof(fc.boolean(), fc.constant(null)), convenience: nearAnswer }, { requiredKeys: [] }),
      },
      { requiredKeys: ['behaviour'] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(signals, value, nearSignals), (s) => {
        if (isWellFormedSignals(s)) {
          accepted++;
          expect(loyaltySignalsSchema.safeParse(s).success).toBe(true);
        }
      }),
      { numRuns: 20000 },
    );
    expect(accepted).toBeGreaterThan(200); // the generator reaches the accepting branch
  });
});
