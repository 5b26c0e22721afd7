import { invalidOption } from '../errors/InvalidInputError.js';
import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { TIERS, type Tier } from '../tiers/types.js';
import type { CustomerId } from '../transactions/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link clvDistribution}. */
export interface ClvDistributionOptions {
  /**
   * Most equal-width bins from 0 to the `clip` quantile (their width is rounded up to 1, 2 or 5 times a power of ten); larger values share one open last bin.
   * @defaultValue `20`
   */
  readonly bins?: number;
  /**
   * Quantile (0..1] of the CLV where the even bins stop, so that a few very large values do not squeeze the rest into one bar.
   * @defaultValue `0.99`
   */
  readonly clip?: number;
}

/** One bin of {@link clvDistribution}. */
export interface ClvBin {
  /** Lower edge, currency units (inclusive). */
  readonly from: number;
  /** Upper edge, currency units (exclusive; `Infinity` for the open last bin). The even bins may run a little past the `clip` quantile. */
  readonly to: number;
  readonly customers: number;
}

/**
 * The distribution of lifetime value: customers per CLV bin, equal round widths from 0 past the
 * 99th percentile and an open bin above them (negative values, possible with a negative margin, fall
 * in the first bin). Units: currency over the scoring horizon. Cost: O(n log n) (one sort for the quantile).
 *
 * @param clv - Lifetime values (e.g. `scores.columns.clv`).
 * @param options - See {@link ClvDistributionOptions}.
 * @returns Bins in ascending order; their counts sum to the number of values.
 * @throws {InvalidInputError} When an option is out of range or a value is not finite.
 * @example
 * ```ts
 * import { clvDistribution } from 'loyalty-score';
 * const bins = clvDistribution([0, 1, 2, 3, 100], { bins: 3, clip: 0.75 });
 * bins.map((b) => [b.from, b.to, b.customers]); // => [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, Infinity, 2]]
 * ```
 */
export function clvDistribution(clv: ArrayLike<number>, options: ClvDistributionOptions = {}): ClvBin[] {
  rejectUnknownKeys(options, CLV_DISTRIBUTION_OPTION_KEYS, 'options', 'clvDistribution');
  const bins = options.bins ?? 20;
  const clip = options.clip ?? 0.99;
  if (!(Number.isInteger(bins) && bins >= 1)) invalidOption('bins', 'expected a whole number >= 1');
  if (!(clip > 0 && clip <= 1)) invalidOption('clip', 'expected a number in (0, 1]');
  const n = clv.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = clv[i]!;
    if (!Number.isFinite(v)) invalidOption('clv', `value ${i} is not a finite number`, 'not_finite');
    sorted[i] = v;
  }
  sorted.sort();
  const top = n > 0 ? Math.max(sorted[Math.min(n - 1, Math.max(0, Math.ceil(clip * n) - 1))]!, 0) : 0;
  // Round widths (1, 2 or 5 times a power of ten) of at least top / bins: at most `bins` bins.
  const step = top > 0 ? niceStep(top / bins) : 1;
  let width = step > 0 ? step : top;
  let used = top > 0 ? Math.max(1, Math.ceil(top / width - 1e-9)) : bins;
  // Subnormal tops have no representable round width (10^-324 is 0): one bin of width top then.
  if (used > bins) {
    width = top;
    used = 1;
  }
  const edge = used * width;
  const counts = new Float64Array(used + 1);
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    counts[v >= edge && top > 0 ? used : Math.max(0, Math.min(used - 1, Math.floor(v / width)))]!++;
  }
  const out: ClvBin[] = [];
  for (let b = 0; b < used; b++) out.push({ from: b * width, to: (b + 1) * width, customers: counts[b]! });
  out.push({ from: edge, to: Infinity, customers: counts[used]! });
  return out;
}

/** The smallest 1, 2 or 5 times a power of ten that is >= x > 0. */
function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  if (!(power > 0 && Number.isFinite(power))) return x;
  for (const m of [1, 2, 5, 10]) if (m * power >= x * (1 - 1e-12)) return Number((m * power).toPrecision(12));
  return 10 * power;
}

/** One group of {@link clvByGroup}. */
export interface ClvGroup {
  /** The tier (`'A'`..`'D'`) or RFM segment. */
  readonly group: string;
  readonly customers: number;
  /** Sum of the group's lifetime values, currency units. */
  readonly totalClv: number;
  /** Mean lifetime value per customer, currency units; `null` for an empty group. */
  readonly meanClv: number | null;
}

/**
 * Lifetime value by tier or by RFM segment: customers, total and mean CLV of each group, in
 * tier order or the segment table's order. Cost: O(n).
 *
 * @param scores - A {@link scoreCustomers} result.
 * @param by - `'tier'` or `'segment'`.
 * @returns One row per tier or segment.
 * @throws {InvalidInputError} When `by` is neither.
 * @example
 * ```ts
 * import { clvByGroup, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * clvByGroup(scores, 'tier').map((g) => g.group); // => ['A', 'B', 'C', 'D']
 * clvByGroup(scores, 'segment').reduce((s, g) => s + g.customers, 0); // => 300
 * ```
 */
export function clvByGroup(scores: CustomerScores, by: 'tier' | 'segment'): ClvGroup[] {
  if (by !== 'tier' && by !== 'segment') invalidOption('by', "expected 'tier' or 'segment'");
  const { tiers, rfm, clv } = scores.columns;
  const names: readonly string[] = by === 'tier' ? TIERS : rfm.segmentNames;
  const index: ArrayLike<number> = by === 'tier' ? tiers.tier : rfm.segmentIndex;
  const count = new Float64Array(names.length);
  const total = new Float64Array(names.length);
  for (let i = 0; i < scores.length; i++) {
    const g = index[i]!;
    if (g < 0) continue;
    count[g]!++;
    total[g]! += clv[i]!;
  }
  return names.map((group, g) => ({ group, customers: count[g]!, totalClv: total[g]!, meanClv: count[g]! > 0 ? total[g]! / count[g]! : null }));
}

/** One row of {@link topCustomers}. */
export interface TopCustomer {
  readonly customerId: CustomerId;
  readonly tier: Tier;
  readonly segment: string | null;
  /** Observed revenue, currency units. */
  readonly revenue: number;
  /** Probability of being active at the as-of date, 0..1. */
  readonly pAlive: number;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: number;
  /** Lifetime value over the horizon, currency units. */
  readonly clv: number;
}

/**
 * The customers with the highest lifetime value (ties by tier rank), with tier, segment,
 * revenue, P(alive), expected purchases and CLV. Cost: O(n log count).
 *
 * @param scores - A {@link scoreCustomers} result.
 * @param count - How many customers, a whole number >= 0. @defaultValue `10`
 * @returns At most `count` rows, highest CLV first.
 * @throws {InvalidInputError} When `count` is not a whole number >= 0.
 * @example
 * ```ts
 * import { scoreCustomers, simulateTransactions, topCustomers } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * const top = topCustomers(scores, 3);
 * top.length; // => 3
 * top[0].clv === Math.max(...scores.columns.clv); // => true
 * ```
 */
export function topCustomers(scores: CustomerScores, count = 10): TopCustomer[] {
  if (!(Number.isInteger(count) && count >= 0)) invalidOption('count', 'expected a whole number >= 0');
  const { clv, tiers } = scores.columns;
  const better = (a: number, b: number): boolean => clv[a]! > clv[b]! || (clv[a] === clv[b] && tiers.rank[a]! < tiers.rank[b]!);
  const top: number[] = [];
  for (let i = 0; i < scores.length && count > 0; i++) {
    if (top.length === count && !better(i, top[count - 1]!)) continue;
    let j = top.length === count ? count - 1 : top.length;
    if (top.length < count) top.push(i);
    while (j > 0 && better(i, top[j - 1]!)) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = i;
  }
  const c = scores.columns;
  return top.map((i) => ({
    customerId: c.summary.customerIds[i]!,
    tier: TIERS[tiers.tier[i]!]!,
    segment: c.rfm.segment(i),
    revenue: c.summary.revenue[i]!,
    pAlive: c.pAlive[i]!,
    expectedPurchases: c.expectedPurchases[i]!,
    clv: clv[i]!,
  }));
}

const CLV_DISTRIBUTION_OPTION_KEYS: KeyList<ClvDistributionOptions> = { bins: true, clip: true };
