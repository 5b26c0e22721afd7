import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue } from '../errors/issues.js';
import type { RfmSegmentTable } from './types.js';

/** A validated segment table as a lookup array. @internal */
export interface CompiledSegments {
  /** Distinct segment names, in order of first appearance in the table. */
  readonly names: readonly string[];
  /** Per cell `(r-1)k^2 + (f-1)k + (m-1)`: index into `names`. */
  readonly cellSegment: Uint8Array | Uint16Array;
}

/** The cell label `'545'` of scores r, f, m. @internal */
export function cellLabel(r: number, f: number, m: number): string {
  return `${r}${f}${m}`;
}

/**
 * Checks that a segment table covers every cell of the k x k x k cube exactly once and turns it
 * into a lookup array. Every problem is reported: rules with bad fields, each cell claimed by
 * more than one rule (naming the segments), and the cells no rule covers.
 * @internal
 */
export function compileSegmentTable(table: RfmSegmentTable, k: number): CompiledSegments {
  const issues: InputIssue[] = [];
  if (!Array.isArray(table)) {
    throw new InvalidInputError([
      { code: 'invalid_option', path: ['options', 'segments'], message: 'expected a preset name or an array of segment rules' },
    ]);
  }
  const cells = k * k * k;
  const owner = new Int32Array(cells).fill(-1);
  const overlaps = new Map<number, Set<string>>();
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  table.forEach((rule, i) => {
    const path = ['options', 'segments', i];
    if (rule === null || typeof rule !== 'object' || typeof rule.segment !== 'string' || rule.segment.length === 0) {
      issues.push({ code: 'invalid_segment_rule', path: [...path, 'segment'], message: 'expected a non-empty segment name' });
      return;
    }
    let ok = true;
    for (const dim of ['r', 'f', 'm'] as const) {
      const scores: unknown = rule[dim];
      if (!Array.isArray(scores) || scores.length === 0 || !scores.every((s) => Number.isInteger(s) && s >= 1 && s <= k)) {
        issues.push({
          code: 'invalid_segment_rule',
          path: [...path, dim],
          message: `segment '${rule.segment}': expected a non-empty list of scores between 1 and ${k}`,
        });
        ok = false;
      }
    }
    if (!ok) return;
    let idx = nameIndex.get(rule.segment);
    if (idx === undefined) {
      idx = names.length;
      names.push(rule.segment);
      nameIndex.set(rule.segment, idx);
    }
    for (const r of new Set<number>(rule.r)) {
      for (const f of new Set<number>(rule.f)) {
        for (const m of new Set<number>(rule.m)) {
          const c = (r - 1) * k * k + (f - 1) * k + (m - 1);
          const prev = owner[c] as number;
          if (prev === -1) owner[c] = i;
          else {
            const set = overlaps.get(c) ?? new Set([(table[prev] as { segment: string }).segment + ` (rule ${prev})`]);
            set.add(`${rule.segment} (rule ${i})`);
            overlaps.set(c, set);
          }
        }
      }
    }
  });
  const badRules = issues.length > 0;
  for (const [c, set] of [...overlaps].sort((a, b) => a[0] - b[0])) {
    issues.push({
      code: 'segment_overlap',
      path: ['options', 'segments'],
      message: `cell ${labelOf(c, k)} is covered by more than one rule: ${[...set].join(', ')}`,
    });
  }
  if (!badRules) {
    const missing: string[] = [];
    for (let c = 0; c < cells; c++) if (owner[c] === -1) missing.push(labelOf(c, k));
    if (missing.length > 0) {
      issues.push({
        code: 'segment_missing',
        path: ['options', 'segments'],
        message: `${missing.length} cell${missing.length > 1 ? 's are' : ' is'} not covered by any rule: ${missing.join(', ')}`,
      });
    }
  }
  const [first, ...rest] = issues;
  if (first) throw new InvalidInputError([first, ...rest], 'invalid RFM segment table');

  const cellSegment = names.length <= 255 ? new Uint8Array(cells) : new Uint16Array(cells);
  for (let c = 0; c < cells; c++) {
    cellSegment[c] = nameIndex.get((table[owner[c] as number] as { segment: string }).segment) as number;
  }
  return { names, cellSegment };
}

function labelOf(c: number, k: number): string {
  return cellLabel(Math.floor(c / (k * k)) + 1, (Math.floor(c / k) % k) + 1, (c % k) + 1);
}
