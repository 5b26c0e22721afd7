import type { ResolvedThresholds } from './thresholds.js';
import type { AnswerScale, LoyaltySignals, ScaledAnswer, SignalName } from './types.js';

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

/** The facts both classifiers decide on; reasons are written on demand by `explain` (explain.ts). @internal */
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

/** Maps an answer to [0, 1] on its scale; `undefined` when absent. Input is validated. @internal */
export function normalise(answer: ScaledAnswer | undefined, scale: AnswerScale | undefined): number | undefined {
  if (answer === undefined) return undefined;
  if (typeof answer === 'number') {
    const s = scale!;
    return (answer - s.min) / (s.max - s.min);
  }
  return (answer.value - answer.min) / (answer.max - answer.min);
}

function flip(v: number | undefined): number | undefined {
  return v === undefined ? undefined : 1 - v;
}

/** Reads validated signals into the facts of the decision tables (docs/loyalty.md). @internal */
export function assessSignals(s: LoyaltySignals, t: ResolvedThresholds): Assessment {
  const b = s.behaviour;
  const att = s.attitude;
  const ctx = s.context;

  // Evidence coverage: bit i set when SIGNAL_WEIGHTS[i] is present (named reads, not a keyed
  // loop: this runs for every customer and keyed reads of many names are slow).
  const present =
    (b.recencyRatio !== undefined ? 1 : 0) |
    (b.gapCv !== undefined ? 2 : 0) |
    (b.spendTrend !== undefined ? 4 : 0) |
    (b.promoShare !== undefined ? 8 : 0) |
    (b.discountDepth !== undefined ? 16 : 0) |
    (att === undefined
      ? 0
      : (att.satisfaction !== undefined ? 32 : 0) |
        (att.repurchaseIntention !== undefined ? 64 : 0) |
        (att.recommendLikelihood !== undefined ? 128 : 0) |
        (att.competitorAppeal !== undefined ? 256 : 0) |
        (att.qualityTolerance !== undefined ? 512 : 0) |
        (att.priceSensitivity !== undefined ? 1024 : 0) |
        (att.decisionTime !== undefined ? 2048 : 0)) |
    (ctx === undefined
      ? 0
      : (ctx.hasAlternatives !== undefined ? 4096 : 0) |
        (ctx.switchingCost !== undefined ? 8192 : 0) |
        (ctx.convenience !== undefined ? 16384 : 0));
  let missingCount = SIGNAL_WEIGHTS.length;
  for (let bits = present; bits !== 0; bits &= bits - 1) missingCount--;
  const missingSignals = new Array<SignalName>(missingCount);
  let missingWeight = 0;
  for (let i = 0, j = 0; i < SIGNAL_WEIGHTS.length; i++) {
    if ((present & (1 << i)) === 0) {
      const w = SIGNAL_WEIGHTS[i]!;
      missingSignals[j++] = w[0];
      missingWeight += w[3];
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
    const sc = att.scale;
    // each answer oriented so that 1 is the loyal end (see AttitudeSignals for the directions)
    const items = [
      normalise(att.satisfaction, sc),
      normalise(att.repurchaseIntention, sc),
      normalise(att.recommendLikelihood, sc),
      flip(normalise(att.competitorAppeal, sc)),
      normalise(att.qualityTolerance, sc),
      flip(priceSens),
      flip(normalise(att.decisionTime, sc)),
    ];
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (v !== undefined) {
        sum += v;
        answers++;
      }
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
