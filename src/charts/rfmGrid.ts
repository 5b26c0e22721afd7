import type { CustomerScores } from '../pipeline/CustomerScores.js';

/** One R x F cell of {@link rfmGrid}. */
export interface RfmGridCell {
  /** Recency score 1..k (k = most recent). */
  readonly r: number;
  /** Frequency score 1..k (k = most frequent). */
  readonly f: number;
  /** Customers in the cell. */
  readonly customers: number;
  /** Mean RFM monetary value (mean spend per purchase) of the cell's customers, currency units; `null` when empty. */
  readonly meanMonetary: number | null;
  /** The segment most of the cell's customers are in (ties: the segment table's order); `null` when empty or unsegmented. */
  readonly segment: string | null;
}

/** One segment of {@link rfmGrid}. */
export interface RfmGridSegment {
  readonly segment: string;
  readonly customers: number;
  /** Share of all customers, 0..1. */
  readonly share: number;
  /** Mean lifetime value of the segment's customers, currency units; `null` when empty. */
  readonly meanClv: number | null;
}

/** Result of {@link rfmGrid}. */
export interface RfmGrid {
  /** Score levels per dimension. */
  readonly k: number;
  /** `cells[(r - 1) * k + (f - 1)]`: R major, F minor. */
  readonly cells: readonly RfmGridCell[];
  /** Segment sizes and mean CLV, in the segment table's order. */
  readonly segments: readonly RfmGridSegment[];
}

/**
 * The R x F grid of an RFM scoring: customers and mean monetary value per (R, F) cell, the
 * segment that dominates each cell (the segment map), and each segment's size and mean CLV.
 *
 * Scores and segments are those of the scoring (`scores.columns.rfm`); monetary value is the
 * RFM convention's mean spend per purchase (`summary.rfm.monetary`). Cost: O(n + k² s) for s
 * segments.
 *
 * @param scores - A {@link scoreCustomers} result.
 * @returns k x k cells and the segments.
 * @example
 * ```ts
 * import { rfmGrid, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * const grid = rfmGrid(scores);
 * grid.cells.length; // => 25
 * grid.cells.reduce((s, c) => s + c.customers, 0); // => 300
 * grid.segments.reduce((s, g) => s + g.customers, 0); // => 300
 * ```
 */
export function rfmGrid(scores: CustomerScores): RfmGrid {
  const { rfm, summary, clv } = scores.columns;
  const k = rfm.k;
  const s = rfm.segmentNames.length;
  const n = scores.length;
  const count = new Float64Array(k * k);
  const money = new Float64Array(k * k);
  const bySegment = new Float64Array(k * k * Math.max(1, s));
  const segCount = new Float64Array(s);
  const segClv = new Float64Array(s);
  for (let i = 0; i < n; i++) {
    const cell = (rfm.r[i]! - 1) * k + (rfm.f[i]! - 1);
    count[cell]!++;
    money[cell]! += summary.rfm.monetary[i]!;
    const g = rfm.segmentIndex[i]!;
    if (g >= 0) {
      bySegment[cell * s + g]!++;
      segCount[g]!++;
      segClv[g]! += clv[i]!;
    }
  }
  const cells: RfmGridCell[] = [];
  for (let r = 1; r <= k; r++) {
    for (let f = 1; f <= k; f++) {
      const c = (r - 1) * k + (f - 1);
      let best = -1;
      for (let g = 0; g < s; g++) if (bySegment[c * s + g]! > 0 && (best < 0 || bySegment[c * s + g]! > bySegment[c * s + best]!)) best = g;
      cells.push({ r, f, customers: count[c]!, meanMonetary: count[c]! > 0 ? money[c]! / count[c]! : null, segment: best >= 0 ? rfm.segmentNames[best]! : null });
    }
  }
  const segments = rfm.segmentNames.map((segment, g): RfmGridSegment => ({ segment, customers: segCount[g]!, share: n > 0 ? segCount[g]! / n : 0, meanClv: segCount[g]! > 0 ? segClv[g]! / segCount[g]! : null }));
  return { k, cells, segments };
}
