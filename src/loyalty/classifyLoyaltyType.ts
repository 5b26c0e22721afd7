import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import { assessSignals, attitudeReading, missingSignalNames, type AttitudeReading } from './assessSignals.js';
import { loyaltyReasonWord, loyaltyRuleOf } from './decide.js';
import { explainWord } from './explain.js';
import { loyaltyStrategy, type LoyaltyGroup } from './loyaltyStrategy.js';
import { signalIssues } from './signalIssues.js';
import { resolveThresholds, type LoyaltyThresholds, LOYALTY_THRESHOLD_KEYS } from './thresholds.js';
import type { ClassificationEvidence, LoyaltyQuadrant, LoyaltySignals, LoyaltyType, Strategy } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

export type { LoyaltyQuadrant, LoyaltyType } from './types.js';

/**
 * Options of {@link classifyLoyaltyType}: the shared thresholds, and `revealValues` (default
 * `false`: issues name no customer id).
 */
export interface ClassifyLoyaltyTypeOptions extends LoyaltyThresholds, Pick<RowPolicyOptions, 'revealValues'> {}

/** Result of {@link classifyLoyaltyType}. */
export interface LoyaltyTypeResult extends ClassificationEvidence {
  /** Present when the signals carry one. */
  readonly customerId?: CustomerId;
  readonly type: LoyaltyType;
  /** `true` for true loyalty, `latent`, `none`, and `spurious` for the five false kinds. */
  readonly quadrant: LoyaltyQuadrant;
  /** Whether this is one of the five false kinds (monopoly, inertia, convenience, price, incentive). */
  readonly isFalseLoyalty: boolean;
  /** Strategy group: `'false'` for the five false kinds, else the type. */
  readonly group: LoyaltyGroup;
  /** Recommended strategy for the group, English and Simplified Chinese. */
  readonly strategy: Strategy;
  /** Decision-table row: `'T1'`..`'T8'`. */
  readonly rule: 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8';
  /** Whether repeat patronage is high (enough repeat purchases, not lapsed). */
  readonly repeatHigh: boolean;
  readonly attitude: AttitudeReading;
}

/** The rules T1..T8. @internal */
export const LOYALTY_RULES: readonly LoyaltyTypeResult['rule'][] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'];
/** The type each rule T1..T8 gives. @internal */
export const RULE_TYPES: readonly LoyaltyType[] = ['monopoly', 'price', 'incentive', 'true', 'convenience', 'inertia', 'latent', 'none'];

/** The quadrant of a loyalty type. @internal */
export function quadrantOf(type: LoyaltyType): LoyaltyQuadrant {
  return type === 'true' ? 'true' : type === 'latent' ? 'latent' : type === 'none' ? 'none' : 'spurious';
}

/**
 * Names the kind of loyalty a customer shows (DOMAIN §6, seeds 001 and 002), with its quadrant
 * and the recommended strategy.
 *
 * The first matching row of this table decides (docs/loyalty.md explains each fact):
 *
 * | row | repeat | condition | type | quadrant |
 * |---|---|---|---|---|
 * | T1 | high | `context.hasAlternatives` is false | monopoly | spurious |
 * | T2 | high | discount depth or price sensitivity high | price | spurious |
 * | T3 | high | promotion share high | incentive | spurious |
 * | T4 | high | attitude positive or strong | true | true |
 * | T5 | high | convenience high | convenience | spurious |
 * | T6 | high | otherwise (low attitude; habit, switching costs or nothing else) | inertia | spurious |
 * | T7 | low | attitude positive or strong | latent | latent |
 * | T8 | low | otherwise | none | none |
 *
 * Deal-driven buying (T2, T3) outranks a positive attitude: repeat buying that rides on price
 * or rewards is false loyalty whatever the customer says. Without survey answers, attitude is
 * read from behaviour (see {@link classifyPyramid}), stated in the reasons, and the confidence
 * drops by the weight of the missing answers.
 *
 * Cost: O(1) per customer, including validation.
 *
 * @param signals - One customer's {@link LoyaltySignals} (validated here).
 * @param options - Thresholds, see {@link LoyaltyThresholds}.
 * @returns Type, quadrant, false-loyalty flag, strategy group and text, rule, reasons, confidence, missing signals.
 * @throws {@link InvalidInputError} when the signals or an option are invalid.
 * @example
 * ```ts
 * import { classifyLoyaltyType } from 'loyalty-score';
 * const r = classifyLoyaltyType({
 *   behaviour: { purchases: 8, recencyRatio: 0.7, gapCv: 0.9, spendTrend: 0, promoShare: 0.75, discountDepth: 0.05 },
 * });
 * r.type; // => 'incentive'
 * r.quadrant; // => 'spurious'
 * r.isFalseLoyalty; // => true
 * r.strategy.en.startsWith('Keep them with benefits'); // => true
 * const l = classifyLoyaltyType({
 *   behaviour: { purchases: 2, recencyRatio: 1.2, gapCv: null, spendTrend: 0.3 },
 *   attitude: { scale: { min: 0, max: 10 }, satisfaction: 9, recommendLikelihood: 10 },
 * });
 * l.type; // => 'latent'
 * l.confidence; // => 0.55
 * ```
 */
export function classifyLoyaltyType(signals: LoyaltySignals, options: ClassifyLoyaltyTypeOptions = {}): LoyaltyTypeResult {
  rejectUnknownKeys(options, CLASSIFY_LOYALTY_TYPE_OPTION_KEYS, 'options', 'classifyLoyaltyType');
  const t = resolveThresholds(options);
  const checked = signalIssues(signals, options.revealValues === true);
  if (checked.issues) throw new InvalidInputError(checked.issues);
  const a = assessSignals(checked.data, t);
  const r = loyaltyRuleOf(a);
  const rule = LOYALTY_RULES[r - 1]!;
  const type = RULE_TYPES[r - 1]!;
  const reasons = explainWord(a, t, loyaltyReasonWord(a, r));
  const quadrant = quadrantOf(type);
  const group: LoyaltyGroup = quadrant === 'spurious' ? 'false' : quadrant;
  const isFalseLoyalty = quadrant === 'spurious';
  const strategy = loyaltyStrategy(group);
  const { repeatHigh, confidence } = a;
  const attitude = attitudeReading(a);
  const missingSignals = missingSignalNames(a.missing);
  const id = checked.data.customerId;
  return id === undefined
    ? { type, quadrant, isFalseLoyalty, group, strategy, rule, repeatHigh, attitude, reasons, confidence, missingSignals }
    : { customerId: id, type, quadrant, isFalseLoyalty, group, strategy, rule, repeatHigh, attitude, reasons, confidence, missingSignals };
}

/** The option names of {@link ClassifyLoyaltyTypeOptions}. @internal */
export const CLASSIFY_LOYALTY_TYPE_OPTION_KEYS: KeyList<ClassifyLoyaltyTypeOptions> = { ...LOYALTY_THRESHOLD_KEYS, revealValues: true };
