import { invalidOption } from '../errors/InvalidInputError.js';
import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { rfmChanges, type RfmChangesResult } from '../rfm/rfmChanges.js';
import type { RfmScore, ScoreRfmResult } from '../rfm/types.js';
import { tierMigration, type TierMigration } from '../tiers/tierMigration.js';
import { TIERS, type Tier, type TierAssignment } from '../tiers/types.js';
import type { CustomerId } from '../transactions/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link scoreChanges}. */
export interface ScoreChangesOptions {
  /**
   * Tiers (in the earlier scoring) that count as high value for the slipping-away list.
   * @defaultValue `['A', 'B']`
   */
  readonly highTiers?: readonly Tier[];
  /**
   * Smallest fall of P(alive), 0..1, that puts a high-value customer on the slipping-away list.
   * @defaultValue `0.1`
   */
  readonly minDrop?: number;
  /**
   * Longest slipping-away list.
   * @defaultValue `20`
   */
  readonly limit?: number;
}

/** A high-value customer whose P(alive) fell. */
export interface SlippingCustomer {
  readonly customerId: CustomerId;
  /** Tier in the earlier scoring. */
  readonly tier: Tier;
  /** Lifetime value in the earlier scoring, currency units. */
  readonly clvBefore: number;
  readonly pAliveBefore: number;
  readonly pAliveAfter: number;
}

/** Result of {@link scoreChanges}. */
export interface ScoreChanges {
  /** As-of dates of both scorings. */
  readonly asOf: { readonly before: string; readonly after: string };
  /** The tier transition matrix, moves and "tomorrow's stars" ({@link tierMigration}). */
  readonly migration: TierMigration;
  /** Summary of the RFM score changes ({@link rfmChanges}): drops per dimension, slipping count, segment moves. */
  readonly rfm: {
    /** Customers scored in both periods. */
    readonly compared: number;
    /** Customers whose R, F or M fell by 2 points or more. */
    readonly slipping: number;
    /** Customers per dimension whose score fell by 2 or more. */
    readonly drops: { readonly r: number; readonly f: number; readonly m: number };
    /** The largest segment-to-segment moves between different segments (at most 10). */
    readonly segmentMoves: RfmChangesResult['segmentMoves'];
  };
  /** High-value customers whose P(alive) fell by `minDrop` or more, largest fall first. */
  readonly slippingAway: readonly SlippingCustomer[];
}

/**
 * What changed between two scorings of the same base (e.g. as of a month ago and today): the
 * tier migration matrix with "tomorrow's stars" ({@link tierMigration}), the RFM drops
 * ({@link rfmChanges}), and the customers slipping away: high value before (tier A or B), and
 * P(alive) now lower by at least `minDrop`. Cost: O(n) plus sorting the lists.
 *
 * @param before - The earlier {@link scoreCustomers} result.
 * @param after - The later one.
 * @param options - See {@link ScoreChangesOptions}.
 * @returns The migration, the RFM summary and the slipping-away list.
 * @throws {InvalidInputError} When an option is out of range, or the scorings use different RFM scales.
 * @example
 * ```ts
 * import { scoreChanges, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const rows = simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 });
 * const before = scoreCustomers(rows, { asOf: '2025-03-31' });
 * const after = scoreCustomers(rows, { asOf: '2025-06-30' });
 * const changes = scoreChanges(before, after);
 * changes.asOf; // => { before: '2025-03-31', after: '2025-06-30' }
 * changes.slippingAway.every((c) => c.pAliveBefore - c.pAliveAfter >= 0.1); // => true
 * ```
 */
export function scoreChanges(before: CustomerScores, after: CustomerScores, options: ScoreChangesOptions = {}): ScoreChanges {
  rejectUnknownKeys(options, SCORE_CHANGES_OPTION_KEYS, 'options', 'scoreChanges');
  const highTiers = options.highTiers ?? ['A', 'B'];
  const minDrop = options.minDrop ?? 0.1;
  const limit = options.limit ?? 20;
  if (!Array.isArray(highTiers) || !highTiers.every((t) => TIERS.includes(t))) invalidOption('highTiers', "expected an array of 'A', 'B', 'C', 'D'");
  if (!(minDrop >= 0 && minDrop <= 1)) invalidOption('minDrop', 'expected a number in [0, 1]');
  if (!(Number.isInteger(limit) && limit >= 0)) invalidOption('limit', 'expected a whole number >= 0');
  const migration = tierMigration(assignments(before), assignments(after));
  const changes = rfmChanges(rfmResult(before), rfmResult(after));
  const drops = { r: 0, f: 0, m: 0 };
  for (const c of changes.changes) for (const d of c.drops) drops[d]++;

  const later = new Map<CustomerId, number>();
  after.columns.summary.customerIds.forEach((id, i) => later.set(id, i));
  const high = new Set(highTiers.map((t) => TIERS.indexOf(t)));
  const slipping: SlippingCustomer[] = [];
  const b = before.columns;
  for (let i = 0; i < before.length; i++) {
    if (!high.has(b.tiers.tier[i]!)) continue;
    const id = b.summary.customerIds[i]!;
    const j = later.get(id);
    if (j === undefined) continue;
    const pAliveAfter = after.columns.pAlive[j]!;
    if (b.pAlive[i]! - pAliveAfter >= minDrop) slipping.push({ customerId: id, tier: TIERS[b.tiers.tier[i]!]!, clvBefore: b.clv[i]!, pAliveBefore: b.pAlive[i]!, pAliveAfter });
  }
  slipping.sort((x, y) => y.pAliveBefore - y.pAliveAfter - (x.pAliveBefore - x.pAliveAfter) || y.clvBefore - x.clvBefore);
  return {
    asOf: { before: before.asOf, after: after.asOf },
    migration,
    rfm: { compared: changes.changes.length, slipping: changes.slipping.length, drops, segmentMoves: changes.segmentMoves.filter((m) => m.from !== m.to).slice(0, 10) },
    slippingAway: slipping.slice(0, limit),
  };
}

function assignments(scores: CustomerScores): TierAssignment[] {
  const { tiers, summary, tierValue } = scores.columns;
  const out = new Array<TierAssignment>(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = { customerId: summary.customerIds[i]!, rank: tiers.rank[i]!, percentile: 0, value: tierValue[i]!, tier: TIERS[tiers.tier[i]!]! };
  return out;
}

function rfmResult(scores: CustomerScores): ScoreRfmResult {
  const { rfm, summary } = scores.columns;
  const customers = new Array<RfmScore>(scores.length);
  for (let i = 0; i < scores.length; i++) customers[i] = { customerId: summary.customerIds[i]!, r: rfm.r[i]!, f: rfm.f[i]!, m: rfm.m[i]!, cell: rfm.cell(i), segment: rfm.segment(i) };
  return { k: rfm.k, customers, recency: rfm.recency, frequency: rfm.frequency, monetary: rfm.monetary, segments: rfm.segments };
}

const SCORE_CHANGES_OPTION_KEYS: KeyList<ScoreChangesOptions> = { highTiers: true, minDrop: true, limit: true };
