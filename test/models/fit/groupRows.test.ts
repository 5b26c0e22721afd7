import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors/InvalidInputError.js';
import { groupRows } from '../../../src/models/fit/groupRows.js';

describe('groupRows', () => {
  it('merges identical rows, summing weights, in first-occurrence order', () => {
    const g = groupRows([[0, 1, 0, 0], [5, 2, 5, 6]], [1, 2, 3, 0]);
    expect(g.size).toBe(2);
    expect(Array.from(g.columns[0]!)).toEqual([0, 1]);
    expect(Array.from(g.columns[1]!)).toEqual([5, 2]);
    expect(Array.from(g.weights)).toEqual([4, 2]);
    expect(g.totalWeight).toBe(6);
  });
  it('treats -0 and 0 as the same value and handles empty input', () => {
    expect(groupRows([[0, -0]]).size).toBe(1);
    expect(groupRows([[], []]).size).toBe(0);
  });
  it('does not mutate its input', () => {
    const cols = [[1, 1], [2, 2]];
    groupRows(cols);
    expect(cols).toEqual([[1, 1], [2, 2]]);
  });
  it('throws on mismatched lengths and bad weights', () => {
    expect(() => groupRows([[1, 2], [1]])).toThrow(InvalidInputError);
    expect(() => groupRows([[1, 2]], [1])).toThrow(InvalidInputError);
    expect(() => groupRows([[1, 2]], [1, -1])).toThrow(/weight/);
    expect(() => groupRows([[1, 2]], [1, NaN])).toThrow(InvalidInputError);
  });
  it('sorted distinct rows (the fast path) and any other rows give the grouping of an independent Map-based reference', () => {
    // Small integer values make ties, -0 and zero weights common; sorting some inputs makes the
    // strictly increasing fast path run, duplicates and NaN make it fall back.
    const value = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constant(-0), fc.constant(0.5), fc.constant(NaN));
    const row = fc.tuple(value, value, value, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.boolean(), fc.boolean(), (rows, sortThem, dedupe) => {
        let input = rows;
        if (dedupe) input = [...new Map(rows.map((r) => [`${r[0] + 0}|${r[1] + 0}|${r[2] + 0}`, r])).values()];
        if (sortThem) input = [...input].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        const cols = [0, 1, 2].map((j) => input.map((r) => r[j]!));
        const g = groupRows(cols, input.map((r) => r[3]));
        // Reference: first occurrence order, NaN never matching, -0 equal to 0.
        const out: { key: number[]; w: number }[] = [];
        for (const r of input) {
          if (r[3] === 0) continue;
          const hit = out.find((o) => o.key.every((v, j) => v === r[j]));
          if (hit) hit.w += r[3];
          else out.push({ key: [r[0] + 0, r[1] + 0, r[2] + 0], w: r[3] });
        }
        expect(g.size).toBe(out.length);
        for (let j = 0; j < 3; j++) expect(Array.from(g.columns[j]!)).toEqual(out.map((o) => o.key[j]));
        expect(Array.from(g.weights)).toEqual(out.map((o) => o.w));
        expect(g.totalWeight).toBe(out.reduce((t, o) => t + o.w, 0));
      }),
    );
  });
  it('the fast path checks weights as the general path does', () => {
    expect(() => groupRows([[1, 2, 3]], [1, -1, 1])).toThrow(/weight/);
    expect(groupRows([[1, 2, 3]], [1, 0, 2]).size).toBe(2);
  });
});
