import type { Assessment } from './assessSignals.js';
import {
  REASON_BITS,
  R_ATTITUDE_LOW,
  R_ATTITUDE_MISSING,
  R_ATTITUDE_POSITIVE,
  R_ATTITUDE_STRONG,
  R_CONVENIENCE,
  R_DEAL_DISCOUNT,
  R_DEAL_PRICE,
  R_DEAL_PROMO,
  R_DEFECTION,
  R_HABIT_GAPS,
  R_HABIT_SWITCHING,
  R_NO_ALTERNATIVES,
  R_PROXY_LOW,
  R_PROXY_POSITIVE,
  R_REPEAT_FEW,
  R_REPEAT_HIGH,
  R_REPEAT_LAPSED,
} from './reasonCodes.js';

// The decision tables of docs/loyalty.md, shared by the object classifiers (classifyPyramid,
// classifyLoyaltyType) and the columnar one (classifyLoyaltyColumns). Each returns the matched
// row and the reasons as a packed word (see unpackReasonCodes), allocating nothing.

/** Reason code (position in LOYALTY_REASON_CODES) of the repeat fact. */
function repeatCode(a: Assessment): number {
  return a.lapsed ? R_REPEAT_LAPSED : a.repeatHigh ? R_REPEAT_HIGH : R_REPEAT_FEW;
}

function habitCode(a: Assessment): number {
  return a.habit === 'gaps' ? R_HABIT_GAPS : R_HABIT_SWITCHING;
}

function dealCode(a: Assessment): number {
  return a.deal === 'discount' ? R_DEAL_DISCOUNT : a.deal === 'price' ? R_DEAL_PRICE : R_DEAL_PROMO;
}

function attitudeCode(a: Assessment): number {
  if (a.attitudeScore !== null) return a.attitudeLevel === 'strong' ? R_ATTITUDE_STRONG : a.attitudeLevel === 'positive' ? R_ATTITUDE_POSITIVE : R_ATTITUDE_LOW;
  return a.attitudeLevel === 'positive' ? R_PROXY_POSITIVE : R_PROXY_LOW;
}

/** Appends reason `code` as the `n`-th (0-based) of a packed word. */
function put(word: number, n: number, code: number): number {
  return word | ((code + 1) << (REASON_BITS * n));
}

/** The pyramid level 1..4 (rule P1..P4) of an assessment. @internal */
export function pyramidLevelOf(a: Assessment): 1 | 2 | 3 | 4 {
  if (a.repeatHigh && a.attitudeLevel === 'strong' && a.deal === null) return 4;
  if (a.repeatHigh && a.habit !== null && a.deal === null && !a.defection) return 3;
  return a.attitudeLevel !== 'low' ? 2 : 1;
}

/** The packed reasons of pyramid level `level` for an assessment. @internal */
export function pyramidReasonWord(a: Assessment, level: number): number {
  let w = put(0, 0, repeatCode(a));
  let n = 1;
  if (level === 4) w = put(w, n++, attitudeCode(a));
  else if (level === 3) {
    w = put(w, n++, habitCode(a));
    if (a.attitudeSource === 'survey') w = put(w, n++, attitudeCode(a));
  } else if (level === 2) {
    if (a.deal !== null) w = put(w, n++, dealCode(a));
    else if (a.repeatHigh && a.defection) w = put(w, n++, R_DEFECTION);
    w = put(w, n++, attitudeCode(a));
  } else {
    if (a.deal !== null) w = put(w, n++, dealCode(a));
    if (a.defection) w = put(w, n++, R_DEFECTION);
    w = put(w, n++, attitudeCode(a));
  }
  if (a.attitudeSource === 'behaviour') w = put(w, n, R_ATTITUDE_MISSING);
  return w;
}

/** The loyalty-type rule 1..8 (T1..T8) of an assessment. @internal */
export function loyaltyRuleOf(a: Assessment): 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 {
  const positive = a.attitudeLevel !== 'low';
  if (!a.repeatHigh) return positive ? 7 : 8;
  if (a.noAlternatives) return 1;
  if (a.deal === 'discount' || a.deal === 'price') return 2;
  if (a.deal === 'promo') return 3;
  if (positive) return 4;
  return a.convenienceHigh ? 5 : 6;
}

/** The packed reasons of loyalty-type rule `rule` (1..8) for an assessment. @internal */
export function loyaltyReasonWord(a: Assessment, rule: number): number {
  let w = put(0, 0, repeatCode(a));
  let n = 1;
  switch (rule) {
    case 1:
      w = put(w, n++, R_NO_ALTERNATIVES);
      break;
    case 2:
    case 3:
      w = put(w, n++, dealCode(a));
      break;
    case 5:
      w = put(w, n++, attitudeCode(a));
      w = put(w, n++, R_CONVENIENCE);
      break;
    case 6:
      w = put(w, n++, attitudeCode(a));
      if (a.defection) w = put(w, n++, R_DEFECTION);
      if (a.habit !== null) w = put(w, n++, habitCode(a));
      break;
    default: // 4, 7, 8
      w = put(w, n++, attitudeCode(a));
  }
  if (a.attitudeSource === 'behaviour') w = put(w, n, R_ATTITUDE_MISSING);
  return w;
}
