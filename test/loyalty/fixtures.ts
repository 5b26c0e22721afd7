import { dayFromIso, isoFromDay } from '../../src/time/days.js';
import type { TransactionInput } from '../../src/transactions/types.js';
import type { BehaviourSignals } from '../../src/loyalty/types.js';

/** Purchase rows of one customer: the first on `first`, then after each gap (days). */
export function visits(
  customerId: string | number,
  first: string,
  gaps: readonly number[],
  amount: number | ((k: number) => number),
  extra: (k: number) => Partial<TransactionInput> = () => ({}),
): TransactionInput[] {
  const rows: TransactionInput[] = [];
  let d = dayFromIso(first);
  for (let k = 0; k <= gaps.length; k++) {
    if (k > 0) d += gaps[k - 1]!;
    rows.push({ customerId, date: isoFromDay(d), amount: typeof amount === 'number' ? amount : amount(k), ...extra(k) });
  }
  return rows;
}

/** `n` copies of `x`. */
export function repeat(n: number, x: number): number[] {
  return Array.from({ length: n }, () => x);
}

/** A complete behaviour record (every signal present), overridable. */
export function fullBehaviour(over: Partial<BehaviourSignals> = {}): BehaviourSignals {
  return {
    purchases: 6,
    tenureDays: 200,
    daysSinceLastPurchase: 20,
    meanGapDays: 36,
    recencyRatio: 0.56,
    gapCv: 0.3,
    spendTrend: 0.05,
    totalSpend: 600,
    promoShare: 0.1,
    discountDepth: 0.02,
    ...over,
  };
}

/** Every attitude item on 1..5 set to `v`, with the loyal direction (reversed items get 6 - v). */
export function attitudeAll(v: number) {
  return {
    scale: { min: 1, max: 5 },
    satisfaction: v,
    repurchaseIntention: v,
    recommendLikelihood: v,
    competitorAppeal: 6 - v,
    qualityTolerance: v,
    priceSensitivity: 6 - v,
    decisionTime: 6 - v,
  };
}

/** Full context, neutral unless overridden. */
export function contextAll(over: { hasAlternatives?: boolean; switchingCost?: number; convenience?: number } = {}) {
  return { scale: { min: 1, max: 5 }, hasAlternatives: true, switchingCost: 3, convenience: 3, ...over };
}
