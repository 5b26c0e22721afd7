import type { ResolvedThresholds } from './thresholds.js';
import type { AnswerScale, AttitudeSignals, ContextSignals, LoyaltySignals, ScaledAnswer, SignalName } from './types.js';

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

/**
 * The facts both classifiers decide on, for one customer; reasons are written on demand by
 * `explain` (explain.ts). Mutable so that the columnar classifier fills one instance for every
 * customer ({@link assessInto}); the object classifiers fill a fresh one per call.
 * @internal
 */
export interface Assessment {
  repeats: number;
  recencyRatio: number | null;
  repeatHigh: boolean;
  lapsed: boolean;
  habit: 'gaps' | 'switching' | null;
  gapCv: number | null;
  switchingCost: number | undefined;
  deal: DealDriver;
  dealValue: number;
  attitudeLevel: AttitudeReading['level'];
  attitudeScore: number | null;
  attitudeSource: AttitudeReading['source'];
  answers: number;
  spendTrend: number | null;
  satisfaction: number | undefined;
  defection: boolean;
  noAlternatives: boolean;
  convenience: number | undefined;
  convenienceHigh: boolean;
  confidence: number;
  missing: number;
}

/** A fresh {@link Assessment}, every field set (one object shape for all). @internal */
export function newAssessment(): Assessment {
  return {
    repeats: 0,
    recencyRatio: null,
    repeatHigh: false,
    lapsed: false,
    habit: null,
    gapCv: null,
    switchingCost: undefined,
    deal: null,
    dealValue: 0,
    attitudeLevel: 'low',
    attitudeScore: null,
    attitudeSource: 'behaviour',
    answers: 0,
    spendTrend: null,
    satisfaction: undefined,
    defection: false,
    noAlternatives: false,
    convenience: undefined,
    convenienceHigh: false,
    confidence: 0,
    missing: 0,
  };
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

/** The names of the absent signals of a `missing` bit set, in the fixed order of {@link SIGNAL_WEIGHTS}. @internal */
export function missingSignalNames(missing: number): SignalName[] {
  let count = 0;
  for (let bits = missing; bits !== 0; bits &= bits - 1) count++;
  const out = new Array<SignalName>(count);
  for (let i = 0, j = 0; j < count; i++) if ((missing & (1 << i)) !== 0) out[j++] = SIGNAL_WEIGHTS[i]![0];
  return out;
}

/** The attitude reading of an assessment, as the object classifiers return it. @internal */
export function attitudeReading(a: Assessment): AttitudeReading {
  return { level: a.attitudeLevel, score: a.attitudeScore, source: a.attitudeSource };
}

/** Reads validated signals into a fresh {@link Assessment}. @internal */
export function assessSignals(s: LoyaltySignals, t: ResolvedThresholds): Assessment {
  const b = s.behaviour;
  return assessInto(newAssessment(), b.purchases, b.recencyRatio, b.gapCv, b.spendTrend, b.promoShare, b.discountDepth, s.attitude, s.context, t);
}

/**
 * Reads one customer's validated signals into the facts of the decision tables (docs/loyalty.md),
 * overwriting every field of `a`. The behaviour signals come one by one (`undefined` = absent,
 * `null` = does not apply) so that the columnar classifier needs no signals object. Allocates
 * nothing. @internal
 */
export function assessInto(
  a: Assessment,
  purchases: number,
  recencyRatioIn: number | null | undefined,
  gapCvIn: number | null | undefined,
  spendTrendIn: number | null | undefined,
  promoShare: number | undefined,
  discountDepth: number | undefined,
  att: AttitudeSignals | undefined,
  ctx: ContextSignals | undefined,
  t: ResolvedThresholds,
): Assessment {
  const sc = att === undefined ? undefined : att.scale;
  const satisfaction = att === undefined ? undefined : normalise(att.satisfaction, sc);
  const intention = att === undefined ? undefined : normalise(att.repurchaseIntention, sc);
  const recommend = att === undefined ? undefined : normalise(att.recommendLikelihood, sc);
  const appeal = att === undefined ? undefined : normalise(att.competitorAppeal, sc);
  const tolerance = att === undefined ? undefined : normalise(att.qualityTolerance, sc);
  const priceSens = att === undefined ? undefined : normalise(att.priceSensitivity, sc);
  const decision = att === undefined ? undefined : normalise(att.decisionTime, sc);
  const cs = ctx === undefined ? undefined : ctx.scale;
  const switchingCost = ctx === undefined ? undefined : normalise(ctx.switchingCost, cs);
  const convenience = ctx === undefined ? undefined : normalise(ctx.convenience, cs);

  // Evidence coverage: bit i set when SIGNAL_WEIGHTS[i] is absent (named reads, not a keyed loop).
  const missing =
    (recencyRatioIn === undefined ? 1 : 0) |
    (gapCvIn === undefined ? 2 : 0) |
    (spendTrendIn === undefined ? 4 : 0) |
    (promoShare === undefined ? 8 : 0) |
    (discountDepth === undefined ? 16 : 0) |
    (satisfaction === undefined ? 32 : 0) |
    (intention === undefined ? 64 : 0) |
    (recommend === undefined ? 128 : 0) |
    (appeal === undefined ? 256 : 0) |
    (tolerance === undefined ? 512 : 0) |
    (priceSens === undefined ? 1024 : 0) |
    (decision === undefined ? 2048 : 0) |
    (ctx === undefined || ctx.hasAlternatives === undefined ? 4096 : 0) |
    (switchingCost === undefined ? 8192 : 0) |
    (convenience === undefined ? 16384 : 0);
  let missingWeight = 0;
  for (let i = 0; i < SIGNAL_WEIGHTS.length; i++) if ((missing & (1 << i)) !== 0) missingWeight += SIGNAL_WEIGHTS[i]![3];

  // Repeat patronage.
  const repeats = Math.max(0, purchases - 1);
  const recencyRatio = typeof recencyRatioIn === 'number' ? recencyRatioIn : null;
  const enough = repeats >= t.minRepeatPurchases;
  const lapsed = enough && recencyRatio !== null && recencyRatio > t.maxRecencyRatio;

  // Habit: regular gaps or high switching cost.
  const gapCv = typeof gapCvIn === 'number' ? gapCvIn : null;
  const habit = gapCv !== null && gapCv <= t.maxHabitGapCv ? 'gaps' : switchingCost !== undefined && switchingCost >= t.highAnswer ? 'switching' : null;

  // Deal-driven buying.
  let deal: DealDriver = null;
  let dealValue = 0;
  if (discountDepth !== undefined && discountDepth >= t.dealDiscountDepth) {
    deal = 'discount';
    dealValue = discountDepth;
  } else if (priceSens !== undefined && priceSens >= t.highAnswer) {
    deal = 'price';
    dealValue = priceSens;
  } else if (promoShare !== undefined && promoShare >= t.dealPromoShare) {
    deal = 'promo';
    dealValue = promoShare;
  }

  // Attitude: survey answers (each oriented so that 1 is the loyal end, see AttitudeSignals),
  // else the behavioural proxy. Summed in the item order of AttitudeSignals.
  let sum = 0;
  let answers = 0;
  if (satisfaction !== undefined) (sum += satisfaction), answers++;
  if (intention !== undefined) (sum += intention), answers++;
  if (recommend !== undefined) (sum += recommend), answers++;
  if (appeal !== undefined) (sum += 1 - appeal), answers++;
  if (tolerance !== undefined) (sum += tolerance), answers++;
  if (priceSens !== undefined) (sum += 1 - priceSens), answers++;
  if (decision !== undefined) (sum += 1 - decision), answers++;
  const spendTrend = typeof spendTrendIn === 'number' ? spendTrendIn : null;
  if (answers > 0) {
    const score = sum / answers;
    a.attitudeLevel = score >= t.strongAttitude ? 'strong' : score >= t.positiveAttitude ? 'positive' : 'low';
    a.attitudeScore = score;
    a.attitudeSource = 'survey';
  } else {
    const positive = repeats >= 1 && spendTrend !== null && spendTrend >= t.minSpendTrend && deal === null;
    a.attitudeLevel = positive ? 'positive' : 'low';
    a.attitudeScore = null;
    a.attitudeSource = 'behaviour';
  }

  a.repeats = repeats;
  a.recencyRatio = recencyRatio;
  a.repeatHigh = enough && !lapsed;
  a.lapsed = lapsed;
  a.habit = habit;
  a.gapCv = gapCv;
  a.switchingCost = switchingCost;
  a.deal = deal;
  a.dealValue = dealValue;
  a.answers = answers;
  a.spendTrend = spendTrend;
  a.satisfaction = satisfaction;
  a.defection = satisfaction !== undefined && satisfaction < t.defectionBelow;
  a.noAlternatives = ctx !== undefined && ctx.hasAlternatives === false;
  a.convenience = convenience;
  a.convenienceHigh = convenience !== undefined && convenience >= t.highAnswer;
  a.confidence = (100 - missingWeight) / 100;
  a.missing = missing;
  return a;
}
