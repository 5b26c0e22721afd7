import { describe, expect, it } from 'vitest';
import { validateLoyaltySignals } from '../../src/loyalty/validateLoyaltySignals.js';
import { safeValidateLoyaltySignals } from '../../src/loyalty/safeValidateLoyaltySignals.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { attitudeAll, contextAll, fullBehaviour } from './fixtures.js';

function issuesOf(input: unknown) {
  const r = safeValidateLoyaltySignals(input);
  return r.success ? [] : r.error.issues.map((i) => ({ code: i.code, path: i.path }));
}

describe('validateLoyaltySignals', () => {
  it('returns complete valid signals unchanged', () => {
    const s = { customerId: 'k', behaviour: fullBehaviour(), attitude: attitudeAll(4), context: contextAll() };
    expect(validateLoyaltySignals(s)).toEqual(s);
    expect(safeValidateLoyaltySignals(s)).toEqual({ success: true, data: s });
  });

  it('reports every problem with customer, field and code, without raw values', () => {
    const input = {
      customerId: 'c9',
      behaviour: { purchases: 2.5, gapCv: -1, spendTrend: 2, promoShare: Number.NaN, typo: 1 },
      attitude: { scale: { min: 1, max: 5 }, satisfaction: 6, recommendLikelihood: { value: 11, min: 0, max: 10 } },
      context: { hasAlternatives: 'yes', convenience: 3 },
    };
    expect(issuesOf(input)).toEqual([
      { code: 'not_integer', path: ['c9', 'behaviour.purchases'] },
      { code: 'out_of_range', path: ['c9', 'behaviour.gapCv'] },
      { code: 'out_of_range', path: ['c9', 'behaviour.spendTrend'] },
      { code: 'not_finite', path: ['c9', 'behaviour.promoShare'] },
      { code: 'unknown_field', path: ['c9', 'behaviour.typo'] },
      { code: 'invalid_value', path: ['c9', 'attitude.recommendLikelihood'] },
      { code: 'invalid_type', path: ['c9', 'context.hasAlternatives'] },
    ]);
    // The scale checks run once the shape is right.
    expect(issuesOf({ behaviour: { purchases: 1 }, attitude: { scale: { min: 1, max: 5 }, satisfaction: 6 }, context: { convenience: 3 } })).toEqual([
      { code: 'invalid_value', path: ['signals', 'attitude.satisfaction'] },
      { code: 'invalid_value', path: ['signals', 'context.convenience'] },
    ]);
    const r = safeValidateLoyaltySignals(input);
    expect(r.success).toBe(false);
    if (!r.success) for (const i of r.error.issues) expect(i.message).not.toMatch(/2\.5|yes|11/);
  });

  it('rejects non-objects and a missing behaviour group', () => {
    expect(issuesOf(null)).toEqual([{ code: 'not_an_object', path: ['signals'] }]);
    expect(issuesOf({ attitude: {} })).toEqual([{ code: 'missing_field', path: ['signals', 'behaviour'] }]);
    expect(() => validateLoyaltySignals(42)).toThrow(InvalidInputError);
    expect(() => validateLoyaltySignals({ behaviour: { purchases: -1 } })).toThrow('signals, behaviour.purchases: out of range (expected an integer >= 0)');
  });

  it('accepts the minimal form and null for "does not apply"', () => {
    expect(() => validateLoyaltySignals({ behaviour: { purchases: 0 } })).not.toThrow();
    expect(() => validateLoyaltySignals({ behaviour: { purchases: 1, recencyRatio: null, gapCv: null, spendTrend: null, meanGapDays: null } })).not.toThrow();
    expect(() => validateLoyaltySignals({ behaviour: { purchases: 1, promoShare: null } })).toThrow(/promoShare/);
  });
});
