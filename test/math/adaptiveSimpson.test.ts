import { describe, expect, it } from 'vitest';
import { adaptiveSimpson } from '../../src/math/adaptiveSimpson.js';

describe('adaptiveSimpson', () => {
  it('integrates smooth functions to 1e-13 relative', () => {
    expect(Math.abs(adaptiveSimpson((x) => x * x, 0, 1) * 3 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(adaptiveSimpson(Math.exp, 0, 2) / Math.expm1(2) - 1)).toBeLessThan(1e-13);
  });
  it('returns 0 on an empty interval and stops at its evaluation budget', () => {
    expect(adaptiveSimpson(() => 1, 3, 3)).toBe(0);
    let calls = 0;
    const v = adaptiveSimpson((x) => (calls++, Math.sin(1 / (x + 1e-9))), 0, 1, 1, 1e-13, 1000);
    expect(Number.isFinite(v)).toBe(true);
    expect(calls).toBeLessThanOrEqual(1004);
  });
});
