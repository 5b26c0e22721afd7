import { describe, expect, it } from 'vitest';
import { classifyPyramid } from '../../src/loyalty/classifyPyramid.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { attitudeAll, contextAll, fullBehaviour } from './fixtures.js';

// One test per row of the pyramid decision table (docs/loyalty.md, "Pyramid").
describe('classifyPyramid decision table', () => {
  it('P4: repeat high, strong survey attitude, not deal-driven -> 4 committed', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour(), attitude: attitudeAll(5), context: contextAll() });
    expect([r.level, r.label, r.rule]).toEqual([4, 'committed', 'P4']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'attitude_strong']);
    expect(r.confidence).toBe(1);
    expect(r.missingSignals).toEqual([]);
  });

  it('P4 is blocked by deal-driven buying, falling to P2 (attitude still strong)', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour({ discountDepth: 0.3 }), attitude: attitudeAll(5), context: contextAll() });
    expect(r.rule).toBe('P2');
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'deal_discount_depth', 'attitude_strong']);
  });

  it('P3: repeat high, regular gaps, not deal-driven -> 3 habitual satisfaction, even with a low attitude', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour({ gapCv: 0.5 }), attitude: attitudeAll(3), context: contextAll() });
    expect([r.level, r.label, r.rule]).toEqual([3, 'habitual-satisfaction', 'P3']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'habit_regular_gaps', 'attitude_low']);
  });

  it('P3 through high switching costs when gaps are irregular', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour({ gapCv: 1.4 }), attitude: attitudeAll(3), context: contextAll({ switchingCost: 5 }) });
    expect(r.rule).toBe('P3');
    expect(r.reasons.map((x) => x.code)).toContain('habit_switching_cost');
  });

  it('P3 is blocked when satisfaction is in the defection zone', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour(), attitude: { scale: { min: 1, max: 5 }, satisfaction: 2 }, context: contextAll() });
    expect(r.rule).toBe('P1');
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'satisfaction_defection', 'attitude_low']);
  });

  it('P2: positive attitude without repeat -> 2 preference', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour({ purchases: 2, gapCv: null }), attitude: attitudeAll(4), context: contextAll() });
    expect([r.level, r.label, r.rule]).toEqual([2, 'preference', 'P2']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_few', 'attitude_positive']);
  });

  it('P2: repeat high but irregular with a positive attitude', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour({ gapCv: 1.2 }), attitude: attitudeAll(4), context: contextAll() });
    expect(r.rule).toBe('P2');
  });

  it('P1: otherwise -> 1 no loyalty', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour({ purchases: 1, meanGapDays: null, recencyRatio: null, gapCv: null, spendTrend: null }), attitude: attitudeAll(2), context: contextAll() });
    expect([r.level, r.label, r.rule]).toEqual([1, 'no-loyalty', 'P1']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_few', 'deal_price_sensitive', 'satisfaction_defection', 'attitude_low']);
  });
});

describe('classifyPyramid without survey answers', () => {
  it('never reaches level 4, says why, and states its confidence', () => {
    const r = classifyPyramid({ behaviour: fullBehaviour() });
    expect(r.level).toBe(3);
    expect(r.attitude).toEqual({ level: 'positive', score: null, source: 'behaviour' });
    expect(r.reasons.at(-1)!.code).toBe('attitude_missing');
    expect(r.confidence).toBe(0.5);
    expect(r.missingSignals).toHaveLength(10);
  });

  it('reads a positive attitude from behaviour: came back, spend trend >= minSpendTrend, not deal-driven', () => {
    const b = fullBehaviour({ gapCv: 1.5 });
    expect(classifyPyramid({ behaviour: b }).rule).toBe('P2');
    expect(classifyPyramid({ behaviour: { ...b, spendTrend: -0.3 } }).rule).toBe('P1');
    expect(classifyPyramid({ behaviour: { ...b, promoShare: 0.6 } }).rule).toBe('P1');
    expect(classifyPyramid({ behaviour: { ...b, spendTrend: -0.3 } }, { minSpendTrend: -0.5 }).rule).toBe('P2');
  });
});

describe('classifyPyramid thresholds', () => {
  const b = fullBehaviour({ purchases: 3, recencyRatio: 2.5, gapCv: 0.7 });
  it('minRepeatPurchases, maxRecencyRatio and maxHabitGapCv move the boundaries', () => {
    expect(classifyPyramid({ behaviour: b }).rule).toBe('P3');
    expect(classifyPyramid({ behaviour: b }, { minRepeatPurchases: 3 }).rule).toBe('P2');
    expect(classifyPyramid({ behaviour: b }, { maxRecencyRatio: 2 }).reasons[0]!.code).toBe('repeat_lapsed');
    expect(classifyPyramid({ behaviour: b }, { maxHabitGapCv: 0.6 }).rule).toBe('P2');
  });
  it('boundaries are inclusive as documented', () => {
    expect(classifyPyramid({ behaviour: { ...b, recencyRatio: 3, gapCv: 0.75 } }).rule).toBe('P3');
    expect(classifyPyramid({ behaviour: { ...b, recencyRatio: 3.0001 } }).rule).toBe('P2');
    // attitude exactly 0.8 on the scale is strong
    const a = { scale: { min: 0, max: 10 }, satisfaction: 8 };
    expect(classifyPyramid({ behaviour: b, attitude: a }).rule).toBe('P4');
    expect(classifyPyramid({ behaviour: b, attitude: a }, { strongAttitude: 0.85 }).rule).toBe('P3');
  });
  it('writes the thresholds in force into the reasons', () => {
    expect(classifyPyramid({ behaviour: b }).reasons[0]!.message).toBe('High repeat patronage: 2 repeat purchases and last seen 2.5 usual gaps ago (at most 3).');
    expect(classifyPyramid({ behaviour: b }, { maxRecencyRatio: 2.75 }).reasons[0]!.message).toBe(
      'High repeat patronage: 2 repeat purchases and last seen 2.5 usual gaps ago (at most 2.75).',
    );
    expect(classifyPyramid({ behaviour: b }, { maxHabitGapCv: 0.7 }).reasons[1]!.message).toBe('Buys by habit: gap variation 0.7 is at most 0.7.');
  });
  it('rejects invalid options, naming them', () => {
    expect(() => classifyPyramid({ behaviour: b }, { maxHabitGapCv: -1 })).toThrow(/maxHabitGapCv/);
    expect(() => classifyPyramid({ behaviour: b }, { minRepeatPurchases: 1.5 })).toThrow(InvalidInputError);
    expect(() => classifyPyramid({ behaviour: b }, { positiveAttitude: 0.9 })).toThrow(/strongAttitude/);
    expect(() => classifyPyramid({ behaviour: b }, { highAnswer: Number.NaN })).toThrow(/highAnswer/);
  });
  it('rejects invalid signals with the customer and field in the message', () => {
    expect(() => classifyPyramid({ customerId: 'x1', behaviour: { purchases: Number.NaN } })).toThrow(/^signals, behaviour\.purchases: not a finite number/);
    expect(() => classifyPyramid({ customerId: 'x1', behaviour: { purchases: Number.NaN } }, { revealValues: true })).toThrow(/x1, behaviour\.purchases: not a finite number/);
  });
  it('copies the customer id and does not mutate the input', () => {
    const s = { customerId: 7, behaviour: fullBehaviour(), attitude: attitudeAll(4) };
    const copy = structuredClone(s);
    expect(classifyPyramid(s).customerId).toBe(7);
    expect(s).toEqual(copy);
    expect('customerId' in classifyPyramid({ behaviour: fullBehaviour() })).toBe(false);
  });
  it('accepts a customer with no purchases (a prospect) and huge values', () => {
    expect(classifyPyramid({ behaviour: { purchases: 0 }, attitude: attitudeAll(4) }).rule).toBe('P2');
    expect(classifyPyramid({ behaviour: fullBehaviour({ purchases: 1e9, totalSpend: 1e300, recencyRatio: 1e-300 }) }).rule).toBe('P3');
  });
});
