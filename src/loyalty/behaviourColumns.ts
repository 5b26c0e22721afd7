import type { BehaviourSignals, LoyaltySignals } from './types.js';

/**
 * The behaviour signals of many customers by column: one typed array per signal, customer `i`
 * at index `i` of each (the column form of {@link BehaviourSignals}, which
 * {@link classifyLoyaltyColumns} reads). Durations in days, spend in currency units.
 *
 * `NaN` stands for `null` ("does not apply") in `meanGapDays`, `recencyRatio`, `gapCv` and
 * `spendTrend`, and for an absent value in `promoShare` and `discountDepth`; those two are
 * `null` as a whole when the transactions have no such column. Columns made from hand-built
 * signals can mark other signals as absent (unknown) with the optional `absent` bit set.
 */
export interface BehaviourColumns {
  /** Number of customers; every column has this length. */
  readonly length: number;
  /** Distinct purchase days, integer `>= 0` (`>= 1` when derived from transactions). */
  readonly purchases: Float64Array;
  /** Days from the first purchase to the as-of date. */
  readonly tenureDays: Float64Array;
  /** Days from the last purchase to the as-of date. */
  readonly daysSinceLastPurchase: Float64Array;
  /** Mean days between purchase days; `NaN` = null (fewer than 2 purchases). */
  readonly meanGapDays: Float64Array;
  /** Days since the last purchase over the mean gap; `NaN` = null (fewer than 2 purchases). */
  readonly recencyRatio: Float64Array;
  /** Coefficient of variation of the gaps; `NaN` = null (fewer than 3 purchases). */
  readonly gapCv: Float64Array;
  /** Spend trend in [-1, 1]; `NaN` = null (fewer than 2 purchases). */
  readonly spendTrend: Float64Array;
  /** Net spend, returns included. */
  readonly totalSpend: Float64Array;
  /** Promotion share in [0, 1]; `NaN` = absent for that customer; `null` = no column at all. */
  readonly promoShare: Float64Array | null;
  /** Mean discount depth in [0, 1]; `NaN` = absent for that customer; `null` = no column at all. */
  readonly discountDepth: Float64Array | null;
  /**
   * Which of the other signals are absent (unknown, `undefined` in the object form) for each
   * customer, as bits (see {@link ABSENT_BITS}); the column value is then ignored. Absent or
   * `null`: every one of them is known (the case of signals derived from transactions).
   */
  readonly absent?: Uint8Array | null;
}

/**
 * The bits of {@link BehaviourColumns}' `absent` column: bit `i` set means the signal
 * `ABSENT_BITS[i]` is absent for that customer.
 */
export const ABSENT_BITS = ['tenureDays', 'daysSinceLastPurchase', 'meanGapDays', 'recencyRatio', 'gapCv', 'spendTrend', 'totalSpend'] as const;

/** @internal */
export const ABSENT_TENURE = 1;
/** @internal */
export const ABSENT_SINCE = 2;
/** @internal */
export const ABSENT_MEAN_GAP = 4;
/** @internal */
export const ABSENT_RECENCY_RATIO = 8;
/** @internal */
export const ABSENT_GAP_CV = 16;
/** @internal */
export const ABSENT_SPEND_TREND = 32;
/** @internal */
export const ABSENT_TOTAL_SPEND = 64;

/**
 * Puts the behaviour signals of many customers into columns, in input order: `null` becomes
 * `NaN`, an absent signal sets its bit of `absent` (`promoShare` and `discountDepth`: `NaN`,
 * and their column is `null` when no customer has the signal). Only `behaviour` is read;
 * attitude and context answers go to {@link classifyLoyaltyColumns} through its `answers` option.
 * The signals are not validated here ({@link classifyLoyaltyColumns} checks the columns).
 *
 * Cost: O(n); 8 bytes per customer per column.
 *
 * @param signals - Each customer's {@link LoyaltySignals} (or `{ behaviour }`).
 * @returns The columns, customer `i` at index `i`.
 * @example
 * ```ts
 * import { behaviourColumnsFromSignals } from 'loyalty-score';
 * const cols = behaviourColumnsFromSignals([
 *   { behaviour: { purchases: 6, tenureDays: 300, recencyRatio: 0.5, gapCv: 0.2, spendTrend: 0.1, promoShare: 0.25 } },
 *   { behaviour: { purchases: 1, tenureDays: 40, meanGapDays: null, recencyRatio: null, gapCv: null, spendTrend: null } },
 * ]);
 * cols.length; // => 2
 * Array.from(cols.recencyRatio); // => [0.5, NaN]
 * Array.from(cols.promoShare ?? []); // => [0.25, NaN]
 * cols.discountDepth; // => null
 * // absent: daysSinceLastPurchase (2), meanGapDays (4, only the first) and totalSpend (64)
 * Array.from(cols.absent ?? []); // => [70, 66]
 * ```
 */
export function behaviourColumnsFromSignals(signals: readonly LoyaltySignals[]): BehaviourColumns {
  const n = signals.length;
  const purchases = new Float64Array(n);
  const tenureDays = new Float64Array(n);
  const daysSinceLastPurchase = new Float64Array(n);
  const meanGapDays = new Float64Array(n);
  const recencyRatio = new Float64Array(n);
  const gapCv = new Float64Array(n);
  const spendTrend = new Float64Array(n);
  const totalSpend = new Float64Array(n);
  const promo = new Float64Array(n);
  const depth = new Float64Array(n);
  const absent = new Uint8Array(n);
  let anyAbsent = false;
  let anyPromo = false;
  let anyDepth = false;
  for (let i = 0; i < n; i++) {
    const b = signals[i]!.behaviour;
    purchases[i] = b.purchases;
    let bits = 0;
    bits |= put(tenureDays, i, b.tenureDays, ABSENT_TENURE);
    bits |= put(daysSinceLastPurchase, i, b.daysSinceLastPurchase, ABSENT_SINCE);
    bits |= put(meanGapDays, i, b.meanGapDays, ABSENT_MEAN_GAP);
    bits |= put(recencyRatio, i, b.recencyRatio, ABSENT_RECENCY_RATIO);
    bits |= put(gapCv, i, b.gapCv, ABSENT_GAP_CV);
    bits |= put(spendTrend, i, b.spendTrend, ABSENT_SPEND_TREND);
    bits |= put(totalSpend, i, b.totalSpend, ABSENT_TOTAL_SPEND);
    absent[i] = bits;
    if (bits !== 0) anyAbsent = true;
    if (b.promoShare === undefined) promo[i] = Number.NaN;
    else (promo[i] = b.promoShare), (anyPromo = true);
    if (b.discountDepth === undefined) depth[i] = Number.NaN;
    else (depth[i] = b.discountDepth), (anyDepth = true);
  }
  return {
    length: n,
    purchases,
    tenureDays,
    daysSinceLastPurchase,
    meanGapDays,
    recencyRatio,
    gapCv,
    spendTrend,
    totalSpend,
    promoShare: anyPromo ? promo : null,
    discountDepth: anyDepth ? depth : null,
    absent: anyAbsent ? absent : null,
  };
}

/** Writes one signal (`null` as NaN); its absent bit when absent. */
function put(col: Float64Array, i: number, v: number | null | undefined, bit: number): number {
  if (v === undefined) {
    col[i] = Number.NaN;
    return bit;
  }
  col[i] = v === null ? Number.NaN : v;
  return 0;
}

/**
 * The behaviour signals of customer `index` of a {@link BehaviourColumns} as an object, the
 * inverse of {@link behaviourColumnsFromSignals}: `NaN` becomes `null` (or, for `promoShare` and
 * `discountDepth`, leaves the field out), and signals marked absent are left out. For columns
 * made by {@link deriveBehaviourColumns} it equals what {@link deriveBehaviourSignals} returns
 * for that customer.
 *
 * Cost: O(1); one object.
 *
 * @param columns - The columns.
 * @param index - The customer's position, `0 <= index < columns.length`.
 * @returns The customer's {@link BehaviourSignals}.
 * @throws `RangeError` when `index` is not a position of the columns.
 * @example
 * ```ts
 * import { behaviourColumnsFromSignals, behaviourSignalsAt } from 'loyalty-score';
 * const behaviour = { purchases: 1, tenureDays: 40, daysSinceLastPurchase: 40, meanGapDays: null, recencyRatio: null, gapCv: null, spendTrend: null, totalSpend: 25 };
 * const cols = behaviourColumnsFromSignals([{ behaviour }]);
 * behaviourSignalsAt(cols, 0); // => { purchases: 1, tenureDays: 40, daysSinceLastPurchase: 40, meanGapDays: null, recencyRatio: null, gapCv: null, spendTrend: null, totalSpend: 25 }
 * ```
 */
export function behaviourSignalsAt(columns: BehaviourColumns, index: number): BehaviourSignals {
  if (!(Number.isInteger(index) && index >= 0 && index < columns.length)) throw new RangeError(`index ${index} is not a customer position (0 to ${columns.length - 1})`);
  const purchases = columns.purchases[index]!;
  const absent = columns.absent ? columns.absent[index]! : 0;
  const ps = columns.promoShare === null ? Number.NaN : columns.promoShare[index]!;
  const dd = columns.discountDepth === null ? Number.NaN : columns.discountDepth[index]!;
  if (absent === 0) {
    const tenureDays = columns.tenureDays[index]!;
    const daysSinceLastPurchase = columns.daysSinceLastPurchase[index]!;
    const meanGapDays = orNull(columns.meanGapDays[index]!);
    const recencyRatio = orNull(columns.recencyRatio[index]!);
    const gapCv = orNull(columns.gapCv[index]!);
    const spendTrend = orNull(columns.spendTrend[index]!);
    const totalSpend = columns.totalSpend[index]!;
    // One literal per combination of the optional signals, so that each object is allocated at
    // its final size (adding a property later allocates a second backing store, per customer).
    if (ps === ps) {
      if (dd === dd) return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend, totalSpend, promoShare: ps, discountDepth: dd };
      return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend, totalSpend, promoShare: ps };
    }
    if (dd === dd) return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend, totalSpend, discountDepth: dd };
    return { purchases, tenureDays, daysSinceLastPurchase, meanGapDays, recencyRatio, gapCv, spendTrend, totalSpend };
  }
  const out: { -readonly [K in keyof BehaviourSignals]: BehaviourSignals[K] } = { purchases };
  if ((absent & ABSENT_TENURE) === 0) out.tenureDays = columns.tenureDays[index]!;
  if ((absent & ABSENT_SINCE) === 0) out.daysSinceLastPurchase = columns.daysSinceLastPurchase[index]!;
  if ((absent & ABSENT_MEAN_GAP) === 0) out.meanGapDays = orNull(columns.meanGapDays[index]!);
  if ((absent & ABSENT_RECENCY_RATIO) === 0) out.recencyRatio = orNull(columns.recencyRatio[index]!);
  if ((absent & ABSENT_GAP_CV) === 0) out.gapCv = orNull(columns.gapCv[index]!);
  if ((absent & ABSENT_SPEND_TREND) === 0) out.spendTrend = orNull(columns.spendTrend[index]!);
  if ((absent & ABSENT_TOTAL_SPEND) === 0) out.totalSpend = columns.totalSpend[index]!;
  if (ps === ps) out.promoShare = ps;
  if (dd === dd) out.discountDepth = dd;
  return out;
}

function orNull(v: number): number | null {
  return v === v ? v : null;
}
