import type { Assessment } from './assessSignals.js';
import { thresholdText, type ResolvedThresholds } from './thresholds.js';
import {
  LOYALTY_REASON_CODES,
  REASON_BITS,
  R_ATTITUDE_LOW,
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
import type { LoyaltyReason } from './types.js';

/**
 * Two decimals, for messages: the same text as `String(Math.round(x * 100) / 100)`, built from
 * integers (number-to-string of fractions is slow, and messages are written for every customer).
 * @internal
 */
export function fmt(x: number): string {
  const n = Math.round(x * 100);
  if (!(Math.abs(n) < 1e15)) return String(n / 100);
  const m = n < 0 ? -n : n;
  const whole = Math.floor(m / 100);
  const cents = m - whole * 100;
  const sign = n < 0 ? '-' : '';
  if (cents === 0) return sign + whole;
  return sign + whole + (cents % 10 === 0 ? '.' + cents / 10 : cents < 10 ? '.0' + cents : '.' + cents);
}

/**
 * The English sentence of reason `code` (a position in {@link LOYALTY_REASON_CODES}) for an
 * assessment; only for reasons that the decision tables (decide.ts) give for it. @internal
 */
export function reasonMessage(a: Assessment, t: ResolvedThresholds, code: number): string {
  const r = a.repeats;
  switch (code) {
    case R_REPEAT_FEW:
      return `Low repeat patronage: ${r} repeat purchase${r === 1 ? '' : 's'}, fewer than the ${thresholdText(t, 'minRepeatPurchases')} needed.`;
    case R_REPEAT_LAPSED:
      return `Low repeat patronage: ${r} repeat purchases, but silent for ${fmt(a.recencyRatio!)} usual gaps (more than ${thresholdText(t, 'maxRecencyRatio')}): lapsed.`;
    case R_REPEAT_HIGH:
      return a.recencyRatio !== null
        ? `High repeat patronage: ${r} repeat purchases and last seen ${fmt(a.recencyRatio)} usual gaps ago (at most ${thresholdText(t, 'maxRecencyRatio')}).`
        : `High repeat patronage: ${r} repeat purchases (recency against the purchase rhythm unknown).`;
    case R_HABIT_GAPS:
      return `Buys by habit: gap variation ${fmt(a.gapCv!)} is at most ${thresholdText(t, 'maxHabitGapCv')}.`;
    case R_HABIT_SWITCHING:
      return `Held by switching costs: ${fmt(a.switchingCost!)} of the scale (at least ${thresholdText(t, 'highAnswer')}).`;
    case R_DEAL_DISCOUNT:
      return `Price-driven: mean discount depth ${fmt(a.dealValue)} (at least ${thresholdText(t, 'dealDiscountDepth')}).`;
    case R_DEAL_PRICE:
      return `Price-driven: price sensitivity ${fmt(a.dealValue)} of the scale (at least ${thresholdText(t, 'highAnswer')}).`;
    case R_DEAL_PROMO:
      return `Incentive-driven: ${fmt(a.dealValue)} of purchases on promotion or reward (at least ${thresholdText(t, 'dealPromoShare')}).`;
    case R_ATTITUDE_STRONG:
      return `Strong attitude: ${surveyScore(a)} (at least ${thresholdText(t, 'strongAttitude')}).`;
    case R_ATTITUDE_POSITIVE:
      return `Positive attitude: ${surveyScore(a)} (at least ${thresholdText(t, 'positiveAttitude')}).`;
    case R_ATTITUDE_LOW:
      return `Low attitude: ${surveyScore(a)} (below ${thresholdText(t, 'positiveAttitude')}).`;
    case R_PROXY_POSITIVE:
      return `No survey answers; attitude read from behaviour as positive: came back, spend trend ${fmt(a.spendTrend!)} (at least ${thresholdText(t, 'minSpendTrend')}), not deal-driven.`;
    case R_PROXY_LOW: {
      const why =
        a.repeats < 1
          ? 'never came back'
          : a.spendTrend === null
            ? 'spend trend unknown'
            : a.spendTrend < t.minSpendTrend
              ? `spend trend ${fmt(a.spendTrend)} below ${thresholdText(t, 'minSpendTrend')}`
              : 'deal-driven';
      return `No survey answers; attitude read from behaviour as low: ${why}.`;
    }
    case R_DEFECTION:
      return `Satisfaction ${fmt(a.satisfaction!)} of the scale is in the defection zone (below ${thresholdText(t, 'defectionBelow')}).`;
    case R_NO_ALTERNATIVES:
      return 'No real alternative supplier is available.';
    case R_CONVENIENCE:
      return `Convenience ${fmt(a.convenience!)} of the scale (at least ${thresholdText(t, 'highAnswer')}).`;
    default: // R_ATTITUDE_MISSING
      return 'Attitude is inferred, not measured: add survey answers to confirm it (the committed level needs them).';
  }
}

function surveyScore(a: Assessment): string {
  return `survey score ${fmt(a.attitudeScore!)} from ${a.answers} answer${a.answers === 1 ? '' : 's'}`;
}

/** The reasons of a packed word (decide.ts) as `{ code, message }`. @internal */
export function explainWord(a: Assessment, t: ResolvedThresholds, word: number): LoyaltyReason[] {
  let n = 0;
  for (let w = word; w !== 0; w >>>= REASON_BITS) n++;
  const out = new Array<LoyaltyReason>(n);
  for (let w = word, j = 0; w !== 0; w >>>= REASON_BITS, j++) {
    const code = (w & 31) - 1;
    out[j] = { code: LOYALTY_REASON_CODES[code]!, message: reasonMessage(a, t, code) };
  }
  return out;
}
