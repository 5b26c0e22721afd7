import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { customerOf } from '../errors/issues.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import type { RfmScore, RfmScoreName, ScoreRfmResult } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/**
 * Options of {@link rfmChanges}. `revealValues` (default `false`) puts customer ids in issues and
 * messages; without it they name the customer's position only.
 */
export interface RfmChangesOptions extends Pick<RowPolicyOptions, 'revealValues'> {
  /**
   * A drop of at least this many score points in a watched dimension flags the customer as
   * slipping (a positive integer).
   * @defaultValue `2`
   */
  dropThreshold?: number;
  /**
   * The scores whose drops are watched.
   * @defaultValue `['r', 'f', 'm']`
   */
  watch?: readonly RfmScoreName[];
}

/** One customer's scores in both periods and how they moved. */
export interface RfmChange {
  readonly customerId: CustomerId;
  readonly before: RfmScore;
  readonly after: RfmScore;
  /** `after.r - before.r`; negative is a drop. */
  readonly dr: number;
  readonly df: number;
  readonly dm: number;
  /** Watched scores that dropped by at least `dropThreshold`, in r, f, m order. */
  readonly drops: readonly RfmScoreName[];
  /** Whether `drops` is non-empty: the customer may be slipping away. */
  readonly slipping: boolean;
}

/** Customers moving from one segment to another, with how many did. */
export interface RfmSegmentMove {
  readonly from: string | null;
  readonly to: string | null;
  readonly count: number;
}

/** Result of {@link rfmChanges}. */
export interface RfmChangesResult {
  /** Customers scored in both periods, in the order of `after`. */
  readonly changes: readonly RfmChange[];
  /** Ids of the slipping customers, largest total drop first (ties: order of `after`). */
  readonly slipping: readonly CustomerId[];
  /** Customers scored only in `after`. */
  readonly added: readonly CustomerId[];
  /** Customers scored only in `before`. */
  readonly missing: readonly CustomerId[];
  /** Segment-to-segment moves of the customers in both periods, largest first (same segment included). */
  readonly segmentMoves: readonly RfmSegmentMove[];
}

const NAMES: readonly RfmScoreName[] = ['r', 'f', 'm'];

/**
 * Per-customer RFM score changes between two periods, flagging the drops that signal a customer
 * slipping away.
 *
 * DOMAIN §2 (after the CRM course, seed 002): a change in R, F or M over time signals a change in
 * behaviour worth acting on before the customer is lost. A customer is flagged when a watched
 * score falls by `dropThreshold` points or more. Quantile scores are relative to each period's
 * customer base; for changes in absolute behaviour, score both periods with the same fixed breaks.
 * Cost: O(n) with a hash map.
 *
 * @param before - `scoreRfm` result of the earlier period.
 * @param after - `scoreRfm` result of the later period, with the same k.
 * @param options - See {@link RfmChangesOptions}.
 * @returns The changes, the slipping customers, customers present in one period only, segment moves.
 * @throws {InvalidInputError} When the two results have different k, a score is not an integer in
 *   1..k, a customer appears twice in one period, or an option is invalid.
 *
 * @example
 * ```ts
 * import { rfmChanges } from 'loyalty-score';
 * const score = (customerId: number, r: number, f: number, m: number) => ({ customerId, r, f, m, cell: `${r}${f}${m}`, segment: null });
 * const bin = { method: 'fixed' as const, thresholds: [], counts: [], bins: 0, scoresUsed: [] };
 * const period = (customers: ReturnType<typeof score>[]) => ({ k: 5, customers, recency: bin, frequency: bin, monetary: bin, segments: [] });
 * const result = rfmChanges(period([score(1, 5, 4, 4), score(2, 3, 3, 3)]), period([score(1, 2, 4, 4), score(2, 3, 3, 2)]));
 * result.slipping; // => [1]
 * result.changes[0]?.drops; // => ['r']
 * ```
 */
export function rfmChanges(before: ScoreRfmResult, after: ScoreRfmResult, options: RfmChangesOptions = {}): RfmChangesResult {
  rejectUnknownKeys(options, RFM_CHANGES_OPTION_KEYS, 'options', 'rfmChanges');
  const threshold = options.dropThreshold ?? 2;
  if (!Number.isInteger(threshold) || threshold < 1) invalidOption('dropThreshold', 'expected a positive integer');
  const watch = options.watch ?? NAMES;
  if (!Array.isArray(watch) || !watch.every((w) => NAMES.includes(w))) {
    invalidOption('watch', "expected a list of 'r', 'f' and 'm'");
  }
  const reveal = options.revealValues === true;
  checkScores(before, 'before', reveal);
  checkScores(after, 'after', reveal);
  if (before.k !== after.k) {
    throw new InvalidInputError([
      { code: 'incompatible_scores', path: ['after', 'k'], message: `scores on different scales (k = ${before.k} before, ${after.k} after)` },
    ]);
  }

  const earlier = new Map<CustomerId, RfmScore>();
  for (const s of before.customers) earlier.set(s.customerId, s);
  const changes: RfmChange[] = [];
  const added: CustomerId[] = [];
  const seen = new Set<CustomerId>();
  const moves = new Map<string, { from: string | null; to: string | null; count: number }>();
  const slipping: { id: CustomerId; drop: number; order: number }[] = [];
  for (const a of after.customers) {
    const b = earlier.get(a.customerId);
    if (b === undefined) {
      added.push(a.customerId);
      continue;
    }
    seen.add(a.customerId);
    const delta = { r: a.r - b.r, f: a.f - b.f, m: a.m - b.m };
    const drops = NAMES.filter((d) => watch.includes(d) && -delta[d] >= threshold);
    const change: RfmChange = {
      customerId: a.customerId,
      before: b,
      after: a,
      dr: delta.r,
      df: delta.f,
      dm: delta.m,
      drops,
      slipping: drops.length > 0,
    };
    if (change.slipping) {
      slipping.push({ id: a.customerId, drop: drops.reduce((sum, d) => sum - delta[d], 0), order: changes.length });
    }
    changes.push(change);
    const key = JSON.stringify([b.segment, a.segment]);
    const move = moves.get(key);
    if (move) move.count++;
    else moves.set(key, { from: b.segment, to: a.segment, count: 1 });
  }
  const missing = before.customers.filter((s) => !seen.has(s.customerId)).map((s) => s.customerId);
  slipping.sort((x, y) => y.drop - x.drop || x.order - y.order);
  const segmentMoves = [...moves.values()].sort((x, y) => y.count - x.count);
  return { changes, slipping: slipping.map((s) => s.id), added, missing, segmentMoves };
}

/** Checks that `res` looks like a `scoreRfm` result: k, and one valid score per customer. */
function checkScores(res: ScoreRfmResult, name: 'before' | 'after', reveal: boolean): void {
  if (res === null || typeof res !== 'object' || !Array.isArray(res.customers)) {
    throw new InvalidInputError([{ code: 'invalid_type', path: [name], message: 'expected a scoreRfm result' }]);
  }
  const k = res.k;
  if (!Number.isInteger(k) || k < 2 || k > 9) {
    throw new InvalidInputError([{ code: 'invalid_type', path: [name, 'k'], message: 'expected a scoreRfm result with k from 2 to 9' }]);
  }
  const seen = new Set<CustomerId>();
  res.customers.forEach((s, i) => {
    for (const d of NAMES) {
      const v: unknown = s?.[d];
      if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= k)) {
        throw new InvalidInputError([
          { code: 'invalid_score', path: [name, i, d], ...customerOf(s?.customerId, reveal), message: `expected an integer score from 1 to ${k}` },
        ]);
      }
    }
    if (seen.has(s.customerId)) {
      throw new InvalidInputError([
        { code: 'duplicate_customer', path: [name, i, 'customerId'], ...customerOf(s.customerId, reveal), message: 'appears more than once' },
      ]);
    }
    seen.add(s.customerId);
  });
}

/** The option names of {@link RfmChangesOptions}. @internal */
export const RFM_CHANGES_OPTION_KEYS: KeyList<RfmChangesOptions> = {
  dropThreshold: true,
  watch: true,
  revealValues: true,
};
