import { describe, expect, it } from 'vitest';
import { retentionImpact } from '../../src/clv/retentionImpact.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { betaDiscreteWeibull } from '../../src/models/contractual/betaDiscreteWeibull.js';
import { fitShiftedBetaGeometric } from '../../src/models/contractual/fitShiftedBetaGeometric.js';
import { shiftedBetaGeometric } from '../../src/models/contractual/shiftedBetaGeometric.js';
import { calibration, REGULAR } from '../models/contractual/paperCohorts.js';

describe('retentionImpact with a fitted contractual model', () => {
  it('a near-homogeneous sBG (θ all but constant) gives the numbers of the constant rate', () => {
    // θ ~ Beta(0.2 k, 0.8 k) with k = 1e9: every customer churns with probability 0.2 (sd 1.3e-5).
    const k = 1e9;
    const model = shiftedBetaGeometric({ alpha: 0.2 * k, beta: 0.8 * k });
    for (const horizon of [5, Infinity]) {
      const rate = retentionImpact({ marginPerPeriod: 100, retention: 0.8, discountRate: 0.1, change: 0.05, horizon });
      const curve = retentionImpact({ marginPerPeriod: 100, retention: model, discountRate: 0.1, change: 0.05, horizon });
      expect(curve.retention.before).toBeCloseTo(0.8, 8);
      expect(curve.retention.after).toBeCloseTo(0.85, 8);
      expect(curve.before.clv).toBeCloseTo(rate.before.clv, 5);
      expect(curve.after.clv).toBeCloseTo(rate.after.clv, 5);
      expect(curve.clvChangeRelative!).toBeCloseTo(rate.clvChangeRelative!, 7);
      expect(curve.profitChange).toBeCloseTo(rate.profitChange, 4);
    }
  });

  it('the value before is the model’s own: m Σ_{t>=1} S(t) (1 + d)^-t = m (DEL − 1)', () => {
    const model = shiftedBetaGeometric({ alpha: 2.5, beta: 4 });
    const r = retentionImpact({ marginPerPeriod: 10, retention: model, discountRate: 0.1, change: 0.02 });
    expect(r.before.clv).toBeCloseTo(model.subscriptionClv({ margin: 10, discountRate: 0.1 }) - 10, 10);
    // Undiscounted: E[T] − 1 = (α + β − 1) / (α − 1) − 1 periods after the first.
    expect(r.before.expectedActivePeriods).toBeCloseTo(5.5 / 1.5 - 1, 10);
    // Every period's churn cut by 0.02 / (1 − r(1)): the changed curve by brute force.
    const scale = 1 - 0.02 / (1 - model.retentionRate(1));
    let s = 1;
    let clv = 0;
    for (let t = 1; t < 20_000; t++) {
      s *= 1 - scale * (1 - model.retentionRate(t));
      clv += (10 * s) / 1.1 ** t;
    }
    expect(r.after.clv).toBeCloseTo(clv, 9);
    expect(r.retention.after).toBeCloseTo(model.retentionRate(1) + 0.02, 12);
  });

  it('the paper’s Regular cohort: its curve is worth more than its first-year rate kept constant', () => {
    const fit = fitShiftedBetaGeometric(calibration(REGULAR));
    const curve = retentionImpact({ marginPerPeriod: 100, retention: fit, discountRate: 0.1, change: 0.05, horizon: 10 });
    const flat = retentionImpact({ marginPerPeriod: 100, retention: fit.retentionRate(1), discountRate: 0.1, change: 0.05, horizon: 10 });
    expect(curve.before.clv).toBeGreaterThan(flat.before.clv);
    expect(curve.clvChange).toBeGreaterThan(0);
    // An infinite horizon with α <= 1 has an unbounded undiscounted lifetime: an error, not Infinity.
    expect(() => retentionImpact({ marginPerPeriod: 100, retention: fit, discountRate: 0.1, change: 0.05 })).toThrow(/finite horizon/);
  });

  it('works with the BdW, and rejects what it cannot compute', () => {
    const bdw = betaDiscreteWeibull({ alpha: 3, beta: 4, c: 0.8 });
    const r = retentionImpact({ marginPerPeriod: 1, retention: bdw, discountRate: 0.05, change: 0.03, horizon: 24 });
    expect(r.clvChange).toBeGreaterThan(0);
    expect(() => retentionImpact({ marginPerPeriod: 1, retention: bdw, change: 0.9 })).toThrow(InvalidInputError);
    expect(() => retentionImpact({ marginPerPeriod: 1, retention: { model: 'sbg' } as never, change: 0.01 })).toThrow(/options, retention/);
    expect(() => retentionImpact({ marginPerPeriod: Number.NaN, retention: bdw, change: 0.01 })).toThrow(/marginPerPeriod/);
  });
});
