import { invalidOption } from '../errors/InvalidInputError.js';

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

/** @internal */
export type ResolvedThresholds = Required<LoyaltyThresholds> & {
  /** The thresholds as written in reason messages. */
  readonly text: Readonly<Record<keyof LoyaltyThresholds, string>>;
};

/** The defaults, as documented on {@link LoyaltyThresholds}. @internal */
export const DEFAULT_THRESHOLDS: Readonly<ResolvedThresholds> = {
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
  text: {
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
  },
};

/** Fills defaults and checks every threshold; throws naming the option. @internal */
export function resolveThresholds(options: LoyaltyThresholds): ResolvedThresholds {
  if (options === undefined || options === null) return DEFAULT_THRESHOLDS;
  let empty = true;
  for (const _ in options) {
    empty = false;
    break;
  }
  if (empty) return DEFAULT_THRESHOLDS;
  const v = {
    minRepeatPurchases: options.minRepeatPurchases ?? DEFAULT_THRESHOLDS.minRepeatPurchases,
    maxRecencyRatio: options.maxRecencyRatio ?? DEFAULT_THRESHOLDS.maxRecencyRatio,
    maxHabitGapCv: options.maxHabitGapCv ?? DEFAULT_THRESHOLDS.maxHabitGapCv,
    minSpendTrend: options.minSpendTrend ?? DEFAULT_THRESHOLDS.minSpendTrend,
    dealDiscountDepth: options.dealDiscountDepth ?? DEFAULT_THRESHOLDS.dealDiscountDepth,
    dealPromoShare: options.dealPromoShare ?? DEFAULT_THRESHOLDS.dealPromoShare,
    highAnswer: options.highAnswer ?? DEFAULT_THRESHOLDS.highAnswer,
    positiveAttitude: options.positiveAttitude ?? DEFAULT_THRESHOLDS.positiveAttitude,
    strongAttitude: options.strongAttitude ?? DEFAULT_THRESHOLDS.strongAttitude,
    defectionBelow: options.defectionBelow ?? DEFAULT_THRESHOLDS.defectionBelow,
  };
  const text = {} as Record<keyof LoyaltyThresholds, string>;
  for (const key of Object.keys(v) as (keyof LoyaltyThresholds)[]) text[key] = String(v[key]);
  const t: ResolvedThresholds = { ...v, text };
  check(t, 'minRepeatPurchases', 0, Infinity, 'an integer >= 0', true);
  check(t, 'maxRecencyRatio', 0, Infinity, 'a number >= 0');
  check(t, 'maxHabitGapCv', 0, Infinity, 'a number >= 0');
  check(t, 'minSpendTrend', -1, 1, 'a number in [-1, 1]');
  check(t, 'dealDiscountDepth', 0, 1, 'a number in [0, 1]');
  check(t, 'dealPromoShare', 0, 1, 'a number in [0, 1]');
  check(t, 'highAnswer', 0, 1, 'a number in [0, 1]');
  check(t, 'positiveAttitude', 0, 1, 'a number in [0, 1]');
  check(t, 'strongAttitude', 0, 1, 'a number in [0, 1]');
  check(t, 'defectionBelow', 0, 1, 'a number in [0, 1]');
  if (t.strongAttitude < t.positiveAttitude) invalidOption('strongAttitude', 'expected strongAttitude >= positiveAttitude');
  return t;
}

function check(t: ResolvedThresholds, name: keyof LoyaltyThresholds, lo: number, hi: number, expected: string, integer = false): void {
  const v = t[name];
  if (typeof v !== 'number' || !(v >= lo && v <= hi) || (integer && !Number.isInteger(v))) invalidOption(name, `expected ${expected}`);
}
