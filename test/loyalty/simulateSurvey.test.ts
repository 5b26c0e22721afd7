import { describe, expect, it } from 'vitest';
import { simulateSurvey } from '../../src/loyalty/simulateSurvey.js';
import { validateLoyaltySignals } from '../../src/loyalty/validateLoyaltySignals.js';
import { classifyLoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import type { BehaviourSignals } from '../../src/loyalty/types.js';
import { createRng } from '../../src/math/random.js';

function population(n: number): { customerId: number; behaviour: BehaviourSignals }[] {
  const rng = createRng(11);
  return Array.from({ length: n }, (_, i) => {
    const purchases = 1 + Math.floor(-Math.log(1 - rng()) * 4);
    return {
      customerId: i,
      behaviour: {
        purchases,
        recencyRatio: purchases > 1 ? rng() * 5 : null,
        gapCv: purchases > 2 ? rng() * 1.5 : null,
        spendTrend: purchases > 1 ? rng() * 2 - 1 : null,
        promoShare: rng() < 0.2 ? 0.8 : 0.1,
      },
    };
  });
}

describe('simulateSurvey', () => {
  const customers = population(4000);
  const survey = simulateSurvey(customers, { seed: 5 });

  it('is seeded and answers for about responseRate of the customers', () => {
    expect(simulateSurvey(customers, { seed: 5 })).toEqual(survey);
    expect(simulateSurvey(customers, { seed: 6 })).not.toEqual(survey);
    expect(survey.length / customers.length).toBeGreaterThan(0.27);
    expect(survey.length / customers.length).toBeLessThan(0.33);
  });

  it('produces valid signals on a 1..5 scale', () => {
    const byId = new Map(customers.map((c) => [c.customerId, c.behaviour]));
    for (const r of survey) {
      expect(() => validateLoyaltySignals({ customerId: r.customerId, behaviour: byId.get(r.customerId as number)!, attitude: r.attitude, ...(r.context ? { context: r.context } : {}) })).not.toThrow();
    }
    const withContext = survey.filter((r) => r.context).length / survey.length;
    expect(withContext).toBeGreaterThan(0.4);
    expect(withContext).toBeLessThan(0.6);
  });

  it('answers agree with behaviour: heavy regular buyers report higher satisfaction and intention', () => {
    const byId = new Map(customers.map((c) => [c.customerId, c.behaviour]));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const heavy: number[] = [];
    const once: number[] = [];
    const heavyIntent: number[] = [];
    const onceIntent: number[] = [];
    for (const r of survey) {
      const b = byId.get(r.customerId as number)!;
      const sat = r.attitude.satisfaction as number | undefined;
      const int = r.attitude.repurchaseIntention as number | undefined;
      if (b.purchases >= 6 && typeof b.gapCv === 'number' && b.gapCv <= 0.75 && (b.recencyRatio ?? 0) <= 3 && b.promoShare! < 0.5) {
        if (sat !== undefined) heavy.push(sat);
        if (int !== undefined) heavyIntent.push(int);
      } else if (b.purchases === 1) {
        if (sat !== undefined) once.push(sat);
        if (int !== undefined) onceIntent.push(int);
      }
    }
    expect(heavy.length).toBeGreaterThan(20);
    expect(mean(heavy) - mean(once)).toBeGreaterThan(1);
    expect(mean(heavyIntent) - mean(onceIntent)).toBeGreaterThan(1);
  });

  it('leads to a mix of attitudinal types, including latent and false loyalty', () => {
    const byId = new Map(customers.map((c) => [c.customerId, c.behaviour]));
    const types = new Set(
      survey.map((r) => classifyLoyaltyType({ behaviour: byId.get(r.customerId as number)!, attitude: r.attitude, ...(r.context ? { context: r.context } : {}) }).type),
    );
    for (const t of ['true', 'latent', 'none', 'inertia', 'incentive', 'price', 'monopoly', 'convenience']) expect(types).toContain(t);
  });

  it('rejects bad options and handles empty input', () => {
    expect(simulateSurvey([], {})).toEqual([]);
    expect(() => simulateSurvey(customers, { responseRate: 0 })).toThrow(/responseRate/);
    expect(() => simulateSurvey(customers, { skipRate: 1 })).toThrow(/skipRate/);
    expect(() => simulateSurvey(customers, { contextRate: 2 })).toThrow(/contextRate/);
    expect(() => simulateSurvey(customers, { noise: -1 })).toThrow(/noise/);
    expect(() => simulateSurvey(customers, { responseRate: '0.5' as never })).toThrow(/responseRate/);
  });

  it('rejects customers without an id or with invalid behaviour, naming them (no NaN answers)', () => {
    expect(() => simulateSurvey({} as never)).toThrow(/customers: expected an array/);
    expect(() => simulateSurvey([{ behaviour: { purchases: 2 } } as never])).toThrow(/row 0, customerId/);
    expect(() => simulateSurvey([{ customerId: 'k9', behaviour: { purchases: Number.NaN } }])).toThrow(/row 0, behaviour\.purchases: not a finite number/);
    expect(() => simulateSurvey([{ customerId: 'k9', behaviour: { purchases: Number.NaN } }], { revealValues: true })).toThrow(/k9 \(index 0\), behaviour\.purchases: not a finite number/);
    expect(() => simulateSurvey([{ customerId: 'k9', behaviour: { purchases: 3, gapCv: -1 } }], { revealValues: true })).toThrow(/k9 \(index 0\), behaviour\.gapCv/);
  });
});
