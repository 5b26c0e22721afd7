import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { assignTiers } from '../../src/tiers/assignTiers.js';
import { tierMigration } from '../../src/tiers/tierMigration.js';
import type { Tier, TierAssignment } from '../../src/tiers/types.js';
import { makeSummary } from '../rfm/makeSummary.js';

const a = (customerId: number, tier: Tier, value: number, rank: number): TierAssignment => ({ customerId, rank, percentile: 0, value, tier });

describe('tierMigration', () => {
  it('runs the doc example', () => {
    const before = [a(1, 'A', 900, 1), a(2, 'B', 500, 2), a(3, 'C', 100, 3), a(4, 'D', 10, 4)];
    const after = [a(2, 'A', 800, 1), a(1, 'B', 400, 2), a(3, 'C', 250, 3), a(5, 'D', 20, 4)];
    const m = tierMigration(before, after);
    expect(m.matrix.A.B).toBe(1);
    expect(m.upgrades).toEqual([{ customerId: 2, from: 'B', to: 'A' }]);
    expect(m.downgrades).toEqual([{ customerId: 1, from: 'A', to: 'B' }]);
    expect(m.lostCustomers).toEqual([{ customerId: 4, tier: 'D' }]);
    expect(m.newCustomers).toEqual([{ customerId: 5, tier: 'D' }]);
    expect(m.matrix.new.D).toBe(1);
    expect(m.matrix.D.lost).toBe(1);
    expect(m.matrix.C.C).toBe(1);
    expect(m.starTarget).toBe(400);
    expect(m.stars).toEqual([{ customerId: 3, previousValue: 100, value: 250, projectedValue: 400 }]);
  });

  it('has a matrix whose rows add up to the earlier tiers and whose columns add up to the later ones', () => {
    const mk = (shift: number) =>
      assignTiers(Array.from({ length: 200 }, (_, i) => makeSummary(i + shift, { revenue: ((i * 37 + shift * 11) % 200) + 1 })));
    const before = mk(0);
    const after = mk(15);
    const m = tierMigration(before, after);
    for (const t of ['A', 'B', 'C', 'D'] as const) {
      const row = m.matrix[t];
      expect(row.A + row.B + row.C + row.D + row.lost).toBe(before.counts[t]);
      const col = m.matrix.A[t] + m.matrix.B[t] + m.matrix.C[t] + m.matrix.D[t] + m.matrix.new[t];
      expect(col).toBe(after.counts[t]);
    }
    expect(m.newCustomers).toHaveLength(15);
    expect(m.lostCustomers).toHaveLength(15);
    expect(m.matrix.new.lost).toBe(0);
  });

  it('projects stars by the compound rule and the horizon, and needs growth', () => {
    const before = [a(1, 'B', 800, 1), a(2, 'C', 100, 2), a(3, 'C', 300, 3), a(4, 'C', 0, 4)];
    const after = [a(1, 'B', 800, 1), a(2, 'C', 300, 2), a(3, 'C', 300, 3), a(4, 'C', 200, 4)];
    expect(tierMigration(before, after).stars).toEqual([]); // linear: 500, 300 (no growth), 400
    expect(tierMigration(before, after, { starRule: 'compound' }).stars.map((s) => [s.customerId, s.projectedValue])).toEqual([[2, 900]]);
    expect(tierMigration(before, after, { starHorizon: 4 }).stars.map((s) => [s.customerId, s.projectedValue])).toEqual([
      [2, 1100],
      [4, 1000],
    ]);
  });

  it('has no stars when B is empty', () => {
    const m = tierMigration([a(1, 'C', 1, 1)], [a(1, 'C', 100, 1)]);
    expect(m.starTarget).toBeNull();
    expect(m.stars).toEqual([]);
  });

  it('rejects invalid input and options', () => {
    expect(() => tierMigration([], [], { starHorizon: 0 })).toThrow(InvalidInputError);
    expect(() => tierMigration([], [], { starRule: 'magic' as never })).toThrow(InvalidInputError);
    expect(() => tierMigration([a(1, 'A', 1, 1), a(1, 'B', 1, 2)], [])).toThrow(/more than once/);
    expect(() => tierMigration({} as never, [])).toThrow(InvalidInputError);
    expect(() => tierMigration([{ ...a(1, 'A', 1, 1), rank: 0 }], [])).toThrow(/before, 0: expected an assignment with a finite value, a rank from 1/);
    expect(() => tierMigration([{ ...a(1, 'A', 1, 1), rank: 0 }], [], { revealValues: true })).toThrow(/before, customer 1 \(index 0\): expected an assignment with a finite value, a rank from 1/);
  });

  it('orders stars with equal projections by customer id, whatever the input order', () => {
    const before = [a(9, 'B', 500, 1), a(3, 'C', 100, 2), a(2, 'C', 100, 3)];
    const after = [a(9, 'B', 500, 1), a(3, 'C', 300, 2), a(2, 'C', 300, 3)];
    expect(tierMigration(before, after).stars.map((s) => s.customerId)).toEqual([2, 3]);
    expect(tierMigration([...before].reverse(), [...after].reverse()).stars.map((s) => s.customerId)).toEqual([2, 3]);
  });
});
