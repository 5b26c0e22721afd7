import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { customerOf, type InputIssue } from '../errors/issues.js';
import { notFiniteIssue } from '../summary/summaryInput.js';
import type { CustomerId } from '../transactions/types.js';
import { rankOrder } from './rankOrder.js';
import { tierCounts } from './tierCounts.js';
import { resolveTierOptions, type AssignTiersOptions, type ResolvedTierOptions } from './tierOptions.js';
import { TIERS, type Tier, type TierBasis, type TierCounts, type TierShares, type TierTieRule } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link assignTierColumns}. */
export interface AssignTierColumnsOptions extends AssignTiersOptions {
  /**
   * What the value column holds. It changes only how a `NaN` is reported: under `'profit'` a
   * `NaN` is a customer without cost (code `missing_profit`, as `assignTiers` reports a summary
   * whose profit is `null`); under `'revenue'` it is a value that is not finite.
   * @defaultValue `'revenue'`
   */
  by?: TierBasis;
  /**
   * The customers' ids, one per value, used only to name customers in issues and error messages
   * under `revealValues: true` (issue paths hold the index either way). Ties are broken by index, never by these ids.
   * @defaultValue none: messages name the index
   */
  customerIds?: readonly CustomerId[];
}

/**
 * ABCD tiers by column: customer `i` of the value column is entry `i` of every array. The same
 * ranks, tiers and counts that `assignTiers` gives the same customers when their summaries come
 * in `compareCustomerIds` order.
 */
export interface TierColumns {
  /** Number of customers. */
  readonly length: number;
  /** What the values were, as given in the options. */
  readonly by: TierBasis;
  readonly shares: TierShares;
  readonly ties: TierTieRule;
  /** Tier sizes the rounding rule gives for N customers (see `tierCounts`). */
  readonly quotas: TierCounts;
  /** Tier sizes actually assigned (differ from `quotas` under `'together'` ties or non-positive values). */
  readonly counts: TierCounts;
  /** Each customer's tier as an index into `TIERS`: 0 = A, 1 = B, 2 = C, 3 = D. */
  readonly tier: Uint8Array;
  /** Each customer's 1-based rank: value descending, equal values by index. Unique. */
  readonly rank: Int32Array;
  /** The customer indices in rank order, best first: `order[rank[i] - 1] === i`. */
  readonly order: Uint32Array;
  /**
   * The tier of customer `index`.
   * @throws {RangeError} When `index` is not an integer in 0..length-1.
   */
  tierAt(index: number): Tier;
  /**
   * Percent of customers ranked below customer `index`: `100 (N - rank) / N`.
   * @throws {RangeError} When `index` is not an integer in 0..length-1.
   */
  percentileAt(index: number): number;
}

/**
 * Sorts customers into the ABCD customer pyramid from a column of their values: the columnar
 * form of `assignTiers`, which runs on it.
 *
 * `values[i]` is customer `i`'s revenue or profit (the caller picks the column; `by` says which).
 * Ranking, tier sizes and the treatment of zero and negative values are those of `assignTiers`
 * (docs/tiers.md). Equal values are ordered by index under `ties: 'customerId'`, so with the
 * customers in `compareCustomerIds` order (as the pipeline holds them) the result is exactly
 * that of `assignTiers`. Nothing is built per customer. Cost: O(n) (a stable four-pass radix
 * sort). The column is not modified.
 *
 * @param values - One finite value per customer, in currency units.
 * @param options - See {@link AssignTierColumnsOptions}.
 * @returns Tier indices, ranks, the rank order, quotas and counts.
 * @throws {InvalidInputError} When `values` is not a `Float64Array`, a value is not finite (a
 *   `NaN` under `by: 'profit'`: code `missing_profit`, path `[index, 'profit']`), or an option is invalid.
 *
 * @example
 * ```ts
 * import { assignTierColumns } from 'loyalty-score';
 * const values = Float64Array.from({ length: 1000 }, (_, i) => 1000 - i);
 * const tiers = assignTierColumns(values);
 * tiers.counts; // => { A: 10, B: 40, C: 150, D: 800 }
 * [tiers.tierAt(0), tiers.rank[0], tiers.percentileAt(0)]; // => ['A', 1, 99.9]
 * const tied = assignTierColumns(Float64Array.of(5, 9, 9, 0), { shares: { A: 0.25, B: 0.25, C: 0.25 } });
 * [...tied.rank]; // => [3, 1, 2, 4]
 * ['a', 'b', 'c', 'd'].map((_, i) => tied.tierAt(i)); // => ['C', 'A', 'B', 'D']
 * ```
 */
export function assignTierColumns(values: Float64Array, options: AssignTierColumnsOptions = {}): TierColumns {
  rejectUnknownKeys(options, ASSIGN_TIER_COLUMNS_OPTION_KEYS, 'options', 'assignTierColumns');
  if (!(values instanceof Float64Array)) {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['values'], message: 'expected a Float64Array of values' }]);
  }
  const n = values.length;
  const ids = options.customerIds;
  if (ids !== undefined && (!Array.isArray(ids) || ids.length !== n)) {
    invalidOption('customerIds', `expected an array of ${n} customer ids, one per value`, 'length_mismatch');
  }
  const resolved = resolveTierOptions(options);
  const reveal = options.revealValues === true && ids !== undefined;
  const issues: InputIssue[] = [];
  for (let i = 0; i < n && issues.length < 100; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) continue;
    if (resolved.by === 'profit' && v !== v) {
      issues.push(missingProfitIssue(i, ids?.[i], reveal));
    } else issues.push(notFiniteIssue(i, ids?.[i] as CustomerId, resolved.by, reveal));
  }
  const [first, ...rest] = issues;
  if (first) throw new InvalidInputError([first, ...rest], 'assignTiers');
  return tierColumnsOf(values, resolved);
}

/**
 * The `missing_profit` issue about the customer at `index`: with its id in `customerId` only when
 * `reveal` is true, else named by its index in the message (`customer at index 3`).
 * @internal
 */
export function missingProfitIssue(index: number, id: CustomerId | undefined, reveal: boolean): InputIssue {
  const who = customerOf(id, reveal);
  const subject = who.customerId !== undefined ? 'the customer' : `customer at index ${index}`;
  return { code: 'missing_profit', path: [index, 'profit'], ...who, message: `${subject} has no profit (its records carry no cost); expected summaries with cost to rank by profit` };
}

/**
 * The tiering itself, on finite values and resolved options. Equal values rank in index order,
 * or in the order `sortTies` puts each run of them in (see `rankOrder`).
 * @internal
 */
export function tierColumnsOf(
  values: Float64Array,
  options: ResolvedTierOptions,
  sortTies?: (run: Uint32Array) => void,
): TierColumns {
  const { by, shares, ties } = options;
  const n = values.length;
  const quotas = tierCounts(n, shares);
  const b1 = quotas.A;
  const b2 = b1 + quotas.B;
  const b3 = b2 + quotas.C;
  const { order, hi, lo } = rankOrder(values, sortTies);
  // values come best first, so the positive ones take the first places and the rest go to D
  let positive = 0;
  for (let i = 0; i < n; i++) if ((values[i] as number) > 0) positive++;
  const tier = new Uint8Array(n);
  const rank = new Int32Array(n);
  const tally = [0, 0, 0, 0];
  const together = ties === 'together';
  let previousTier = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    let t = p < b1 ? 0 : p < b2 ? 1 : p < b3 ? 2 : 3;
    // equal keys are equal values
    if (together && p > 0 && hi[p] === hi[p - 1] && lo[p] === lo[p - 1]) t = previousTier;
    if (p >= positive) t = 3;
    previousTier = t;
    tally[t]!++;
    tier[i] = t;
    rank[i] = p + 1;
  }
  const at = (index: number): number => {
    if (!(Number.isInteger(index) && index >= 0 && index < n)) throw new RangeError(`customer index ${index} is outside 0..${n - 1}`);
    return index;
  };
  return {
    length: n,
    by,
    shares,
    ties,
    quotas,
    counts: { A: tally[0]!, B: tally[1]!, C: tally[2]!, D: tally[3]! },
    tier,
    rank,
    order,
    tierAt: (index) => TIERS[tier[at(index)] as number] as Tier,
    percentileAt: (index) => (100 * (n - (rank[at(index)] as number))) / n,
  };
}

/** The option names of {@link AssignTierColumnsOptions}. @internal */
export const ASSIGN_TIER_COLUMNS_OPTION_KEYS: KeyList<AssignTierColumnsOptions> = {
  by: true,
  customerIds: true,
  shares: true,
  ties: true,
  revealValues: true,
};
