import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { scoreRfm } from '../../src/rfm/scoreRfm.js';
import type { RfmScore } from '../../src/rfm/types.js';
import { makeSummary } from './makeSummary.js';

const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('scoreRfm: quantile binning (default)', () => {
  it('runs the doc example', () => {
    const result = scoreRfm(
      [
        makeSummary(1, { recency: 2, frequency: 9, monetary: 900 }),
        makeSummary(2, { recency: 40, frequency: 1, monetary: 20 }),
        makeSummary(3, { recency: 10, frequency: 3, monetary: 150 }),
      ],
      { k: 3 },
    );
    expect(result.customers.map((c) => c.cell)).toEqual(['333', '111', '222']);
    expect(result.frequency.thresholds.map((t) => Math.round(t * 100) / 100)).toEqual([2.33, 5]);
    expect(result.frequency.bins).toBe(3);
  });

  it('splits 1,000 distinct values into five bins of 200, best score for the most recent', () => {
    const summaries = ids(1000).map((i) => makeSummary(i, { recency: i, frequency: i, monetary: i * 1.5 }));
    const result = scoreRfm(summaries);
    for (const d of ['recency', 'frequency', 'monetary'] as const) {
      expect(result[d].counts).toEqual([200, 200, 200, 200, 200]);
      expect(result[d].bins).toBe(5);
    }
    // type-7 quantiles of 1..1000 at 0.2: 200.8
    expect(result.frequency.thresholds[0]).toBeCloseTo(200.8, 12);
    expect(result.customers[0]).toMatchObject({ r: 5, f: 1, m: 1, cell: '511' });
    expect(result.customers[999]).toMatchObject({ r: 1, f: 5, m: 5, cell: '155' });
  });

  it('cuts at the type-7 quantiles (R quantile(type = 7), NumPy default)', () => {
    // sorted: 1 1 2 3 3 4 5 5 5 6 7 8 9 9 9; h = 14 p: 2.8 -> 2 + 0.8 (3 - 2), 5.6 -> 4 + 0.6 (5 - 4),
    // 8.4 -> 5 + 0.4 (6 - 5), 11.2 -> 8 + 0.2 (9 - 8). numpy.quantile gives [2.8, 4.6, 5.4, 8.2].
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
    const result = scoreRfm(values.map((v, i) => makeSummary(i, { monetary: v })));
    const expected = [2.8, 4.6, 5.4, 8.2];
    result.monetary.thresholds.forEach((t, j) => expect(Math.abs(t - expected[j]!)).toBeLessThanOrEqual(1e-12));
    expect(result.monetary.counts).toEqual([3, 3, 3, 3, 3]); // 1 1 2 | 3 3 4 | 5 5 5 | 6 7 8 | 9 9 9
  });

  it('gives equal values equal scores and reports the bins really used when ties collapse cut points', () => {
    // 60% bought once, 20% twice, 20% 3..6 times
    const freq = [...Array<number>(60).fill(1), ...Array<number>(20).fill(2), ...Array.from({ length: 20 }, (_, i) => 3 + (i % 4))];
    const result = scoreRfm(freq.map((f, i) => makeSummary(i, { frequency: f, recency: i, monetary: i })));
    const byValue = new Map<number, Set<number>>();
    result.customers.forEach((c, i) => {
      const set = byValue.get(freq[i]!) ?? new Set();
      set.add(c.f);
      byValue.set(freq[i]!, set);
    });
    for (const set of byValue.values()) expect(set.size).toBe(1);
    expect(byValue.get(1)).toEqual(new Set([1])); // labels are not shifted: one-time buyers stay at 1
    // type-7 cut points: positions 19.8, 39.6, 59.4, 79.2 of the sorted values
    result.frequency.thresholds.forEach((t, j) => expect(t).toBeCloseTo([1, 1, 1.4, 2.2][j]!, 12));
    expect(result.frequency.scoresUsed).toEqual([1, 4, 5]);
    expect(result.frequency.bins).toBe(3);
    expect(result.frequency.counts).toEqual([60, 0, 0, 20, 20]);
  });
});

describe('scoreRfm: rank (tie-robust) binning', () => {
  it('puts a tied block in the bin of its mid-rank and keeps ties together', () => {
    const freq = [...Array<number>(60).fill(1), ...Array<number>(20).fill(2), ...Array<number>(20).fill(3)];
    const result = scoreRfm(freq.map((f, i) => makeSummary(i, { frequency: f })), { method: 'rank', segments: 'none' });
    // block of 1s: positions [0, 60), mid-rank share 0.3 -> bin 2; 2s: [60, 80) -> 0.7 -> bin 4; 3s: 0.9 -> bin 5
    expect(result.frequency.counts).toEqual([0, 60, 0, 20, 20]);
    expect(result.frequency.thresholds).toEqual([-Infinity, 1, 1, 2]);
    expect(result.frequency.scoresUsed).toEqual([2, 4, 5]);
  });

  it('equals quantile binning on distinct values that split evenly', () => {
    const summaries = ids(500).map((i) => makeSummary(i, { recency: (i * 37) % 500, frequency: i, monetary: i }));
    const q = scoreRfm(summaries);
    const r = scoreRfm(summaries, { method: 'rank' });
    expect(r.customers).toEqual(q.customers);
  });

  it('gives recency score k to the most recent block', () => {
    const rec = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8];
    const result = scoreRfm(rec.map((r, i) => makeSummary(i, { recency: r })), { method: 'rank', segments: 'none' });
    expect(result.customers.map((c) => c.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
});

describe('scoreRfm: fixed breaks', () => {
  it('cuts at the breaks, a value on a break going to the lower bin', () => {
    const rec = [0, 30, 31, 90, 91, 180, 365, 366, 1000];
    const result = scoreRfm(rec.map((r, i) => makeSummary(i, { recency: r, frequency: i + 1, monetary: 10 * i })), {
      breaks: { recency: [30, 90, 180, 365] },
    });
    expect(result.recency.method).toBe('fixed');
    expect(result.frequency.method).toBe('quantile');
    expect(result.customers.map((c) => c.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 1, 1]);
    expect(result.recency.thresholds).toEqual([30, 90, 180, 365]);
  });

  it('rejects breaks of the wrong length, unsorted breaks, or breaks with another method', () => {
    const s = [makeSummary(1)];
    expect(() => scoreRfm(s, { breaks: { monetary: [1, 2, 3] } })).toThrow(/4 finite, strictly increasing breaks for monetary/);
    expect(() => scoreRfm(s, { breaks: { monetary: [1, 3, 2, 4] } })).toThrow(InvalidInputError);
    expect(() => scoreRfm(s, { method: 'fixed' })).toThrow(/needs breaks for recency/);
    expect(() => scoreRfm(s, { method: 'rank', breaks: { monetary: [1, 2, 3, 4] } })).toThrow(/method is 'rank'/);
  });
});

describe('scoreRfm: segments and options', () => {
  it('names the segment of each cell with the default table', () => {
    const result = scoreRfm(ids(100).map((i) => makeSummary(i, { recency: 101 - i, frequency: i, monetary: i })));
    expect(result.customers[99]).toMatchObject({ cell: '555', segment: 'Champions' });
    expect(result.customers[0]).toMatchObject({ cell: '111', segment: 'Lost' });
    expect(result.segments.reduce((s, x) => s + x.count, 0)).toBe(100);
  });

  it('uses no segments for k other than 5 unless given a table, and rejects presets there', () => {
    const s = ids(10).map((i) => makeSummary(i, { recency: i, frequency: i, monetary: i }));
    expect(scoreRfm(s, { k: 3 }).customers[0]!.segment).toBeNull();
    expect(() => scoreRfm(s, { k: 3, segments: 'rf-grid' })).toThrow(/defined for k = 5/);
    const table = [
      { segment: 'recent', r: [2], f: [1, 2], m: [1, 2] },
      { segment: 'old', r: [1], f: [1, 2], m: [1, 2] },
    ];
    const result = scoreRfm(s, { k: 2, segments: table });
    expect(result.customers[0]!.segment).toBe('recent');
    expect(result.segments).toEqual([
      { segment: 'recent', count: 5 },
      { segment: 'old', count: 5 },
    ]);
  });

  it('rejects an invalid k, method and input', () => {
    const s = [makeSummary(1)];
    expect(() => scoreRfm(s, { k: 1 })).toThrow(/integer from 2 to 9/);
    expect(() => scoreRfm(s, { k: 10 })).toThrow(InvalidInputError);
    expect(() => scoreRfm(s, { method: 'median' as never })).toThrow(/expected 'quantile', 'rank' or 'fixed'/);
    expect(() => scoreRfm({} as never)).toThrow(/array of customer summaries/);
    // a misspelt dimension must not pass silently
    expect(() => scoreRfm(s, { method: { frequncy: 'rank' } as never })).toThrow(/options, method/);
    expect(() => scoreRfm(s, { breaks: { monetry: [1, 2, 3, 4] } as never })).toThrow(/options, breaks/);
  });

  it('names the customer and field of a non-finite measure, and duplicate customers', () => {
    const bad = { ...makeSummary('c-7'), rfm: { recency: NaN, frequency: 1, monetary: 1 } };
    try {
      scoreRfm([makeSummary('c-1'), bad], { revealValues: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).issues[0]).toMatchObject({ path: [1, 'rfm.recency'] });
      expect((e as Error).message).toMatch(/c-7/);
    }
    expect(() => scoreRfm([makeSummary(1), makeSummary(1)])).toThrow(/appears more than once/);
  });

  it('accepts an object with a customers array', () => {
    const s = ids(5).map((i) => makeSummary(i, { monetary: i }));
    expect(scoreRfm({ customers: s })).toEqual(scoreRfm(s));
  });
});

describe('scoreRfm: contracts', () => {
  it('handles empty and one-customer inputs', () => {
    const empty = scoreRfm([]);
    expect(empty.customers).toEqual([]);
    expect(empty.recency).toEqual({ method: 'quantile', thresholds: [], counts: [0, 0, 0, 0, 0], bins: 0, scoresUsed: [] });
    const one = scoreRfm([makeSummary(1, { recency: 3, frequency: 2, monetary: 10 })]);
    // a single value equals every cut point: bin 1, so R = 5, F = M = 1
    expect(one.customers[0]).toMatchObject({ r: 5, f: 1, m: 1 });
    expect(one.monetary.bins).toBe(1);
  });

  it('does not mutate its input and copes with huge values', () => {
    const s = ids(20).map((i) => makeSummary(i, { recency: i, frequency: i, monetary: i * 1e300 }));
    const copy = structuredClone(s);
    const result = scoreRfm(s, { method: 'rank' });
    expect(s).toEqual(copy);
    expect(result.monetary.counts).toEqual([4, 4, 4, 4, 4]);
  });
});

const measure = fc.record({
  recency: fc.integer({ min: 0, max: 60 }),
  frequency: fc.integer({ min: 1, max: 8 }),
  monetary: fc.oneof(fc.integer({ min: -50, max: 500 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
});
const methodArb = fc.constantFrom('quantile' as const, 'rank' as const);

describe('scoreRfm: properties', () => {
  it('keeps every score within 1..k and counts within the customers', () => {
    fc.assert(
      fc.property(fc.array(measure, { maxLength: 80 }), fc.integer({ min: 2, max: 9 }), methodArb, (ms, k, method) => {
        const result = scoreRfm(ms.map((m, i) => makeSummary(i, m)), { k, method });
        for (const c of result.customers) {
          for (const s of [c.r, c.f, c.m]) expect(s >= 1 && s <= k && Number.isInteger(s)).toBe(true);
        }
        for (const d of ['recency', 'frequency', 'monetary'] as const) {
          expect(result[d].counts.reduce((a, b) => a + b, 0)).toBe(ms.length);
          expect(result[d].bins).toBe(result[d].counts.filter((x) => x > 0).length);
        }
      }),
    );
  });

  it('never gives a lower M score to a customer who spends more (nor a lower R to a more recent one)', () => {
    fc.assert(
      fc.property(fc.array(measure, { minLength: 2, maxLength: 80 }), methodArb, (ms, method) => {
        const scores = scoreRfm(ms.map((m, i) => makeSummary(i, m)), { method }).customers;
        for (let i = 0; i < ms.length; i++) {
          for (let j = 0; j < ms.length; j++) {
            if (ms[i]!.monetary > ms[j]!.monetary) expect(scores[i]!.m).toBeGreaterThanOrEqual(scores[j]!.m);
            if (ms[i]!.monetary === ms[j]!.monetary) expect(scores[i]!.m).toBe(scores[j]!.m);
            if (ms[i]!.recency < ms[j]!.recency) expect(scores[i]!.r).toBeGreaterThanOrEqual(scores[j]!.r);
          }
        }
      }),
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        fc.array(measure, { maxLength: 60 }).chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms.map((_, i) => i), { minLength: ms.length, maxLength: ms.length }))),
        methodArb,
        ([ms, perm], method) => {
          const summaries = ms.map((m, i) => makeSummary(i, m));
          const a = scoreRfm(summaries, { method });
          const b = scoreRfm(perm.map((i) => summaries[i]!), { method });
          const byId = (xs: readonly RfmScore[]): RfmScore[] => [...xs].sort((x, y) => (x.customerId as number) - (y.customerId as number));
          expect(byId(b.customers)).toEqual(byId(a.customers));
          expect(b.recency).toEqual(a.recency);
          expect(b.monetary).toEqual(a.monetary);
        },
      ),
    );
  });
});

describe('scoreRfm: extreme values', () => {
  it('keeps quantile cut points finite and ascending near the limits of double range', () => {
    // sorted: -1.7, -1.5, 1.5, 1.7 (x 1e308): the 0.4 and 0.6 cut points interpolate across a gap of 3e308
    const values = [-1.7e308, 1.7e308, -1.5e308, 1.5e308];
    const result = scoreRfm(values.map((v, i) => makeSummary(i, { monetary: v })), { segments: 'none' });
    const t = result.monetary.thresholds;
    for (const x of t) expect(Number.isFinite(x)).toBe(true);
    for (let j = 1; j < t.length; j++) expect(t[j]!).toBeGreaterThanOrEqual(t[j - 1]!);
    expect(t[1]).toBeCloseTo(-1.5e308 * 0.8 + 1.5e308 * 0.2, -300);
    expect(result.customers.map((c) => c.m)).toEqual([1, 5, 2, 4]);
  });
});
