import type { LoyaltyQuadrant, LoyaltyReasonCode, LoyaltyType, SignalName } from './types.js';

/**
 * Every {@link LoyaltyReasonCode}, in a fixed order: the columnar results
 * ({@link LoyaltyColumns}) store a reason as its position here plus one, five bits a reason
 * (see {@link unpackReasonCodes}).
 */
export const LOYALTY_REASON_CODES: readonly LoyaltyReasonCode[] = [
  'repeat_high',
  'repeat_few',
  'repeat_lapsed',
  'habit_regular_gaps',
  'habit_switching_cost',
  'deal_discount_depth',
  'deal_promo_share',
  'deal_price_sensitive',
  'attitude_strong',
  'attitude_positive',
  'attitude_low',
  'attitude_proxy_positive',
  'attitude_proxy_low',
  'attitude_missing',
  'satisfaction_defection',
  'no_alternatives',
  'convenience_high',
];

/** Positions in {@link LOYALTY_REASON_CODES}. @internal */
export const R_REPEAT_HIGH = 0;
/** @internal */
export const R_REPEAT_FEW = 1;
/** @internal */
export const R_REPEAT_LAPSED = 2;
/** @internal */
export const R_HABIT_GAPS = 3;
/** @internal */
export const R_HABIT_SWITCHING = 4;
/** @internal */
export const R_DEAL_DISCOUNT = 5;
/** @internal */
export const R_DEAL_PROMO = 6;
/** @internal */
export const R_DEAL_PRICE = 7;
/** @internal */
export const R_ATTITUDE_STRONG = 8;
/** @internal */
export const R_ATTITUDE_POSITIVE = 9;
/** @internal */
export const R_ATTITUDE_LOW = 10;
/** @internal */
export const R_PROXY_POSITIVE = 11;
/** @internal */
export const R_PROXY_LOW = 12;
/** @internal */
export const R_ATTITUDE_MISSING = 13;
/** @internal */
export const R_DEFECTION = 14;
/** @internal */
export const R_NO_ALTERNATIVES = 15;
/** @internal */
export const R_CONVENIENCE = 16;

/** Bits a packed reason takes. @internal */
export const REASON_BITS = 5;

/**
 * The reason codes packed in one word of {@link LoyaltyColumns}' `pyramidReasonCodes` or
 * `loyaltyReasonCodes`, in the order the rules state them.
 *
 * Encoding: reason `k` (0-based) of a classification sits in bits `5k` to `5k + 4` of the word,
 * as its position in {@link LOYALTY_REASON_CODES} plus one; the first 5-bit group that is 0 ends
 * the list. A classification gives at most five reasons, so a word uses at most 25 bits.
 *
 * Cost: O(number of reasons).
 *
 * @param word - One entry of a packed reason column (an unsigned 32-bit integer).
 * @returns The codes, first reason first (empty for 0).
 * @example
 * ```ts
 * import { LOYALTY_REASON_CODES, unpackReasonCodes } from 'loyalty-score';
 * // repeat_high (position 0, stored as 1) then habit_regular_gaps (position 3, stored as 4)
 * unpackReasonCodes(1 | (4 << 5)); // => ['repeat_high', 'habit_regular_gaps']
 * LOYALTY_REASON_CODES.indexOf('attitude_missing'); // => 13
 * unpackReasonCodes(0); // => []
 * ```
 */
export function unpackReasonCodes(word: number): LoyaltyReasonCode[] {
  const out: LoyaltyReasonCode[] = [];
  for (let w = word >>> 0; w !== 0; w >>>= REASON_BITS) {
    const code = LOYALTY_REASON_CODES[(w & 31) - 1];
    if (code === undefined) break;
    out.push(code);
  }
  return out;
}

/**
 * Every {@link SignalName}, in bit order: bit `i` of {@link LoyaltyColumns}' `missing` column is
 * set when `LOYALTY_SIGNAL_NAMES[i]` was absent. Also the fixed order of `missingSignals`.
 */
export const LOYALTY_SIGNAL_NAMES: readonly SignalName[] = [
  'behaviour.recencyRatio',
  'behaviour.gapCv',
  'behaviour.spendTrend',
  'behaviour.promoShare',
  'behaviour.discountDepth',
  'attitude.satisfaction',
  'attitude.repurchaseIntention',
  'attitude.recommendLikelihood',
  'attitude.competitorAppeal',
  'attitude.qualityTolerance',
  'attitude.priceSensitivity',
  'attitude.decisionTime',
  'context.hasAlternatives',
  'context.switchingCost',
  'context.convenience',
];

/** Every {@link LoyaltyType}: {@link LoyaltyColumns}' `loyaltyType` column holds positions in this list. */
export const LOYALTY_TYPE_CODES: readonly LoyaltyType[] = ['monopoly', 'inertia', 'convenience', 'price', 'incentive', 'true', 'latent', 'none'];

/** Every {@link LoyaltyQuadrant}: {@link LoyaltyColumns}' `loyaltyQuadrant` column holds positions in this list. */
export const LOYALTY_QUADRANT_CODES: readonly LoyaltyQuadrant[] = ['true', 'latent', 'spurious', 'none'];
