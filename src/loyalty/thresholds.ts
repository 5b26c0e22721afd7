import { invalidOption } from '../errors/InvalidInputError.js';
import type { KeyList } from '../errors/knownKeys.js';

/**
 * The thresholds shared by {@link classifyPyramid} and {@link classifyLoyaltyType}.
 * Survey and context answers are compared after mapping them to [0, 1] on their scale
 * (`(answer - min) / (max - min)`), so one setting works for every scale.
 */
export interface LoyaltyThresholds {
  /**
   * Repeat purchases (purchases - 1) needed for high repeat patronage.
   * @defaultValue `2`
   */
  minRepeatPurchases?: number;
  /**
   * Largest `recencyRatio` (days since the last purchase / mean gap) at which a repeat buyer
   * still counts as active; beyond it the customer has lapsed and repeat patronage is low.
   * @defaultValue `3`
   */
  maxRecencyRatio?: number;
  /**
   * Largest gap coefficient of variation that counts as a purchase habit (1 is Poisson-like
   * random timing; smaller is more regular).
   * @defaultValue `0.75`
   */
  maxHabitGapCv?: number;
  /**
   * Lowest `spendTrend` at which, without survey answers, repeat buying is read as a positive
   * attitude (the behavioural proxy).
   * @defaultValue `-0.25`
   */
  minSpendTrend?: number;
  /**
   * Mean discount depth from which purchases count as price-driven.
   * @defaultValue `0.2`
   */
  dealDiscountDepth?: number;
  /**
   * Share of purchases on promotion or with a reward from which purchases count as incentive-driven.
   * @defaultValue `0.5`
   */
  dealPromoShare?: number;
  /**
   * Normalised answer from which `priceSensitivity`, `switchingCost` and `convenience` count as high.
   * @defaultValue `0.7`
   */
  highAnswer?: number;
  /**
   * Normalised attitude score (mean of the oriented survey answers) from which attitude is positive.
   * @defaultValue `0.6`
   */
  positiveAttitude?: number;
  /**
   * Normalised attitude score from which attitude is strong (needed for the committed level).
   * @defaultValue `0.8`
   */
  strongAttitude?: number;
  /**
   * Normalised satisfaction below which the customer is in the defection zone (DOMAIN §8);
   * such a customer is never "habitually satisfied".
   * @defaultValue `0.4`
   */
  defectionBelow?: number;
}

/** The thresholds with defaults filled in. @internal */
export type ResolvedThresholds = Readonly<Required<LoyaltyThresholds>>;

/** The defaults, as documented on {@link LoyaltyThresholds}. @internal */
export const DEFAULT_THRESHOLDS: ResolvedThresholds = {
  minRepeatPurchases: 2,
  maxRecencyRatio: 3,
  maxHabitGapCv: 0.75,
  minSpendTrend: -0.25,
  dealDiscountDepth: 0.2,
  dealPromoShare: 0.5,
  highAnswer: 0.7,
  positiveAttitude: 0.6,
  strongAttitude: 0.8,
  defectionBelow: 0.4,
};

/** The defaults as written in reason messages (number-to-text is slow, and messages are per customer). */
const DEFAULT_TEXT: Readonly<Record<keyof LoyaltyThresholds, string>> = {
  minRepeatPurchases: '2',
  maxRecencyRatio: '3',
  maxHabitGapCv: '0.75',
  minSpendTrend: '-0.25',
  dealDiscountDepth: '0.2',
  dealPromoShare: '0.5',
  highAnswer: '0.7',
  positiveAttitude: '0.6',
  strongAttitude: '0.8',
  defectionBelow: '0.4',
};

/** A threshold as written in reason messages. @internal */
export function thresholdText(t: ResolvedThresholds, key: keyof LoyaltyThresholds): string {
  const v = t[key];
  return v === DEFAULT_THRESHOLDS[key] ? DEFAULT_TEXT[key] : String(v);
}

/**
 * Fills defaults and checks every threshold; throws naming the option. Runs once per
 * classification, so it allocates one small object and converts nothing to text.
 * @internal
 */
export function resolveThresholds(options: LoyaltyThresholds): ResolvedThresholds {
  if (options === undefined || options === null) return DEFAULT_THRESHOLDS;
  let empty = true;
  for (const _ in options) {
    empty = false;
    break;
  }
  if (empty) return DEFAULT_THRESHOLDS;
  const d = DEFAULT_THRESHOLDS;
  const t: ResolvedThresholds = {
    minRepeatPurchases: options.minRepeatPurchases ?? d.minRepeatPurchases,
    maxRecencyRatio: options.maxRecencyRatio ?? d.maxRecencyRatio,
    maxHabitGapCv: options.maxHabitGapCv ?? d.maxHabitGapCv,
    minSpendTrend: options.minSpendTrend ?? d.minSpendTrend,
    dealDiscountDepth: options.dealDiscountDepth ?? d.dealDiscountDepth,
    dealPromoShare: options.dealPromoShare ?? d.dealPromoShare,
    highAnswer: options.highAnswer ?? d.highAnswer,
    positiveAttitude: options.positiveAttitude ?? d.positiveAttitude,
    strongAttitude: options.strongAttitude ?? d.strongAttitude,
    defectionBelow: options.defectionBelow ?? d.defectionBelow,
  };
  check(t.minRepeatPurchases, 'minRepeatPurchases', 0, Infinity, 'an integer >= 0', true);
  check(t.maxRecencyRatio, 'maxRecencyRatio', 0, Infinity, 'a number >= 0');
  check(t.maxHabitGapCv, 'maxHabitGapCv', 0, Infinity, 'a number >= 0');
  check(t.minSpendTrend, 'minSpendTrend', -1, 1, 'a number in [-1, 1]');
  check(t.dealDiscountDepth, 'dealDiscountDepth', 0, 1, 'a number in [0, 1]');
  check(t.dealPromoShare, 'dealPromoShare', 0, 1, 'a number in [0, 1]');
  check(t.highAnswer, 'highAnswer', 0, 1, 'a number in [0, 1]');
  check(t.positiveAttitude, 'positiveAttitude', 0, 1, 'a number in [0, 1]');
  check(t.strongAttitude, 'strongAttitude', 0, 1, 'a number in [0, 1]');
  check(t.defectionBelow, 'defectionBelow', 0, 1, 'a number in [0, 1]');
  if (t.strongAttitude < t.positiveAttitude) invalidOption('strongAttitude', 'expected strongAttitude >= positiveAttitude');
  return t;
}

function check(v: unknown, name: keyof LoyaltyThresholds, lo: number, hi: number, expected: string, integer = false): void {
  if (typeof v !== 'number' || !(v >= lo && v <= hi) || (integer && !Number.isInteger(v))) invalidOption(name, `expected ${expected}`);
}

/** The option names of {@link LoyaltyThresholds}, shared by the classifiers' option checks. @internal */
export const LOYALTY_THRESHOLD_KEYS: KeyList<LoyaltyThresholds> = {
  minRepeatPurchases: true,
  maxRecencyRatio: true,
  maxHabitGapCv: true,
  minSpendTrend: true,
  dealDiscountDepth: true,
  dealPromoShare: true,
  highAnswer: true,
  positiveAttitude: true,
  strongAttitude: true,
  defectionBelow: true,
};
