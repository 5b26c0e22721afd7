/**
 * scoreRfmColumns against an independent, deliberately naive reference (a comparator sort, the
 * type-7 formula, the mid-rank rule written from docs/rfm.md, the segment table searched rule by
 * rule), and against scoreRfm on the same customers. Values are drawn to hit both code paths:
 * small-range integers (the histogram) and any finite doubles (selection and radix sort), with
 * many ties, zeros of both signs, negatives, one element and none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { rfmSegmentPreset } from '../../src/rfm/rfmSegmentPreset.js';
import { scoreRfm } from '../../src/rfm/scoreRfm.js';
import { scoreRfmColumns, type RfmMeasureColumns } from '../../src/rfm/scoreRfmColumns.js';
import type { RfmBinningMethod, RfmDimension } from '../../src/rfm/types.js';
import { makeSummary } from './makeSummary.js';

const DIMS: readonly RfmDimension[] = ['recency', 'frequency', 'monetary'];

/** Reference scores of one dimension (bin 1..k, before the recency flip) and the cut points. */
function referenceBins(values: readonly number[], k: number, method: 'quantile' | 'rank'): { bins: number[]; cuts: number[] } {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  if (method === 'quantile') {
    const cuts: number[] = [];
    for (let j = 1; j < k; j++) {
      const h = (n - 1) * (j / k);
      const lo = Math.floor(h);
      const a = sorted[lo]!;
      cuts.push(h === lo ? a : a + (h - lo) * (sorted[lo + 1]! - a));
    }
    return { bins: values.map((v) => 1 + cuts.filter((c) => v > c).length), cuts: cuts.map((c) => c + 0) };
  }
  // mid-rank: a block of equal values at sorted positions [lo, hi) goes to bin floor(k (lo + hi) / 2n) + 1
  const binOf = new Map<number, number>();
  const cuts = new Array<number>(k - 1).fill(-Infinity);
  for (let lo = 0; lo < n; ) {
    let hi = lo;
    while (hi < n && sorted[hi] === sorted[lo]) hi++;
    const bin = Math.min(k, Math.floor((k * (lo + hi)) / (2 * n)) + 1);
    binOf.set(sorted[lo]! + 0, bin);
    for (let j = bin; j < k; j++) cuts[j - 1] = sorted[lo]! + 0;
    lo = hi;
  }
  return { bins: values.map((v) => binOf.get(v + 0)!), cuts };
}

/** Three columns of one length: each dimension either small integers or any doubles. */
const columnsArb = fc.integer({ min: 0, max: 70 }).chain((n) =>
  fc
    .tuple(
      ...DIMS.map(() =>
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: -3, max: 12 }), { minLength: n, maxLength: n }),
          fc.array(fc.oneof(fc.constantFrom(0, -0, 1, -1, 2.5), fc.double({ min: -1e9, max: 1e9, noNaN: true })), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: -2e9, max: 2e9 }), { minLength: n, maxLength: n }),
        ),
      ),
    )
    .map(([recency, frequency, monetary]) => ({ recency: recency!, frequency: frequency!, monetary: monetary! })),
);
const methodArb = fc.constantFrom<'quantile' | 'rank'>('quantile', 'rank');

function toColumns(c: { recency: number[]; frequency: number[]; monetary: number[] }): RfmMeasureColumns {
  return { recency: Float64Array.from(c.recency), frequency: Float64Array.from(c.frequency), monetary: Float64Array.from(c.monetary) };
}

describe('scoreRfmColumns', () => {
  it('runs the doc example', () => {
    const rfm = scoreRfmColumns(
      { recency: Float64Array.of(2, 40, 10), frequency: Float64Array.of(9, 1, 3), monetary: Float64Array.of(900, 20, 150) },
      { k: 3 },
    );
    expect([...rfm.r]).toEqual([3, 1, 2]);
    expect(rfm.cell(0)).toBe('333');
    expect(rfm.segment(0)).toBeNull();
    expect(rfm.segmentIndex[0]).toBe(-1);
  });

  it('matches the naive reference: scores, cut points, counts, scores used', () => {
    fc.assert(
      fc.property(columnsArb, fc.integer({ min: 2, max: 9 }), methodArb, (raw, k, method) => {
        const cols = scoreRfmColumns(toColumns(raw), { k, method });
        const n = raw.recency.length;
        expect(cols.length).toBe(n);
        const scores = { recency: cols.r, frequency: cols.f, monetary: cols.m };
        for (const d of DIMS) {
          const ref = referenceBins(raw[d], k, method);
          const expected = ref.bins.map((b) => (d === 'recency' ? k + 1 - b : b));
          expect([...scores[d]], d).toEqual(expected);
          expect(cols[d].thresholds, d).toEqual(n === 0 ? [] : ref.cuts);
          const counts = Array.from({ length: k }, (_, s) => expected.filter((x) => x === s + 1).length);
          expect(cols[d].counts).toEqual(counts);
          expect(cols[d].scoresUsed).toEqual(counts.flatMap((c, s) => (c > 0 ? [s + 1] : [])));
          expect(cols[d].bins).toBe(cols[d].scoresUsed.length);
          expect(cols[d].method).toBe(method);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('names segments as the default table does, rule by rule', () => {
    const table = rfmSegmentPreset('default');
    fc.assert(
      fc.property(columnsArb, methodArb, (raw, method) => {
        const cols = scoreRfmColumns(toColumns(raw), { method });
        const tally = new Map<string, number>();
        for (let i = 0; i < cols.length; i++) {
          const [r, f, m] = [cols.r[i]!, cols.f[i]!, cols.m[i]!];
          const rule = table.find((x) => x.r.includes(r) && x.f.includes(f) && x.m.includes(m))!;
          expect(cols.cell(i)).toBe(`${r}${f}${m}`);
          expect(cols.segment(i)).toBe(rule.segment);
          expect(cols.segmentNames[cols.segmentIndex[i]!]).toBe(rule.segment);
          tally.set(rule.segment, (tally.get(rule.segment) ?? 0) + 1);
        }
        expect(cols.segments.map((s) => s.segment)).toEqual(cols.segmentNames);
        for (const s of cols.segments) expect(s.count).toBe(tally.get(s.segment) ?? 0);
      }),
      { numRuns: 200 },
    );
  });

  it('gives every customer the scores, cell and segment scoreRfm gives, with the same binning', () => {
    const methods: (RfmBinningMethod | { recency: 'fixed'; frequency: 'rank' })[] = ['quantile', 'rank', { recency: 'fixed', frequency: 'rank' }];
    fc.assert(
      fc.property(columnsArb, fc.constantFrom(...methods), (raw, method) => {
        const options = typeof method === 'string' ? { method } : { method, breaks: { recency: [0, 1, 2, 5] } };
        const cols = scoreRfmColumns(toColumns(raw), options);
        const n = raw.recency.length;
        const summaries = Array.from({ length: n }, (_, i) =>
          makeSummary(i + 1, { recency: raw.recency[i]!, frequency: raw.frequency[i]!, monetary: raw.monetary[i]! }),
        );
        const obj = scoreRfm(summaries, options);
        expect(obj.customers).toEqual(
          Array.from({ length: n }, (_, i) => ({ customerId: i + 1, r: cols.r[i], f: cols.f[i], m: cols.m[i], cell: cols.cell(i), segment: cols.segment(i) })),
        );
        expect({ k: obj.k, recency: obj.recency, frequency: obj.frequency, monetary: obj.monetary, segments: obj.segments }).toEqual({
          k: cols.k,
          recency: cols.recency,
          frequency: cols.frequency,
          monetary: cols.monetary,
          segments: cols.segments,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the customers, nor mutate the columns', () => {
    fc.assert(
      fc.property(
        columnsArb.chain((raw) => fc.tuple(fc.constant(raw), fc.shuffledSubarray([...raw.recency.keys()], { minLength: raw.recency.length }))),
        methodArb,
        ([raw, perm], method) => {
          const columns = toColumns(raw);
          const copy = toColumns(raw);
          const a = scoreRfmColumns(columns, { method });
          expect(columns).toEqual(copy);
          const b = scoreRfmColumns(toColumns({ recency: perm.map((i) => raw.recency[i]!), frequency: perm.map((i) => raw.frequency[i]!), monetary: perm.map((i) => raw.monetary[i]!) }), { method });
          perm.forEach((i, j) => expect(b.cell(j)).toBe(a.cell(i)));
          expect(b.recency).toEqual(a.recency);
          expect(b.monetary).toEqual(a.monetary);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scores empty and one-customer columns', () => {
    const empty = scoreRfmColumns({ recency: new Float64Array(0), frequency: new Float64Array(0), monetary: new Float64Array(0) });
    expect(empty.length).toBe(0);
    expect(empty.recency).toEqual({ method: 'quantile', thresholds: [], counts: [0, 0, 0, 0, 0], bins: 0, scoresUsed: [] });
    expect(empty.segments.every((s) => s.count === 0)).toBe(true);
    const single = { recency: Float64Array.of(3), frequency: Float64Array.of(5), monetary: Float64Array.of(80) };
    const one = scoreRfmColumns(single);
    // quantile: every cut point is the value, which goes to the lower bin; rank: the middle bin
    expect([one.cell(0), one.segment(0)]).toEqual(['511', 'New customers']);
    expect(scoreRfmColumns(single, { method: 'rank' }).cell(0)).toBe('333');
    expect(() => one.cell(1)).toThrow(RangeError);
    expect(() => one.segment(-1)).toThrow(RangeError);
  });

  it('raises the errors scoreRfm raises, naming the customer when given ids', () => {
    const raw = { recency: [1, Number.NaN, 3], frequency: [1, 2, Infinity], monetary: [5, 6, 7] };
    const catchIt = (f: () => unknown): InvalidInputError => {
      try {
        f();
      } catch (e) {
        return e as InvalidInputError;
      }
      throw new Error('expected an InvalidInputError');
    };
    const fromColumns = catchIt(() => scoreRfmColumns(toColumns(raw), { customerIds: [10, 20, 30] }));
    const fromObjects = catchIt(() =>
      scoreRfm([10, 20, 30].map((id, i) => makeSummary(id, { recency: raw.recency[i]!, frequency: raw.frequency[i]!, monetary: raw.monetary[i]! }))),
    );
    expect(fromColumns).toBeInstanceOf(InvalidInputError);
    expect(fromColumns.issues).toEqual(fromObjects.issues);
    expect(fromColumns.message).toBe(fromObjects.message);
    expect(fromColumns.issues.map((i) => [i.code, i.path])).toEqual([
      ['not_finite', [1, 'rfm.recency']],
      ['not_finite', [2, 'rfm.frequency']],
    ]);
    const anonymous = catchIt(() => scoreRfmColumns(toColumns(raw)));
    expect(anonymous.issues[0]!.message).toBe('customer at index 1: expected a finite number');

    const ok = toColumns({ recency: [1], frequency: [1], monetary: [1] });
    expect(catchIt(() => scoreRfmColumns({ ...ok, monetary: [1] as unknown as Float64Array })).issues[0]).toMatchObject({ code: 'invalid_type', path: ['columns', 'monetary'] });
    expect(catchIt(() => scoreRfmColumns({ ...ok, frequency: Float64Array.of(1, 2) })).issues[0]).toMatchObject({ code: 'length_mismatch', path: ['columns', 'frequency'] });
    expect(catchIt(() => scoreRfmColumns(ok, { customerIds: [1, 2] })).issues[0]).toMatchObject({ code: 'length_mismatch', path: ['options', 'customerIds'] });
    expect(catchIt(() => scoreRfmColumns(ok, { k: 10 })).issues[0]).toMatchObject({ code: 'invalid_option', path: ['options', 'k'] });
    expect(catchIt(() => scoreRfmColumns(null as unknown as RfmMeasureColumns)).issues[0]).toMatchObject({ code: 'invalid_type', path: ['columns'] });
  });
});
