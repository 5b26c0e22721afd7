import { classifyValueLoyalty, type ValueLoyaltyGroup } from '../loyalty/classifyValueLoyalty.js';
import type { PyramidLabel, PyramidLevel } from '../loyalty/classifyPyramid.js';
import { LOYALTY_QUADRANT_CODES, LOYALTY_SIGNAL_NAMES, LOYALTY_TYPE_CODES } from '../loyalty/reasonCodes.js';
import type { LoyaltyQuadrant, LoyaltyType, SignalName } from '../loyalty/types.js';
import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { TIERS } from '../tiers/types.js';

const LEVEL_LABELS: readonly PyramidLabel[] = ['no-loyalty', 'preference', 'habitual-satisfaction', 'committed'];

/** One level of {@link loyaltyPyramid}. */
export interface LoyaltyPyramidLevel {
  /** 1 (no loyalty) to 4 (committed). */
  readonly level: PyramidLevel;
  readonly label: PyramidLabel;
  readonly customers: number;
  /** Share of all customers, 0..1. */
  readonly share: number;
}

/**
 * The loyalty pyramid (DOMAIN §6): customers on each level, 1 (no loyalty) to 4 (committed),
 * as the scoring placed them (`classifyPyramid`'s decision table). Cost: O(n).
 *
 * @param scores - A {@link scoreCustomers} result.
 * @returns Levels 1 to 4 with counts and shares.
 * @example
 * ```ts
 * import { loyaltyPyramid, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * const levels = loyaltyPyramid(scores);
 * levels.map((l) => l.label); // => ['no-loyalty', 'preference', 'habitual-satisfaction', 'committed']
 * levels.reduce((s, l) => s + l.customers, 0); // => 300
 * ```
 */
export function loyaltyPyramid(scores: CustomerScores): LoyaltyPyramidLevel[] {
  const level = scores.columns.loyalty.pyramidLevel;
  const count = new Float64Array(5);
  for (let i = 0; i < level.length; i++) count[level[i]!]!++;
  const n = level.length;
  return LEVEL_LABELS.map((label, j) => ({ level: (j + 1) as PyramidLevel, label, customers: count[j + 1]!, share: n > 0 ? count[j + 1]! / n : 0 }));
}

/** One quadrant of {@link loyaltyQuadrant}. */
export interface LoyaltyQuadrantCell {
  readonly quadrant: LoyaltyQuadrant;
  /** Relative attitude of the quadrant (Dick & Basu 1994). */
  readonly attitude: 'high' | 'low';
  /** Repeat patronage of the quadrant. */
  readonly repeat: 'high' | 'low';
  readonly customers: number;
  /** Share of all customers, 0..1. */
  readonly share: number;
  /** Customers per loyalty type inside the quadrant (types with none left out), largest first. */
  readonly types: readonly { readonly type: LoyaltyType; readonly customers: number }[];
}

const AXES: Readonly<Record<LoyaltyQuadrant, { attitude: 'high' | 'low'; repeat: 'high' | 'low' }>> = {
  true: { attitude: 'high', repeat: 'high' },
  latent: { attitude: 'high', repeat: 'low' },
  spurious: { attitude: 'low', repeat: 'high' },
  none: { attitude: 'low', repeat: 'low' },
};

/**
 * The attitude x repeat quadrant (Dick & Basu 1994, DOMAIN §6): customers in true, latent,
 * spurious and no loyalty, with the loyalty types (monopoly, inertia, convenience, price,
 * incentive, …) inside each. Cost: O(n).
 *
 * @param scores - A {@link scoreCustomers} result.
 * @returns The four quadrants in the order true, latent, spurious, none.
 * @example
 * ```ts
 * import { loyaltyQuadrant, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * const q = loyaltyQuadrant(scores);
 * q.map((c) => [c.quadrant, c.attitude, c.repeat]); // => [['true', 'high', 'high'], ['latent', 'high', 'low'], ['spurious', 'low', 'high'], ['none', 'low', 'low']]
 * q.reduce((s, c) => s + c.customers, 0); // => 300
 * ```
 */
export function loyaltyQuadrant(scores: CustomerScores): LoyaltyQuadrantCell[] {
  const { loyaltyQuadrant: quadrant, loyaltyType: type } = scores.columns.loyalty;
  const n = quadrant.length;
  const byType = new Float64Array(LOYALTY_QUADRANT_CODES.length * LOYALTY_TYPE_CODES.length);
  const count = new Float64Array(LOYALTY_QUADRANT_CODES.length);
  for (let i = 0; i < n; i++) {
    count[quadrant[i]!]!++;
    byType[quadrant[i]! * LOYALTY_TYPE_CODES.length + type[i]!]!++;
  }
  return LOYALTY_QUADRANT_CODES.map((q, j) => ({
    quadrant: q,
    ...AXES[q],
    customers: count[j]!,
    share: n > 0 ? count[j]! / n : 0,
    types: LOYALTY_TYPE_CODES.map((t, k) => ({ type: t, customers: byType[j * LOYALTY_TYPE_CODES.length + k]! }))
      .filter((t) => t.customers > 0)
      .sort((a, b) => b.customers - a.customers),
  }));
}

/** One group of {@link valueLoyaltyGroups}. */
export interface ValueLoyaltyGroupCount {
  readonly group: ValueLoyaltyGroup;
  readonly highValue: boolean;
  readonly highLoyalty: boolean;
  readonly customers: number;
  /** Share of all customers, 0..1. */
  readonly share: number;
  /** Lifetime value of the group, currency units. */
  readonly clv: number;
  /** How to treat the group (seed 000), English. */
  readonly strategy: string;
}

const GROUPS: readonly ValueLoyaltyGroup[] = ['high-end', 'potential', 'temporary', 'stranger'];

/**
 * The value x loyalty groups (DOMAIN §7, seed 000): high-end, potential, temporary and
 * strangers, by {@link classifyValueLoyalty} with its defaults (value: tier A or B; loyalty:
 * pyramid level 3 or 4), with each group's customers, CLV and treatment. Cost: O(n).
 *
 * @param scores - A {@link scoreCustomers} result.
 * @returns The four groups in the order high-end, potential, temporary, stranger.
 * @example
 * ```ts
 * import { scoreCustomers, simulateTransactions, valueLoyaltyGroups } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * const groups = valueLoyaltyGroups(scores);
 * groups.map((g) => g.group); // => ['high-end', 'potential', 'temporary', 'stranger']
 * groups.filter((g) => g.highValue).reduce((s, g) => s + g.customers, 0); // => 15
 * ```
 */
export function valueLoyaltyGroups(scores: CustomerScores): ValueLoyaltyGroupCount[] {
  const { tiers, loyalty, clv } = scores.columns;
  // The group depends only on (tier, level): classify the 16 pairs once.
  const groupOf = new Int8Array(4 * 5);
  const strategy = new Map<ValueLoyaltyGroup, string>();
  for (let t = 0; t < 4; t++) {
    for (let level = 1; level <= 4; level++) {
      const r = classifyValueLoyalty({ value: { tier: TIERS[t]! }, loyalty: { level: level as PyramidLevel } });
      groupOf[t * 5 + level] = GROUPS.indexOf(r.group);
      strategy.set(r.group, r.strategy.en);
    }
  }
  const count = new Float64Array(4);
  const value = new Float64Array(4);
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const g = groupOf[tiers.tier[i]! * 5 + loyalty.pyramidLevel[i]!]!;
    count[g]!++;
    value[g]! += clv[i]!;
  }
  return GROUPS.map((group, g) => ({ group, highValue: g === 0 || g === 2, highLoyalty: g < 2, customers: count[g]!, share: n > 0 ? count[g]! / n : 0, clv: value[g]!, strategy: strategy.get(group)! }));
}

/** Result of {@link missingSignalShares}. */
export interface MissingSignalShares {
  /** Customers whose classification missed at least one signal. */
  readonly customersMissingAny: number;
  /** Customers with survey answers. */
  readonly surveyed: number;
  /** Mean confidence of the classification (share of the consulted evidence present), 0..1. */
  readonly meanConfidence: number;
  /** Each signal, in the fixed order of `missingSignals`, with the customers who lacked it. */
  readonly signals: readonly { readonly signal: SignalName; readonly customers: number; readonly share: number }[];
}

/**
 * How much of the loyalty classification rests on missing signals: per signal, the customers
 * whose classification lacked it, and the mean confidence (the share of consulted evidence that
 * was present). Without a survey every attitude signal is missing. Cost: O(n).
 *
 * @param scores - A {@link scoreCustomers} result.
 * @returns Counts per signal, the customers missing any, the surveyed and the mean confidence.
 * @example
 * ```ts
 * import { missingSignalShares, scoreCustomers, simulateTransactions } from 'loyalty-score';
 * const scores = scoreCustomers(simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 1 }), { asOf: '2025-06-30' });
 * const m = missingSignalShares(scores);
 * m.surveyed; // => 0
 * m.signals.find((s) => s.signal === 'attitude.satisfaction')?.customers; // => 300
 * ```
 */
export function missingSignalShares(scores: CustomerScores): MissingSignalShares {
  const { missing, survey, loyaltyConfidence } = scores.columns.loyalty;
  const n = missing.length;
  const count = new Float64Array(LOYALTY_SIGNAL_NAMES.length);
  let any = 0;
  let surveyed = 0;
  let confidence = 0;
  for (let i = 0; i < n; i++) {
    const bits = missing[i]!;
    if (bits !== 0) any++;
    for (let b = 0; b < LOYALTY_SIGNAL_NAMES.length; b++) if (bits & (1 << b)) count[b]!++;
    surveyed += survey[i]!;
    confidence += loyaltyConfidence[i]!;
  }
  return {
    customersMissingAny: any,
    surveyed,
    meanConfidence: n > 0 ? confidence / n : 0,
    signals: LOYALTY_SIGNAL_NAMES.map((signal, b) => ({ signal, customers: count[b]!, share: n > 0 ? count[b]! / n : 0 })),
  };
}
