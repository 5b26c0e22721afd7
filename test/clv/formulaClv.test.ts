import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { formulaClv } from '../../src/clv/formulaClv.js';
import { retentionImpact } from '../../src/clv/retentionImpact.js';

/** Direct sum Σ_{t=1}^{H} m r^t / (1+d)^t: the timing convention spelled out. */
function directSum(m: number, r: number, d: number, H: number): number {
  let s = 0;
  for (let t = 1; t <= H; t++) s += (m * r ** t) / (1 + d) ** t;
  return s;
}

describe('formulaClv', () => {
  it('matches hand-computed values', () => {
    // m = 100, r = 0.8, d = 0.1, infinite: 100 * 0.8 / 0.3 = 266.67.
    expect(formulaClv({ marginPerPeriod: 100, retention: 0.8, discountRate: 0.1 }).clv).toBeCloseTo(800 / 3, 10);
    // Two periods, no discounting: 100 * 0.5 + 100 * 0.25 = 75.
    expect(formulaClv({ marginPerPeriod: 100, retention: 0.5, horizon: 2 }).clv).toBeCloseTo(75, 12);
    // With costs: net 100 - 20 + 10 = 90 per period, 2 periods at r = 1, d = 0.1: 90/1.1 + 90/1.21 - 50.
    const r = formulaClv({ marginPerPeriod: 100, retention: 1, discountRate: 0.1, horizon: 2, acquisitionCost: 50, servingCost: 20, referralValue: 10 });
    expect(r.clv).toBeCloseTo(90 / 1.1 + 90 / 1.21 - 50, 10);
    expect(r.discountedMargin).toBeCloseTo(100 / 1.1 + 100 / 1.21, 10);
    expect(r.discountedServingCost).toBeCloseTo(20 / 1.1 + 20 / 1.21, 10);
    expect(r.discountedReferralValue).toBeCloseTo(10 / 1.1 + 10 / 1.21, 10);
    expect(r.expectedActivePeriods).toBe(2);
    expect(r.undiscountedProfit).toBe(130);
  });

  it('infinite horizon equals the closed form m r / (1 + d - r) and the limit of finite horizons', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (m, r, d) => {
        const inf = formulaClv({ marginPerPeriod: m, retention: r, discountRate: d }).clv;
        expect(inf).toBeCloseTo((m * r) / (1 + d - r), 6);
        const finite = formulaClv({ marginPerPeriod: m, retention: r, discountRate: d, horizon: 5000 }).clv;
        expect(Math.abs(finite - inf)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(inf)));
      }),
    );
  });

  it('finite horizon equals the direct sum (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 0, max: 60 }), (m, r, d, H) => {
        const got = formulaClv({ marginPerPeriod: m, retention: r, discountRate: d, horizon: H }).clv;
        expect(Math.abs(got - directSum(m, r, d, H))).toBeLessThanOrEqual(1e-9 * Math.max(1, directSum(m, r, d, H)));
      }),
    );
  });

  it('rises with retention and falls with the discount rate (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (r, d) => {
        const base = formulaClv({ marginPerPeriod: 50, retention: r, discountRate: d }).clv;
        expect(formulaClv({ marginPerPeriod: 50, retention: r + 0.05, discountRate: d }).clv).toBeGreaterThanOrEqual(base);
        expect(formulaClv({ marginPerPeriod: 50, retention: r, discountRate: d + 0.05 }).clv).toBeLessThanOrEqual(base);
      }),
    );
  });

  it('is finite for retention very close to 1 and huge horizons', () => {
    const r = formulaClv({ marginPerPeriod: 1e6, retention: 1 - 1e-12, discountRate: 0, horizon: 1e9 });
    expect(Number.isFinite(r.clv)).toBe(true);
    // Σ q^t ≈ (1 - e^(-H g)) / g with g = 1e-12, H g = 1e-3.
    const approx = (1e6 * -Math.expm1(-1e-3)) / 1e-12;
    expect(Math.abs(r.clv / approx - 1)).toBeLessThan(1e-6);
  });

  it('rejects invalid economics with the option named', () => {
    expect(() => formulaClv({ marginPerPeriod: 1, retention: 1.1 })).toThrow(/options, retention/);
    expect(() => formulaClv({ marginPerPeriod: 1, retention: 1 })).toThrow(/finite horizon/);
    expect(() => formulaClv({ marginPerPeriod: Number.NaN, retention: 0.5 })).toThrow(/marginPerPeriod/);
    expect(() => formulaClv({ marginPerPeriod: 1, retention: 0.5, horizon: 2.5 })).toThrow(/horizon/);
    expect(() => formulaClv({ marginPerPeriod: 1, retention: 0.5, discountRate: -0.1 })).toThrow(InvalidInputError);
    expect(() => formulaClv({ marginPerPeriod: 1, retention: 0.5, acquisitionCost: -1 })).toThrow(/acquisitionCost/);
  });
});

describe('retentionImpact', () => {
  it('5 points more retention: 0.80 -> 0.85 at d = 10 % raises CLV by 27.5 % (hand-computed)', () => {
    const r = retentionImpact({ marginPerPeriod: 100, retention: 0.8, discountRate: 0.1, change: 0.05 });
    expect(r.before.clv).toBeCloseTo(800 / 3, 10);
    expect(r.after.clv).toBeCloseTo(340, 10);
    expect(r.clvChange).toBeCloseTo(340 - 800 / 3, 10);
    expect(r.clvChangeRelative).toBeCloseTo(0.275, 12);
    // Undiscounted: expected active periods 4 -> 5.667, profit 400 -> 566.67.
    expect(r.profitChange).toBeCloseTo(100 * (0.85 / 0.15 - 4), 9);
    expect(r.profitChangeRelative).toBeCloseTo(0.85 / 0.15 / 4 - 1, 12);
  });

  it('with an acquisition cost the relative profit gain is larger (Reichheld & Sasser: profit rises 25 % to 85 %)', () => {
    const r = retentionImpact({ marginPerPeriod: 100, retention: 0.8, discountRate: 0.1, acquisitionCost: 150, change: 0.05 });
    const plain = retentionImpact({ marginPerPeriod: 100, retention: 0.8, discountRate: 0.1, change: 0.05 });
    expect(r.clvChange).toBeCloseTo(plain.clvChange, 9);
    expect(r.clvChangeRelative!).toBeGreaterThan(plain.clvChangeRelative!);
  });

  it('a negative change lowers value; zero change changes nothing', () => {
    expect(retentionImpact({ marginPerPeriod: 10, retention: 0.7, change: -0.1 }).clvChange).toBeLessThan(0);
    const same = retentionImpact({ marginPerPeriod: 10, retention: 0.7, change: 0 });
    expect(same.clvChange).toBe(0);
    expect(retentionImpact({ marginPerPeriod: 0, retention: 0.7, change: 0.1 }).clvChangeRelative).toBeNull();
  });

  it('rejects a change that leaves [0, 1]', () => {
    expect(() => retentionImpact({ marginPerPeriod: 10, retention: 0.97, change: 0.05 })).toThrow(/options, change/);
    expect(() => retentionImpact({ marginPerPeriod: 10, retention: 0.9, change: 0.1 })).toThrow(/finite horizon/);
    expect(retentionImpact({ marginPerPeriod: 10, retention: 0.9, change: 0.1, horizon: 10 }).retention.after).toBe(1);
    expect(() => retentionImpact({ marginPerPeriod: 10, retention: 0.5, change: Number.NaN })).toThrow(/change/);
  });
});
