import type { ResolvedThresholds } from './thresholds.js';
import type { AnswerScale, LoyaltyReason, LoyaltySignals, ScaledAnswer, SignalName } from './types.js';

/** Attitude as the classifiers read it. */
export interface AttitudeReading {
  /** `strong` only from survey answers. */
  readonly level: 'strong' | 'positive' | 'low';
  /** Mean of the oriented, normalised survey answers in [0, 1]; `null` for the behavioural proxy. */
  readonly score: number | null;
  /** Where the reading came from: survey answers, or the behavioural proxy when there are none. */
  readonly source: 'survey' | 'behaviour';
}

/** What drives repeat buying when it is deal-driven. @internal */
export type DealDriver = 'discount' | 'price' | 'promo' | null;

/** The facts both classifiers decide on; reasons are written on demand by {@link explain}. @internal */
export interface Assessment {
  readonly repeats: number;
  readonly recencyRatio: number | null;
  readonly repeatHigh: boolean;
  /** Whether the low repeat is due to a lapse (enough repeats, silent too long). */
  readonly lapsed: boolean;
  readonly habit: 'gaps' | 'switching' | null;
  readonly gapCv: number | null;
  readonly switchingCost: number | undefined;
  readonly deal: DealDriver;
  readonly dealValue: number;
  readonly attitude: AttitudeReading;
  readonly answers: number;
  readonly spendTrend: number | null;
  readonly satisfaction: number | undefined;
  readonly defection: boolean;
  readonly noAlternatives: boolean;
  readonly convenience: number | undefined;
  readonly convenienceHigh: boolean;
  readonly confidence: number;
  readonly missingSignals: SignalName[];
}

/**
 * Evidence weights in hundredths (sum 100); `behaviour.purchases` (20) is always present.
 * @internal
 */
export const SIGNAL_WEIGHTS: readonly (readonly [SignalName, 'behaviour' | 'attitude' | 'context', string, number])[] = [
  ['behaviour.recencyRatio', 'behaviour', 'recencyRatio', 10],
  ['behaviour.gapCv', 'behaviour', 'gapCv', 5],
  ['behaviour.spendTrend', 'behaviour', 'spendTrend', 5],
  ['behaviour.promoShare', 'behaviour', 'promoShare', 5],
  ['behaviour.discountDepth', 'behaviour', 'discountDepth', 5],
  ['attitude.satisfaction', 'attitude', 'satisfaction', 8],
  ['attitude.repurchaseIntention', 'attitude', 'repurchaseIntention', 8],
  ['attitude.recommendLikelihood', 'attitude', 'recommendLikelihood', 7],
  ['attitude.competitorAppeal', 'attitude', 'competitorAppeal', 4],
  ['attitude.qualityTolerance', 'attitude', 'qualityTolerance', 3],
  ['attitude.priceSensitivity', 'attitude', 'priceSensitivity', 3],
  ['attitude.decisionTime', 'attitude', 'decisionTime', 2],
  ['context.hasAlternatives', 'context', 'hasAlternatives', 5],
  ['context.switchingCost', 'context', 'switchingCost', 5],
  ['context.convenience', 'context', 'convenience', 5],
];

/** Attitude items and whether a higher answer means more loyal. */
const ATTITUDE_ITEMS = [
  ['satisfaction', true],
  ['repurchaseIntention', true],
  ['recommendLikelihood', true],
  ['competitorAppeal', false],
  ['qualityTolerance', true],
  ['priceSensitivity', false],
  ['decisionTime', false],
] as const;

/** Maps an answer to [0, 1] on its scale; `undefined` when absent. Input is validated. @internal */
export function normalise(answer: ScaledAnswer | undefined, scale: AnswerScale | undefined): number | undefined {
  if (answer === undefined) return undefined;
  if (typeof answer === 'number') {
    const s = scale!;
    return (answer - s.min) / (s.max - s.min);
  }
  return (answer.value - answer.min) / (answer.max - answer.min);
}

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

/** Reads validated signals into the facts of the decision tables (docs/loyalty.md). @internal */
export function assessSignals(s: LoyaltySignals, t: ResolvedThresholds): Assessment {
  const b = s.behaviour;
  const att = s.attitude;
  const ctx = s.context;

  // Evidence coverage.
  const missingSignals: SignalName[] = [];
  let missingWeight = 0;
  for (let i = 0; i < SIGNAL_WEIGHTS.length; i++) {
    const [name, group, field, w] = SIGNAL_WEIGHTS[i]!;
    const g = (group === 'behaviour' ? b : group === 'attitude' ? att : ctx) as Record<string, unknown> | undefined;
    if (g === undefined || g[field] === undefined) {
      missingSignals.push(name);
      missingWeight += w;
    }
  }

  // Repeat patronage.
  const repeats = Math.max(0, b.purchases - 1);
  const recencyRatio = typeof b.recencyRatio === 'number' ? b.recencyRatio : null;
  const enough = repeats >= t.minRepeatPurchases;
  const lapsed = enough && recencyRatio !== null && recencyRatio > t.maxRecencyRatio;
  const repeatHigh = enough && !lapsed;

  // Habit: regular gaps or high switching cost.
  const gapCv = typeof b.gapCv === 'number' ? b.gapCv : null;
  const switchingCost = ctx ? normalise(ctx.switchingCost, ctx.scale) : undefined;
  const habit =
    gapCv !== null && gapCv <= t.maxHabitGapCv ? 'gaps' : switchingCost !== undefined && switchingCost >= t.highAnswer ? 'switching' : null;

  // Deal-driven buying.
  const priceSens = att ? normalise(att.priceSensitivity, att.scale) : undefined;
  let deal: DealDriver = null;
  let dealValue = 0;
  if (b.discountDepth !== undefined && b.discountDepth >= t.dealDiscountDepth) {
    deal = 'discount';
    dealValue = b.discountDepth;
  } else if (priceSens !== undefined && priceSens >= t.highAnswer) {
    deal = 'price';
    dealValue = priceSens;
  } else if (b.promoShare !== undefined && b.promoShare >= t.dealPromoShare) {
    deal = 'promo';
    dealValue = b.promoShare;
  }

  // Attitude: survey answers, else the behavioural proxy.
  let sum = 0;
  let answers = 0;
  if (att) {
    for (let i = 0; i < ATTITUDE_ITEMS.length; i++) {
      const [item, higherIsLoyal] = ATTITUDE_ITEMS[i]!;
      const v = normalise(att[item], att.scale);
      if (v === undefined) continue;
      sum += higherIsLoyal ? v : 1 - v;
      answers++;
    }
  }
  const spendTrend = typeof b.spendTrend === 'number' ? b.spendTrend : null;
  let attitude: AttitudeReading;
  if (answers > 0) {
    const score = sum / answers;
    attitude = { level: score >= t.strongAttitude ? 'strong' : score >= t.positiveAttitude ? 'positive' : 'low', score, source: 'survey' };
  } else {
    const positive = repeats >= 1 && spendTrend !== null && spendTrend >= t.minSpendTrend && deal === null;
    attitude = { level: positive ? 'positive' : 'low', score: null, source: 'behaviour' };
  }

  const satisfaction = att ? normalise(att.satisfaction, att.scale) : undefined;
  const convenience = ctx ? normalise(ctx.convenience, ctx.scale) : undefined;
  return {
    repeats,
    recencyRatio,
    repeatHigh,
    lapsed,
    habit,
    gapCv,
    switchingCost,
    deal,
    dealValue,
    attitude,
    answers,
    spendTrend,
    satisfaction,
    defection: satisfaction !== undefined && satisfaction < t.defectionBelow,
    noAlternatives: ctx?.hasAlternatives === false,
    convenience,
    convenienceHigh: convenience !== undefined && convenience >= t.highAnswer,
    confidence: (100 - missingWeight) / 100,
    missingSignals,
  };
}

/** The facts a reason can state. @internal */
export type ReasonTopic = 'repeat' | 'habit' | 'deal' | 'attitude' | 'defection' | 'alternatives' | 'convenience' | 'attitudeMissing';

/** Writes the reason for one fact of an assessment (only for facts that hold). @internal */
export function explain(a: Assessment, t: ResolvedThresholds, topic: ReasonTopic): LoyaltyReason {
  switch (topic) {
    case 'repeat': {
      const r = a.repeats;
      if (!a.repeatHigh && !a.lapsed) {
        return { code: 'repeat_few', message: `Low repeat patronage: ${r} repeat purchase${r === 1 ? '' : 's'}, fewer than the ${t.text.minRepeatPurchases} needed.` };
      }
      if (a.lapsed) {
        return {
          code: 'repeat_lapsed',
          message: `Low repeat patronage: ${r} repeat purchases, but silent for ${fmt(a.recencyRatio!)} usual gaps (more than ${t.text.maxRecencyRatio}): lapsed.`,
        };
      }
      return {
        code: 'repeat_high',
        message:
          a.recencyRatio !== null
            ? `High repeat patronage: ${r} repeat purchases and last seen ${fmt(a.recencyRatio)} usual gaps ago (at most ${t.text.maxRecencyRatio}).`
            : `High repeat patronage: ${r} repeat purchases (recency against the purchase rhythm unknown).`,
      };
    }
    case 'habit':
      return a.habit === 'gaps'
        ? { code: 'habit_regular_gaps', message: `Buys by habit: gap variation ${fmt(a.gapCv!)} is at most ${t.text.maxHabitGapCv}.` }
        : { code: 'habit_switching_cost', message: `Held by switching costs: ${fmt(a.switchingCost!)} of the scale (at least ${t.text.highAnswer}).` };
    case 'deal':
      return a.deal === 'discount'
        ? { code: 'deal_discount_depth', message: `Price-driven: mean discount depth ${fmt(a.dealValue)} (at least ${t.text.dealDiscountDepth}).` }
        : a.deal === 'price'
          ? { code: 'deal_price_sensitive', message: `Price-driven: price sensitivity ${fmt(a.dealValue)} of the scale (at least ${t.text.highAnswer}).` }
          : { code: 'deal_promo_share', message: `Incentive-driven: ${fmt(a.dealValue)} of purchases on promotion or reward (at least ${t.text.dealPromoShare}).` };
    case 'attitude': {
      const { level, score } = a.attitude;
      if (score !== null) {
        const from = `survey score ${fmt(score)} from ${a.answers} answer${a.answers === 1 ? '' : 's'}`;
        return level === 'strong'
          ? { code: 'attitude_strong', message: `Strong attitude: ${from} (at least ${t.text.strongAttitude}).` }
          : level === 'positive'
            ? { code: 'attitude_positive', message: `Positive attitude: ${from} (at least ${t.text.positiveAttitude}).` }
            : { code: 'attitude_low', message: `Low attitude: ${from} (below ${t.text.positiveAttitude}).` };
      }
      if (level === 'positive') {
        return {
          code: 'attitude_proxy_positive',
          message: `No survey answers; attitude read from behaviour as positive: came back, spend trend ${fmt(a.spendTrend!)} (at least ${t.text.minSpendTrend}), not deal-driven.`,
        };
      }
      const why =
        a.repeats < 1
          ? 'never came back'
          : a.spendTrend === null
            ? 'spend trend unknown'
            : a.spendTrend < t.minSpendTrend
              ? `spend trend ${fmt(a.spendTrend)} below ${t.text.minSpendTrend}`
              : 'deal-driven';
      return { code: 'attitude_proxy_low', message: `No survey answers; attitude read from behaviour as low: ${why}.` };
    }
    case 'defection':
      return { code: 'satisfaction_defection', message: `Satisfaction ${fmt(a.satisfaction!)} of the scale is in the defection zone (below ${t.text.defectionBelow}).` };
    case 'alternatives':
      return { code: 'no_alternatives', message: 'No real alternative supplier is available.' };
    case 'convenience':
      return { code: 'convenience_high', message: `Convenience ${fmt(a.convenience!)} of the scale (at least ${t.text.highAnswer}).` };
    case 'attitudeMissing':
      return {
        code: 'attitude_missing',
        message: 'Attitude is inferred, not measured: add survey answers to confirm it (the committed level needs them).',
      };
  }
}
