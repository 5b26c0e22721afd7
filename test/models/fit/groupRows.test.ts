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
});
