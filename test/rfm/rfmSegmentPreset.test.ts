import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { compileSegmentTable } from '../../src/rfm/compileSegmentTable.js';
import { rfmSegmentPreset } from '../../src/rfm/rfmSegmentPreset.js';
import { scoreRfm } from '../../src/rfm/scoreRfm.js';
import type { RfmSegmentPreset, RfmSegmentTable } from '../../src/rfm/types.js';
import { makeSummary } from './makeSummary.js';

/** Segment of a cell by brute force over the rules (no lookup array). */
function segmentOf(table: RfmSegmentTable, r: number, f: number, m: number): string[] {
  return table.filter((x) => x.r.includes(r) && x.f.includes(f) && x.m.includes(m)).map((x) => x.segment);
}

const PRESETS: readonly RfmSegmentPreset[] = ['default', 'rf-grid', 'r-fm'];

describe('rfmSegmentPreset', () => {
  it('runs the doc example', () => {
    expect(rfmSegmentPreset('rf-grid')[0]).toEqual({ segment: 'Champions', r: [5], f: [4, 5], m: [1, 2, 3, 4, 5] });
  });

  it.each(PRESETS)('%s covers each of the 125 cells exactly once', (preset) => {
    const table = rfmSegmentPreset(preset);
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) expect(segmentOf(table, r, f, m)).toHaveLength(1);
    expect(() => compileSegmentTable(table, 5)).not.toThrow();
  });

  it('has the expected segment names', () => {
    const names = (p: RfmSegmentPreset): string[] => [...new Set(rfmSegmentPreset(p).map((x) => x.segment))].sort();
    const ten = ['About to sleep', 'At risk', 'Champions', "Can't lose them", 'Hibernating', 'Loyal customers', 'Need attention', 'New customers', 'Potential loyalists', 'Promising'];
    expect(names('rf-grid')).toEqual([...ten].sort());
    expect(names('r-fm')).toEqual([...ten, 'Lost'].sort());
    expect(names('default')).toEqual([...ten.filter((x) => x !== 'Promising'), 'Lost'].sort());
  });

  it('maps the R-by-F grid as published (M ignored)', () => {
    const t = rfmSegmentPreset('rf-grid');
    const grid: Record<string, string> = {
      '55': 'Champions', '54': 'Champions', '45': 'Loyal customers', '34': 'Loyal customers', '53': 'Potential loyalists',
      '42': 'Potential loyalists', '51': 'New customers', '41': 'Promising', '33': 'Need attention', '32': 'About to sleep',
      '31': 'About to sleep', '24': 'At risk', '13': 'At risk', '25': "Can't lose them", '15': "Can't lose them",
      '22': 'Hibernating', '11': 'Hibernating',
    };
    for (const [rf, name] of Object.entries(grid)) {
      for (let m = 1; m <= 5; m++) expect(segmentOf(t, Number(rf[0]), Number(rf[1]), m)).toEqual([name]);
    }
  });

  it('maps the default table as drawn in docs/rfm.md', () => {
    const t = rfmSegmentPreset('default');
    const hi = (m: number, yes: string, no: string): string => (m >= 4 ? yes : no);
    const expected = (r: number, f: number, m: number): string => {
      if (r >= 4) return f === 1 ? 'New customers' : f <= 3 ? 'Potential loyalists' : hi(m, 'Champions', 'Loyal customers');
      if (r === 3) return f <= 2 ? 'About to sleep' : 'Need attention';
      if (f <= 2) return r === 2 ? 'Hibernating' : 'Lost';
      return f === 3 ? 'At risk' : hi(m, "Can't lose them", 'At risk');
    };
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) expect(segmentOf(t, r, f, m)).toEqual([expected(r, f, m)]);
  });

  it('r-fm depends on F and M only through ceil((F + M) / 2)', () => {
    const t = rfmSegmentPreset('r-fm');
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          const fm = Math.ceil((f + m) / 2);
          expect(segmentOf(t, r, f, m)).toEqual(segmentOf(t, r, fm, fm));
        }
      }
    }
    expect(segmentOf(t, 1, 1, 2)).toEqual(['Lost']);
    expect(segmentOf(t, 5, 5, 3)).toEqual(['Champions']);
  });

  it('returns a fresh table on each call', () => {
    const a = rfmSegmentPreset('default');
    (a as unknown as unknown[]).pop();
    expect(rfmSegmentPreset('default')).toHaveLength(11);
  });

  it('rejects an unknown preset', () => {
    expect(() => rfmSegmentPreset('nine-box' as never)).toThrow(InvalidInputError);
  });
});

describe('custom segment tables', () => {
  const s = [makeSummary(1, { recency: 1, frequency: 1, monetary: 1 })];

  it('names overlapping cells and the rules that claim them', () => {
    const table = [
      { segment: 'good', r: [2], f: [1, 2], m: [1, 2] },
      { segment: 'bad', r: [1], f: [1, 2], m: [1, 2] },
      { segment: 'extra', r: [2], f: [2], m: [2] },
    ];
    try {
      scoreRfm(s, { k: 2, segments: table });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      const issues = (e as InvalidInputError).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'segment_overlap', path: ['options', 'segments'] });
      expect(issues[0].message).toBe('cell 222 is covered by more than one rule: good (rule 0), extra (rule 2)');
    }
  });

  it('names the missing cells', () => {
    const table = [{ segment: 'good', r: [2], f: [1, 2], m: [1, 2] }, { segment: 'bad', r: [1], f: [1], m: [1, 2] }];
    expect(() => scoreRfm(s, { k: 2, segments: table })).toThrow('2 cells are not covered by any rule: 121, 122');
  });

  it('rejects rules with scores outside 1..k or without a name', () => {
    expect(() => scoreRfm(s, { k: 2, segments: [{ segment: 'x', r: [1, 2, 3], f: [1, 2], m: [1, 2] }] })).toThrow(/between 1 and 2/);
    expect(() => scoreRfm(s, { k: 2, segments: [{ segment: '', r: [1, 2], f: [1, 2], m: [1, 2] }] })).toThrow(/non-empty segment name/);
    expect(() => scoreRfm(s, { k: 2, segments: 'x' as never })).toThrow(InvalidInputError);
  });
});
