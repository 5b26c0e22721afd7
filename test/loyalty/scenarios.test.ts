import { describe, expect, it } from 'vitest';
import { classifyLoyaltyType, type LoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import { classifyPyramid, type PyramidLevel } from '../../src/loyalty/classifyPyramid.js';
import { deriveBehaviourSignals } from '../../src/loyalty/deriveBehaviourSignals.js';
import type { AttitudeSignals, ContextSignals, LoyaltySignals } from '../../src/loyalty/types.js';
import type { TransactionInput } from '../../src/transactions/types.js';
import { repeat, visits } from './fixtures.js';

// Realistic customers of a neighbourhood shop, from their 2024 purchase records (with promo
// flags and discounts) and, where the shop has them, survey answers (1..5) and context.
const AS_OF = '2024-12-31';
const likert = { min: 1, max: 5 };

interface Scenario {
  story: string;
  rows: TransactionInput[];
  attitude?: AttitudeSignals;
  context?: ContextSignals;
  level: PyramidLevel;
  type: LoyaltyType;
}

const fullPrice = (k: number): Partial<TransactionInput> => ({ promo: false, discount: 0 * k });

const scenarios: Record<string, Scenario> = {
  mei: {
    story: 'weekly coffee-bean buyer for most of the year, full price, loves the shop and tells friends',
    rows: visits('mei', '2024-03-02', repeat(42, 7), (k) => 18 + (k % 3), fullPrice),
    attitude: { scale: likert, satisfaction: 5, repurchaseIntention: 5, recommendLikelihood: 5, competitorAppeal: 1, qualityTolerance: 4 },
    context: { scale: likert, hasAlternatives: true, switchingCost: 2, convenience: 4 },
    level: 4,
    type: 'true',
  },
  omar: {
    story: 'monthly grocery box on the same day each month; no survey (transactions only)',
    rows: visits('omar', '2024-01-15', [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30], 64, fullPrice),
    level: 3,
    type: 'true',
  },
  lena: {
    story: 'comes back now and then, irregularly, likes the shop but is not attached',
    rows: visits('lena', '2024-02-10', [3, 90, 8, 120, 15, 60], (k) => 25 + 3 * k, fullPrice),
    attitude: { scale: likert, satisfaction: 4, repurchaseIntention: 4, recommendLikelihood: 3, competitorAppeal: 3 },
    level: 2,
    type: 'true',
  },
  tom: {
    story: 'bought once in spring, never came back, indifferent',
    rows: visits('tom', '2024-04-20', [], 12, fullPrice),
    attitude: { scale: likert, satisfaction: 3, repurchaseIntention: 2, recommendLikelihood: 2 },
    level: 1,
    type: 'none',
  },
  village: {
    story: 'the only pharmacy in the village: buys monthly, not happy, no alternative',
    rows: visits('village', '2024-01-05', [28, 35, 30, 26, 33, 31, 29, 30, 32, 30, 28], 40, fullPrice),
    attitude: { scale: likert, satisfaction: 2, repurchaseIntention: 3, recommendLikelihood: 2 },
    context: { scale: likert, hasAlternatives: false, switchingCost: 5 },
    level: 1,
    type: 'monopoly',
  },
  ivan: {
    story: 'keeps ordering the same office supplies irregularly, dissatisfied but cannot be bothered to switch',
    rows: visits('ivan', '2024-01-20', [45, 10, 80, 15, 60, 30, 40], 120, fullPrice),
    attitude: { scale: likert, satisfaction: 2, repurchaseIntention: 3, recommendLikelihood: 2, competitorAppeal: 3 },
    context: { scale: likert, hasAlternatives: true, switchingCost: 2, convenience: 3 },
    level: 1,
    type: 'inertia',
  },
  ana: {
    story: 'the shop is next to her office: buys lunch there out of habit, neutral about it',
    rows: visits('ana', '2024-10-01', [3, 8, 2, 11, 4, 9, 1, 14, 6, 3, 12, 2, 7], 9, fullPrice),
    attitude: { scale: likert, satisfaction: 3, repurchaseIntention: 3, recommendLikelihood: 3, competitorAppeal: 3 },
    context: { scale: likert, hasAlternatives: true, switchingCost: 1, convenience: 5 },
    level: 3,
    type: 'convenience',
  },
  bargain: {
    story: 'only buys in the clearance sales, at 30-40% off',
    rows: visits('bargain', '2024-01-03', [60, 5, 85, 4, 95, 6, 90], 30, (k) => ({ promo: true, discount: k % 2 ? 20 : 14 })),
    attitude: { scale: likert, satisfaction: 4, repurchaseIntention: 3, priceSensitivity: 5 },
    level: 1,
    type: 'price',
  },
  points: {
    story: 'regular, but three purchases in four collect double loyalty points (small discounts)',
    rows: visits('points', '2024-03-01', repeat(20, 14), 50, (k) => ({ promo: k % 4 !== 0, discount: k % 4 !== 0 ? 2.5 : 0 })),
    attitude: { scale: likert, satisfaction: 4, repurchaseIntention: 4, recommendLikelihood: 3 },
    level: 2,
    type: 'incentive',
  },
  moved: {
    story: 'loved the shop, bought twice, then moved across town: would buy more if it delivered',
    rows: visits('moved', '2024-02-14', [21], (k) => 60 + 20 * k, fullPrice),
    attitude: { scale: likert, satisfaction: 5, repurchaseIntention: 4, recommendLikelihood: 5, competitorAppeal: 2 },
    context: { scale: likert, hasAlternatives: true, convenience: 1 },
    level: 2,
    type: 'latent',
  },
};

function signalsOf(s: Scenario): LoyaltySignals {
  const [c] = deriveBehaviourSignals(s.rows, { asOf: AS_OF }).customers;
  return { ...c!, ...(s.attitude ? { attitude: s.attitude } : {}), ...(s.context ? { context: s.context } : {}) };
}

describe('realistic scenarios reach every pyramid level and every loyalty type', () => {
  for (const [name, s] of Object.entries(scenarios)) {
    it(`${name}: ${s.story} -> level ${s.level}, ${s.type}`, () => {
      const signals = signalsOf(s);
      const p = classifyPyramid(signals);
      const t = classifyLoyaltyType(signals);
      expect({ level: p.level, type: t.type }).toEqual({ level: s.level, type: s.type });
      expect(p.customerId).toBe(name);
      expect(p.reasons.length).toBeGreaterThan(0);
      for (const r of [...p.reasons, ...t.reasons]) expect(r.message).toMatch(/^[A-Z].*\.$/);
    });
  }

  it('covers all four levels and all eight types', () => {
    expect(new Set(Object.values(scenarios).map((s) => s.level))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(Object.values(scenarios).map((s) => s.type))).toEqual(
      new Set(['monopoly', 'inertia', 'convenience', 'price', 'incentive', 'true', 'latent', 'none']),
    );
  });

  it('a customer known only from transactions is classified, with the confidence stated', () => {
    const signals = signalsOf(scenarios['omar']!);
    expect(signals.behaviour.promoShare).toBe(0);
    expect(signals.behaviour.discountDepth).toBe(0);
    const p = classifyPyramid(signals);
    const t = classifyLoyaltyType(signals);
    // Behaviour complete (weight 0.5), no survey (0.35) and no context (0.15).
    expect(p.confidence).toBe(0.5);
    expect(t.confidence).toBe(0.5);
    expect(p.missingSignals).toEqual([
      'attitude.satisfaction',
      'attitude.repurchaseIntention',
      'attitude.recommendLikelihood',
      'attitude.competitorAppeal',
      'attitude.qualityTolerance',
      'attitude.priceSensitivity',
      'attitude.decisionTime',
      'context.hasAlternatives',
      'context.switchingCost',
      'context.convenience',
    ]);
    expect(t.attitude.source).toBe('behaviour');
    expect(t.reasons.map((r) => r.code)).toEqual(['repeat_high', 'attitude_proxy_positive', 'attitude_missing']);
  });

  it('the same transactions-only customer without promo or discount records is less confident still', () => {
    const rows = scenarios['omar']!.rows.map(({ promo: _p, discount: _d, ...r }) => r);
    const [c] = deriveBehaviourSignals(rows, { asOf: AS_OF }).customers;
    const p = classifyPyramid(c!);
    expect(p.level).toBe(3);
    expect(p.confidence).toBe(0.4);
    expect(p.missingSignals.slice(0, 2)).toEqual(['behaviour.promoShare', 'behaviour.discountDepth']);
  });
});
