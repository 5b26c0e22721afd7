import { invalidOption } from '../errors/InvalidInputError.js';
import type { RfmSegmentPreset, RfmSegmentRule, RfmSegmentTable } from './types.js';

/**
 * A built-in RFM segment table (k = 5), as plain data that can be inspected, copied or edited.
 *
 * - `'default'`: the library's own table on all three scores, 10 segments. Recent customers
 *   (R 4-5) split by F and M into Champions, Loyal customers, Potential loyalists and New
 *   customers; R 3 into Need attention and About to sleep; R 1-2 into Can't lose them, At risk,
 *   Hibernating and Lost.
 * - `'rf-grid'`: the 10-segment recency-by-frequency grid popularised by marketing-analytics
 *   blogs and open-source RFM notebooks (no single paper defines it); M plays no part.
 * - `'r-fm'`: 11 segments on R and the combined score FM = ceil((F + M) / 2), after the
 *   "average of F and M" charts of analytics vendors, arranged here so that every cell has
 *   exactly one segment (the published charts overlap and rely on rule order).
 *
 * The full tables, cell by cell, are in docs/rfm.md. Each call returns a fresh array.
 * Cost: O(1) (at most 125 rules).
 *
 * @param preset - Which table.
 * @returns The rules; together they cover the 125 cells of the 5 x 5 x 5 cube exactly once.
 * @throws {InvalidInputError} When `preset` is not one of the names above.
 *
 * @example
 * ```ts
 * import { rfmSegmentPreset } from 'loyalty-score';
 * rfmSegmentPreset('rf-grid')[0]; // => { segment: 'Champions', r: [5], f: [4, 5], m: [1, 2, 3, 4, 5] }
 * ```
 */
export function rfmSegmentPreset(preset: RfmSegmentPreset): RfmSegmentTable {
  switch (preset) {
    case 'default':
      return defaultTable();
    case 'rf-grid':
      return rfGridTable();
    case 'r-fm':
      return rFmTable();
    default:
      return invalidOption('segments', "expected 'default', 'rf-grid', 'r-fm' or a segment table");
  }
}

const ALL = [1, 2, 3, 4, 5] as const;

function rule(segment: string, r: readonly number[], f: readonly number[], m: readonly number[]): RfmSegmentRule {
  return { segment, r: [...r], f: [...f], m: [...m] };
}

function defaultTable(): RfmSegmentTable {
  return [
    rule('Champions', [4, 5], [4, 5], [4, 5]),
    rule('Loyal customers', [4, 5], [4, 5], [1, 2, 3]),
    rule('Potential loyalists', [4, 5], [2, 3], ALL),
    rule('New customers', [4, 5], [1], ALL),
    rule('Need attention', [3], [3, 4, 5], ALL),
    rule('About to sleep', [3], [1, 2], ALL),
    rule("Can't lose them", [1, 2], [4, 5], [4, 5]),
    rule('At risk', [1, 2], [4, 5], [1, 2, 3]),
    rule('At risk', [1, 2], [3], ALL),
    rule('Hibernating', [2], [1, 2], ALL),
    rule('Lost', [1], [1, 2], ALL),
  ];
}

function rfGridTable(): RfmSegmentTable {
  return [
    rule('Champions', [5], [4, 5], ALL),
    rule('Loyal customers', [3, 4], [4, 5], ALL),
    rule('Potential loyalists', [4, 5], [2, 3], ALL),
    rule('New customers', [5], [1], ALL),
    rule('Promising', [4], [1], ALL),
    rule('Need attention', [3], [3], ALL),
    rule('About to sleep', [3], [1, 2], ALL),
    rule('At risk', [1, 2], [3, 4], ALL),
    rule("Can't lose them", [1, 2], [5], ALL),
    rule('Hibernating', [1, 2], [1, 2], ALL),
  ];
}

/** R x FM grid: for each segment, the R scores and the FM scores it takes. */
const R_FM_GRID: readonly (readonly [string, readonly number[], readonly number[]])[] = [
  ['Champions', [5], [4, 5]],
  ['Champions', [4], [5]],
  ['Loyal customers', [4], [4]],
  ['Loyal customers', [3], [4, 5]],
  ['Potential loyalists', [4, 5], [2, 3]],
  ['New customers', [5], [1]],
  ['Promising', [4], [1]],
  ['Need attention', [3], [3]],
  ['About to sleep', [3], [1, 2]],
  ['At risk', [1, 2], [3, 4]],
  ["Can't lose them", [1, 2], [5]],
  ['Hibernating', [2], [1, 2]],
  ['Lost', [1], [1, 2]],
];

function rFmTable(): RfmSegmentTable {
  const rules: RfmSegmentRule[] = [];
  for (const [segment, rs, fms] of R_FM_GRID) {
    for (const f of ALL) {
      const ms = ALL.filter((m) => fms.includes(Math.ceil((f + m) / 2)));
      if (ms.length > 0) rules.push(rule(segment, rs, [f], ms));
    }
  }
  return rules;
}
