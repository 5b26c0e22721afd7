import { describe, expect, it } from 'vitest';
import { classifyLoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import { loyaltyStrategy } from '../../src/loyalty/loyaltyStrategy.js';
import { attitudeAll, contextAll, fullBehaviour } from './fixtures.js';

const few = fullBehaviour({ purchases: 2, gapCv: null });

// One test per row of the loyalty-type decision table (docs/loyalty.md, "Loyalty types").
describe('classifyLoyaltyType decision table', () => {
  it('T1: repeat high, no real alternative -> monopoly (even with a strong attitude)', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour(), attitude: attitudeAll(5), context: contextAll({ hasAlternatives: false }) });
    expect([r.type, r.quadrant, r.rule, r.isFalseLoyalty, r.group]).toEqual(['monopoly', 'spurious', 'T1', true, 'false']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'no_alternatives']);
  });
  it('T2: repeat high, deep discounts -> price', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour({ discountDepth: 0.2 }), attitude: attitudeAll(4), context: contextAll() });
    expect([r.type, r.quadrant, r.rule]).toEqual(['price', 'spurious', 'T2']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'deal_discount_depth']);
  });
  it('T2: repeat high, high stated price sensitivity -> price', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour(), attitude: { ...attitudeAll(4), priceSensitivity: 5 }, context: contextAll() });
    expect([r.type, r.rule]).toEqual(['price', 'T2']);
    expect(r.reasons[1]!.code).toBe('deal_price_sensitive');
  });
  it('T3: repeat high, most purchases on promotion -> incentive', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour({ promoShare: 0.5 }), attitude: attitudeAll(4), context: contextAll() });
    expect([r.type, r.quadrant, r.rule]).toEqual(['incentive', 'spurious', 'T3']);
  });
  it('T4: repeat high, positive attitude, not deal-driven -> true', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour(), attitude: attitudeAll(4), context: contextAll({ convenience: 5 }) });
    expect([r.type, r.quadrant, r.rule, r.isFalseLoyalty, r.group]).toEqual(['true', 'true', 'T4', false, 'true']);
    expect(r.strategy).toEqual(loyaltyStrategy('true'));
  });
  it('T5: repeat high, low attitude, high convenience -> convenience', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour(), attitude: attitudeAll(3), context: contextAll({ convenience: 5 }) });
    expect([r.type, r.quadrant, r.rule]).toEqual(['convenience', 'spurious', 'T5']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'attitude_low', 'convenience_high']);
  });
  it('T6: repeat high, low attitude, nothing else -> inertia', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour(), attitude: { scale: { min: 1, max: 5 }, satisfaction: 2 }, context: contextAll() });
    expect([r.type, r.quadrant, r.rule]).toEqual(['inertia', 'spurious', 'T6']);
    expect(r.reasons.map((x) => x.code)).toEqual(['repeat_high', 'attitude_low', 'satisfaction_defection', 'habit_regular_gaps']);
    expect(r.strategy).toEqual(loyaltyStrategy('false'));
  });
  it('T7: repeat low, positive attitude -> latent', () => {
    const r = classifyLoyaltyType({ behaviour: few, attitude: attitudeAll(4), context: contextAll() });
    expect([r.type, r.quadrant, r.rule, r.isFalseLoyalty, r.group]).toEqual(['latent', 'latent', 'T7', false, 'latent']);
  });
  it('T8: repeat low, low attitude -> none', () => {
    const r = classifyLoyaltyType({ behaviour: few, attitude: attitudeAll(3), context: contextAll({ hasAlternatives: false }) });
    expect([r.type, r.quadrant, r.rule, r.isFalseLoyalty, r.group]).toEqual(['none', 'none', 'T8', false, 'none']);
    expect(r.strategy).toEqual(loyaltyStrategy('none'));
  });
});

describe('classifyLoyaltyType details', () => {
  it('a lapsed repeat buyer has low repeat patronage', () => {
    const r = classifyLoyaltyType({ behaviour: fullBehaviour({ recencyRatio: 4 }), attitude: attitudeAll(4) });
    expect(r.type).toBe('latent');
    expect(r.reasons[0]!.code).toBe('repeat_lapsed');
  });
  it('deal thresholds are options', () => {
    const b = fullBehaviour({ promoShare: 0.4, discountDepth: 0.15 });
    expect(classifyLoyaltyType({ behaviour: b, attitude: attitudeAll(4) }).type).toBe('true');
    expect(classifyLoyaltyType({ behaviour: b, attitude: attitudeAll(4) }, { dealPromoShare: 0.4 }).type).toBe('incentive');
    expect(classifyLoyaltyType({ behaviour: b, attitude: attitudeAll(4) }, { dealDiscountDepth: 0.15 }).type).toBe('price');
    const c = { ...contextAll(), convenience: 4 }; // 0.75 of the scale
    expect(classifyLoyaltyType({ behaviour: fullBehaviour(), attitude: attitudeAll(3), context: c }).type).toBe('convenience');
    expect(classifyLoyaltyType({ behaviour: fullBehaviour(), attitude: attitudeAll(3), context: c }, { highAnswer: 0.8 }).type).toBe('inertia');
  });
  it('the strategy texts exist in both languages for every group, and an unknown group is an error', () => {
    for (const g of ['false', 'true', 'latent', 'none'] as const) {
      const s = loyaltyStrategy(g);
      expect(s.en.length).toBeGreaterThan(20);
      expect(s.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(() => loyaltyStrategy('spurious' as never)).toThrow(/options, group: expected 'false', 'true', 'latent' or 'none'/);
  });
  it('answers may carry their own scales (mixed 1..5 and 0..10)', () => {
    const r = classifyLoyaltyType({
      behaviour: fullBehaviour(),
      attitude: { scale: { min: 1, max: 5 }, satisfaction: 4, recommendLikelihood: { value: 9, min: 0, max: 10 } },
    });
    // (0.75 + 0.9) / 2 = 0.825
    expect(r.attitude.score).toBeCloseTo(0.825, 12);
    expect(r.attitude.level).toBe('strong');
  });
});
