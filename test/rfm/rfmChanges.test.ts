import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { rfmChanges } from '../../src/rfm/rfmChanges.js';
import { scoreRfm } from '../../src/rfm/scoreRfm.js';
import type { RfmScore, ScoreRfmResult } from '../../src/rfm/types.js';
import { makeSummary } from './makeSummary.js';

const score = (customerId: number, r: number, f: number, m: number): RfmScore => ({ customerId, r, f, m, cell: `${r}${f}${m}`, segment: null });
const bin = { method: 'fixed' as const, thresholds: [], counts: [], bins: 0, scoresUsed: [] };
const period = (customers: RfmScore[], k = 5): ScoreRfmResult => ({ k, customers, recency: bin, frequency: bin, monetary: bin, segments: [] });

describe('rfmChanges', () => {
  it('runs the doc example', () => {
    const result = rfmChanges(period([score(1, 5, 4, 4), score(2, 3, 3, 3)]), period([score(1, 2, 4, 4), score(2, 3, 3, 2)]));
    expect(result.slipping).toEqual([1]);
    expect(result.changes[0]?.drops).toEqual(['r']);
  });

  it('reports deltas, added and missing customers, and orders slipping customers by total drop', () => {
    const before = period([score(1, 5, 5, 5), score(2, 4, 4, 4), score(3, 3, 3, 3), score(4, 2, 2, 2)]);
    const after = period([score(2, 1, 1, 4), score(1, 3, 5, 5), score(3, 4, 3, 3), score(9, 5, 1, 1)]);
    const result = rfmChanges(before, after);
    expect(result.changes.map((c) => [c.customerId, c.dr, c.df, c.dm])).toEqual([
      [2, -3, -3, 0],
      [1, -2, 0, 0],
      [3, 1, 0, 0],
    ]);
    expect(result.slipping).toEqual([2, 1]);
    expect(result.added).toEqual([9]);
    expect(result.missing).toEqual([4]);
  });

  it('honours dropThreshold and watch', () => {
    const before = period([score(1, 5, 5, 5)]);
    const after = period([score(1, 4, 5, 2)]);
    expect(rfmChanges(before, after).slipping).toEqual([1]);
    expect(rfmChanges(before, after, { watch: ['r', 'f'] }).slipping).toEqual([]);
    expect(rfmChanges(before, after, { dropThreshold: 1, watch: ['r'] }).changes[0]!.drops).toEqual(['r']);
    expect(() => rfmChanges(before, after, { dropThreshold: 0 })).toThrow(InvalidInputError);
    expect(() => rfmChanges(before, after, { watch: ['x' as never] })).toThrow(InvalidInputError);
  });

  it('counts segment moves on real scoring results', () => {
    const s1 = [1, 2, 3, 4, 5].map((i) => makeSummary(i, { recency: i, frequency: 6 - i, monetary: 10 * (6 - i) }));
    const s2 = [1, 2, 3, 4, 5].map((i) => makeSummary(i, { recency: 6 - i, frequency: i, monetary: 10 * i }));
    const result = rfmChanges(scoreRfm(s1), scoreRfm(s2));
    expect(result.segmentMoves.reduce((a, m) => a + m.count, 0)).toBe(5);
    expect(result.segmentMoves).toContainEqual({ from: 'Champions', to: 'Lost', count: 1 });
    expect(result.slipping[0]).toBe(1);
  });

  it('rejects scores off the scale and customers scored twice, naming them', () => {
    expect(() => rfmChanges(period([score(1, 6, 1, 1)]), period([]))).toThrow(/before, 0, r: expected an integer score from 1 to 5/);
    expect(() => rfmChanges(period([score(1, 6, 1, 1)]), period([]), { revealValues: true })).toThrow(/before, customer 1 \(index 0\), r: expected an integer score from 1 to 5/);
    expect(() => rfmChanges(period([]), period([score(2, 1, Number.NaN, 1)]), { revealValues: true })).toThrow(/after, customer 2 \(index 0\), f: /);
    expect(() => rfmChanges(period([score(1, 1, 1, 1), score(1, 2, 2, 2)]), period([]), { revealValues: true })).toThrow(/before, customer 1 \(index 1\), customerId: appears more than once/);
    expect(() => rfmChanges(period([], 1), period([], 1))).toThrow(InvalidInputError);
  });

  it('rejects results on different scales', () => {
    expect(() => rfmChanges(period([], 5), period([], 3))).toThrow(/different scales/);
    expect(() => rfmChanges({} as never, period([]))).toThrow(InvalidInputError);
  });
});
