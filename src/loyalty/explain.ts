import type { Assessment } from './assessSignals.js';
import { thresholdText, type ResolvedThresholds } from './thresholds.js';
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

/** The facts a reason can state. @internal */
export type ReasonTopic = 'repeat' | 'habit' | 'deal' | 'attitude' | 'defection' | 'alternatives' | 'convenience' | 'attitudeMissing';

/** Writes the reason for one fact of an assessment (only for facts that hold). @internal */
export function explain(a: Assessment, t: ResolvedThresholds, topic: ReasonTopic): LoyaltyReason {
  switch (topic) {
    case 'repeat': {
      const r = a.repeats;
      if (!a.repeatHigh && !a.lapsed) {
        return { code: 'repeat_few', message: `Low repeat patronage: ${r} repeat purchase${r === 1 ? '' : 's'}, fewer than the ${thresholdText(t, 'minRepeatPurchases')} needed.` };
      }
      if (a.lapsed) {
        return {
          code: 'repeat_lapsed',
          message: `Low repeat patronage: ${r} repeat purchases, but silent for ${fmt(a.recencyRatio!)} usual gaps (more than ${thresholdText(t, 'maxRecencyRatio')}): lapsed.`,
        };
      }
      return {
        code: 'repeat_high',
        message:
          a.recencyRatio !== null
            ? `High repeat patronage: ${r} repeat purchases and last seen ${fmt(a.recencyRatio)} usual gaps ago (at most ${thresholdText(t, 'maxRecencyRatio')}).`
            : `High repeat patronage: ${r} repeat purchases (recency against the purchase rhythm unknown).`,
      };
    }
    case 'habit':
      return a.habit === 'gaps'
        ? { code: 'habit_regular_gaps', message: `Buys by habit: gap variation ${fmt(a.gapCv!)} is at most ${thresholdText(t, 'maxHabitGapCv')}.` }
        : { code: 'habit_switching_cost', message: `Held by switching costs: ${fmt(a.switchingCost!)} of the scale (at least ${thresholdText(t, 'highAnswer')}).` };
    case 'deal':
      return a.deal === 'discount'
        ? { code: 'deal_discount_depth', message: `Price-driven: mean discount depth ${fmt(a.dealValue)} (at least ${thresholdText(t, 'dealDiscountDepth')}).` }
        : a.deal === 'price'
          ? { code: 'deal_price_sensitive', message: `Price-driven: price sensitivity ${fmt(a.dealValue)} of the scale (at least ${thresholdText(t, 'highAnswer')}).` }
          : { code: 'deal_promo_share', message: `Incentive-driven: ${fmt(a.dealValue)} of purchases on promotion or reward (at least ${thresholdText(t, 'dealPromoShare')}).` };
    case 'attitude': {
      const { level, score } = a.attitude;
      if (score !== null) {
        const from = `survey score ${fmt(score)} from ${a.answers} answer${a.answers === 1 ? '' : 's'}`;
        return level === 'strong'
          ? { code: 'attitude_strong', message: `Strong attitude: ${from} (at least ${thresholdText(t, 'strongAttitude')}).` }
          : level === 'positive'
            ? { code: 'attitude_positive', message: `Positive attitude: ${from} (at least ${thresholdText(t, 'positiveAttitude')}).` }
            : { code: 'attitude_low', message: `Low attitude: ${from} (below ${thresholdText(t, 'positiveAttitude')}).` };
      }
      if (level === 'positive') {
        return {
          code: 'attitude_proxy_positive',
          message: `No survey answers; attitude read from behaviour as positive: came back, spend trend ${fmt(a.spendTrend!)} (at least ${thresholdText(t, 'minSpendTrend')}), not deal-driven.`,
        };
      }
      const why =
        a.repeats < 1
          ? 'never came back'
          : a.spendTrend === null
            ? 'spend trend unknown'
            : a.spendTrend < t.minSpendTrend
              ? `spend trend ${fmt(a.spendTrend)} below ${thresholdText(t, 'minSpendTrend')}`
              : 'deal-driven';
      return { code: 'attitude_proxy_low', message: `No survey answers; attitude read from behaviour as low: ${why}.` };
    }
    case 'defection':
      return { code: 'satisfaction_defection', message: `Satisfaction ${fmt(a.satisfaction!)} of the scale is in the defection zone (below ${thresholdText(t, 'defectionBelow')}).` };
    case 'alternatives':
      return { code: 'no_alternatives', message: 'No real alternative supplier is available.' };
    case 'convenience':
      return { code: 'convenience_high', message: `Convenience ${fmt(a.convenience!)} of the scale (at least ${thresholdText(t, 'highAnswer')}).` };
    case 'attitudeMissing':
      return {
        code: 'attitude_missing',
        message: 'Attitude is inferred, not measured: add survey answers to confirm it (the committed level needs them).',
      };
  }
}
