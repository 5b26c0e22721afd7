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
      { code: 'not_integer', path: ['signals', 'behaviour.purchases'] },
      { code: 'out_of_range', path: ['signals', 'behaviour.gapCv'] },
      { code: 'out_of_range', path: ['signals', 'behaviour.spendTrend'] },
      { code: 'not_finite', path: ['signals', 'behaviour.promoShare'] },
      { code: 'unknown_field', path: ['signals', 'behaviour.typo'] },
      { code: 'invalid_value', path: ['signals', 'attitude.recommendLikelihood'] },
      { code: 'invalid_type', path: ['signals', 'context.hasAlternatives'] },
      // bare answers off their scale or without one are listed even though the shape is wrong elsewhere
      { code: 'invalid_value', path: ['signals', 'attitude.satisfaction'] },
      { code: 'invalid_value', path: ['signals', 'context.convenience'] },
    ]);
    expect(issuesOf({ behaviour: { purchases: 1 }, attitude: { scale: { min: 1, max: 5 }, satisfaction: 6 }, context: { convenience: 3 } })).toEqual([
      { code: 'invalid_value', path: ['signals', 'attitude.satisfaction'] },
      { code: 'invalid_value', path: ['signals', 'context.convenience'] },
    ]);
    const hidden = safeValidateLoyaltySignals(input);
    if (!hidden.success) for (const i of hidden.error.issues) expect(i.customerId).toBeUndefined();
    if (!hidden.success) expect(hidden.error.message).toMatch(/^signals, behaviour\.purchases: /);
    const r = safeValidateLoyaltySignals(input, { revealValues: true });
    expect(r.success).toBe(false);
    if (!r.success) for (const i of r.error.issues) expect(i.message).not.toMatch(/2\.5|yes|11/);
    if (!r.success) for (const i of r.error.issues) expect(i.customerId).toBe('c9');
    if (!r.success) expect(r.error.message).toMatch(/^customer c9, behaviour\.purchases: /);
  });

  it('falls back to "signals" in the path when the customer id itself is invalid', () => {
    expect(issuesOf({ customerId: Number.NaN, behaviour: { purchases: 1 } })).toEqual([{ code: 'not_finite', path: ['signals', 'customerId'] }]);
    expect(issuesOf({ customerId: '', behaviour: { purchases: -1 } })).toEqual([
      { code: 'missing_field', path: ['signals', 'customerId'] },
      { code: 'out_of_range', path: ['signals', 'behaviour.purchases'] },
    ]);
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
