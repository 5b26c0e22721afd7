import { describe, expect, it } from 'vitest';
import { classifyValueLoyalty } from '../../src/loyalty/classifyValueLoyalty.js';
import { classifyPyramid } from '../../src/loyalty/classifyPyramid.js';
import { classifyLoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import { expectationGap } from '../../src/loyalty/expectationGap.js';
import { satisfactionZone } from '../../src/loyalty/satisfactionZone.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { attitudeAll, fullBehaviour } from './fixtures.js';

// One test per row of the value x loyalty table (docs/loyalty.md, "Value x loyalty").
describe('classifyValueLoyalty decision table', () => {
  it('high value, high loyalty -> high-end', () => {
    const r = classifyValueLoyalty({ customerId: 'c1', value: { tier: 'B' }, loyalty: { level: 3 } });
    expect(r).toMatchObject({ customerId: 'c1', group: 'high-end', highValue: true, highLoyalty: true });
    expect(r.reasons.map((x) => x.code)).toEqual(['value_high', 'loyalty_high']);
    expect(r.strategy.zh).toMatch(/态度忠诚/);
  });
  it('low value, high loyalty -> potential', () => {
    expect(classifyValueLoyalty({ value: { tier: 'C' }, loyalty: { quadrant: 'spurious' } }).group).toBe('potential');
  });
  it('high value, low loyalty -> temporary', () => {
    expect(classifyValueLoyalty({ value: { lifetimeValue: 500 }, loyalty: { quadrant: 'latent' } }, { valueThreshold: 500 }).group).toBe('temporary');
  });
  it('low value, low loyalty -> stranger', () => {
    const r = classifyValueLoyalty({ value: { revenue: 499.99 }, loyalty: { level: 2 } }, { valueThreshold: 500 });
    expect(r.group).toBe('stranger');
    expect(r.reasons[0]!.message).toBe('Low value: revenue is below the threshold 500.');
  });
});

describe('classifyValueLoyalty options and inputs', () => {
  it('takes classifier results as they are', () => {
    const s = { behaviour: fullBehaviour(), attitude: attitudeAll(5) };
    expect(classifyValueLoyalty({ value: { tier: 'A' }, loyalty: classifyPyramid(s) }).group).toBe('high-end');
    expect(classifyValueLoyalty({ value: { tier: 'D' }, loyalty: classifyLoyaltyType(s) }).group).toBe('potential');
  });
  it('honours highTiers, minLoyalLevel and loyalQuadrants', () => {
    expect(classifyValueLoyalty({ value: { tier: 'C' }, loyalty: { level: 2 } }, { highTiers: ['A', 'B', 'C'], minLoyalLevel: 2 }).group).toBe('high-end');
    expect(classifyValueLoyalty({ value: { tier: 'A' }, loyalty: { quadrant: 'spurious' } }, { loyalQuadrants: ['true'] }).group).toBe('temporary');
  });
  it('rejects bad input and a money value without valueThreshold', () => {
    expect(() => classifyValueLoyalty({ value: { revenue: 10 }, loyalty: { level: 1 } })).toThrow(/valueThreshold/);
    expect(() => classifyValueLoyalty({ value: { tier: 'E' as 'A' }, loyalty: { level: 1 } })).toThrow(/value\.tier/);
    expect(() => classifyValueLoyalty({ customerId: 9, value: { revenue: Number.NaN }, loyalty: { level: 1 } }, { valueThreshold: 1, revealValues: true })).toThrow(
      /customer 9, value\.revenue: expected a finite number/,
    );
    expect(() => classifyValueLoyalty({ value: { tier: 'A' }, loyalty: { level: 5 as 1 } })).toThrow(InvalidInputError);
    expect(() => classifyValueLoyalty({ value: { tier: 'A' }, loyalty: { level: 1 } }, { highTiers: ['X' as 'A'] })).toThrow(/highTiers/);
  });
});

// DOMAIN §8: one test per zone row and per boundary.
describe('satisfactionZone', () => {
  it('defection below 0.4 of the scale, indifference in between, affection from 0.8', () => {
    expect([1, 2, 2.59].map((s) => satisfactionZone(s))).toEqual(['defection', 'defection', 'defection']);
    expect([2.6, 3, 4, 4.19].map((s) => satisfactionZone(s))).toEqual(['indifference', 'indifference', 'indifference', 'indifference']);
    expect([4.2, 5].map((s) => satisfactionZone(s))).toEqual(['affection', 'affection']);
  });
  it('uses the declared scale and thresholds', () => {
    expect(satisfactionZone(6, { scale: { min: 0, max: 10 } })).toBe('indifference');
    expect(satisfactionZone(3, { scale: { min: 0, max: 10 } })).toBe('defection');
    expect(satisfactionZone(4, { defectionBelow: 0.2, affectionFrom: 0.75 })).toBe('affection');
  });
  it('rejects scores off the scale and bad thresholds', () => {
    expect(() => satisfactionZone(6)).toThrow(/score: expected a finite number on the scale \[1, 5\]/);
    expect(() => satisfactionZone(Number.NaN)).toThrow(InvalidInputError);
    expect(() => satisfactionZone(3, { defectionBelow: 0.9, affectionFrom: 0.5 })).toThrow(/affectionFrom/);
    expect(() => satisfactionZone(3, { scale: { min: 5, max: 1 } })).toThrow(/scale/);
  });
});

describe('expectationGap', () => {
  it('delight above, satisfied at, disappointed below expectation', () => {
    expect(expectationGap(4.5, 4)).toBe('delight');
    expect(expectationGap(4, 4)).toBe('satisfied');
    expect(expectationGap(3.9, 4)).toBe('disappointed');
  });
  it('treats differences within the tolerance as equal (inclusive)', () => {
    expect(expectationGap(4.5, 4, { tolerance: 0.5 })).toBe('satisfied');
    expect(expectationGap(3.5, 4, { tolerance: 0.5 })).toBe('satisfied');
    expect(expectationGap(3.4, 4, { tolerance: 0.5 })).toBe('disappointed');
  });
  it('rejects non-finite scores and negative tolerance', () => {
    expect(() => expectationGap(Number.POSITIVE_INFINITY, 1)).toThrow(/experience/);
    expect(() => expectationGap(1, Number.NaN)).toThrow(/expectation/);
    expect(() => expectationGap(1, 1, { tolerance: -1 })).toThrow(/tolerance/);
  });
});
