import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import { assessSignals, attitudeReading, missingSignalNames, type AttitudeReading } from './assessSignals.js';
import { pyramidLevelOf, pyramidReasonWord } from './decide.js';
import { explainWord } from './explain.js';
import { signalIssues } from './signalIssues.js';
import { resolveThresholds, type LoyaltyThresholds, LOYALTY_THRESHOLD_KEYS } from './thresholds.js';
import type { ClassificationEvidence, LoyaltySignals } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** A loyalty-pyramid level, from the bottom (DOMAIN §5). */
export type PyramidLevel = 1 | 2 | 3 | 4;

/** Names of the pyramid levels 1..4. */
export type PyramidLabel = 'no-loyalty' | 'preference' | 'habitual-satisfaction' | 'committed';

/**
 * Options of {@link classifyPyramid}: the shared thresholds, and `revealValues` (default
 * `false`: issues name no customer id).
 */
export interface ClassifyPyramidOptions extends LoyaltyThresholds, Pick<RowPolicyOptions, 'revealValues'> {}

/** Result of {@link classifyPyramid}. */
export interface PyramidResult extends ClassificationEvidence {
  /** Present when the signals carry one. */
  readonly customerId?: CustomerId;
  readonly level: PyramidLevel;
  readonly label: PyramidLabel;
  /** Decision-table row: `'P1'`..`'P4'`. */
  readonly rule: 'P1' | 'P2' | 'P3' | 'P4';
  /** Whether repeat patronage is high (enough repeat purchases, not lapsed). */
  readonly repeatHigh: boolean;
  readonly attitude: AttitudeReading;
}

/** The pyramid labels of levels 1..4. @internal */
export const PYRAMID_LABELS: readonly PyramidLabel[] = ['no-loyalty', 'preference', 'habitual-satisfaction', 'committed'];
const LABELS = PYRAMID_LABELS;
/** The pyramid rules of levels 1..4. @internal */
export const PYRAMID_RULES: readonly PyramidResult['rule'][] = ['P1', 'P2', 'P3', 'P4'];
const RULES = PYRAMID_RULES;

/**
 * Places a customer on the four-level loyalty pyramid (DOMAIN §5, seed 000).
 *
 * Levels: 1 no loyalty, 2 preference, 3 habitual satisfaction, 4 committed. The first matching
 * row of this table decides (docs/loyalty.md explains each fact and threshold):
 *
 * | row | repeat | attitude | other | level |
 * |---|---|---|---|---|
 * | P4 | high | strong (survey) | not deal-driven | 4 committed |
 * | P3 | high | any | habit (regular gaps or high switching cost), not deal-driven, satisfaction not in the defection zone | 3 habitual satisfaction |
 * | P2 | any | positive or strong | | 2 preference |
 * | P1 | | | otherwise | 1 no loyalty |
 *
 * Repeat is high with at least `minRepeatPurchases` repeat purchases and a `recencyRatio` of at
 * most `maxRecencyRatio`. Attitude is the mean of the oriented survey answers on [0, 1]; without
 * any answer it is read from behaviour (came back, spend trend not falling below
 * `minSpendTrend`, not deal-driven) and can be at most positive, so a transactions-only customer
 * reaches level 3 at most, with a reason saying so. `confidence` is the share of evidence weight
 * present (docs/loyalty.md); absent signals are listed in `missingSignals`.
 *
 * Cost: O(1) per customer, including validation.
 *
 * @param signals - One customer's {@link LoyaltySignals} (validated here).
 * @param options - Thresholds, see {@link LoyaltyThresholds}.
 * @returns The level, its label, the matched rule, reasons, confidence and missing signals.
 * @throws {@link InvalidInputError} when the signals or an option are invalid.
 * @example
 * ```ts
 * import { classifyPyramid } from 'loyalty-score';
 * // Transactions only: 6 purchases at regular intervals, last one recent.
 * const r = classifyPyramid({ behaviour: { purchases: 6, recencyRatio: 0.5, gapCv: 0.2, spendTrend: 0.1 } });
 * r.level; // => 3
 * r.rule; // => 'P3'
 * r.confidence; // => 0.4
 * r.reasons.map((x) => x.code); // => ['repeat_high', 'habit_regular_gaps', 'attitude_missing']
 * // The same customer with strong survey answers is committed.
 * const s = classifyPyramid({
 *   behaviour: { purchases: 6, recencyRatio: 0.5, gapCv: 0.2, spendTrend: 0.1 },
 *   attitude: { scale: { min: 1, max: 5 }, satisfaction: 5, repurchaseIntention: 5, recommendLikelihood: 4 },
 * });
 * s.level; // => 4
 * s.label; // => 'committed'
 * ```
 */
export function classifyPyramid(signals: LoyaltySignals, options: ClassifyPyramidOptions = {}): PyramidResult {
  rejectUnknownKeys(options, CLASSIFY_PYRAMID_OPTION_KEYS, 'options', 'classifyPyramid');
  const t = resolveThresholds(options);
  const checked = signalIssues(signals, options.revealValues === true);
  if (checked.issues) throw new InvalidInputError(checked.issues);
  const a = assessSignals(checked.data, t);
  const level = pyramidLevelOf(a);
  const rule = RULES[level - 1]!;
  const label = LABELS[level - 1]!;
  const reasons = explainWord(a, t, pyramidReasonWord(a, level));
  const { repeatHigh, confidence } = a;
  const attitude = attitudeReading(a);
  const missingSignals = missingSignalNames(a.missing);
  const id = checked.data.customerId;
  return id === undefined
    ? { level, label, rule, repeatHigh, attitude, reasons, confidence, missingSignals }
    : { customerId: id, level, label, rule, repeatHigh, attitude, reasons, confidence, missingSignals };
}

/** The option names of {@link ClassifyPyramidOptions}. @internal */
export const CLASSIFY_PYRAMID_OPTION_KEYS: KeyList<ClassifyPyramidOptions> = { ...LOYALTY_THRESHOLD_KEYS, revealValues: true };
