import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import { assessInto, missingSignalNames, newAssessment, type Assessment } from './assessSignals.js';
import { ABSENT_GAP_CV, ABSENT_RECENCY_RATIO, ABSENT_SPEND_TREND, type BehaviourColumns } from './behaviourColumns.js';
import { behaviourColumnIssues } from './behaviourColumnIssues.js';
import { LOYALTY_RULES, type LoyaltyQuadrant, type LoyaltyType, type LoyaltyTypeResult } from './classifyLoyaltyType.js';
import { PYRAMID_LABELS, PYRAMID_RULES, type PyramidLabel, type PyramidLevel, type PyramidResult } from './classifyPyramid.js';
import { loyaltyReasonWord, loyaltyRuleOf, pyramidLevelOf, pyramidReasonWord } from './decide.js';
import { explainWord } from './explain.js';
import { LOYALTY_QUADRANT_CODES, LOYALTY_TYPE_CODES, unpackReasonCodes } from './reasonCodes.js';
import { signalIssues } from './signalIssues.js';
import { resolveThresholds, type LoyaltyThresholds, type ResolvedThresholds, LOYALTY_THRESHOLD_KEYS } from './thresholds.js';
import type { AttitudeSignals, ContextSignals, LoyaltyReasonCode, SignalName } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** One customer's survey and context answers, as {@link classifyLoyaltyColumns} asks for them. */
export interface LoyaltyAnswers {
  readonly attitude?: AttitudeSignals;
  readonly context?: ContextSignals;
}

/** Options of {@link classifyLoyaltyColumns}: the shared thresholds, and where the survey answers come from. */
export interface ClassifyLoyaltyColumnsOptions extends LoyaltyThresholds, Pick<RowPolicyOptions, 'revealValues'> {
  /**
   * The survey and context answers of the customer at `index`, or `undefined` when there are
   * none. Called once per customer during the classification, and again by
   * `pyramidExplanation` / `loyaltyExplanation` for the customer they explain, so it should keep
   * answering the same.
   * @defaultValue no answers for anyone (transactions only)
   */
  answers?: (index: number) => LoyaltyAnswers | undefined;
  /**
   * The customer at each index, copied into the `customerId` of validation issues (and so into
   * their messages) under `revealValues: true`; ignored otherwise.
   * @defaultValue issues name the index only
   */
  customerIds?: readonly CustomerId[];
}

/**
 * The loyalty pyramid and loyalty type of many customers, by column: customer `i` at index `i`
 * of every typed array, reasons as codes, and accessors that turn one index into readable
 * values. Each entry equals what {@link classifyPyramid} and {@link classifyLoyaltyType} give for
 * the same customer.
 *
 * Codes: `pyramidLevel` is 1..4 (the pyramid rule `P<level>`); `loyaltyRule` is 1..8 (`T1`..`T8`);
 * `loyaltyType` and `loyaltyQuadrant` are positions in {@link LOYALTY_TYPE_CODES} and
 * {@link LOYALTY_QUADRANT_CODES}; `missing` has bit `i` set when `LOYALTY_SIGNAL_NAMES[i]` was
 * absent; the reason columns pack up to five codes per customer, five bits each (see
 * {@link unpackReasonCodes}). 23 bytes per customer in all.
 */
export interface LoyaltyColumns {
  /** Number of customers. */
  readonly length: number;
  /** Pyramid level 1..4 (1 no loyalty, 2 preference, 3 habitual satisfaction, 4 committed); also the rule number. */
  readonly pyramidLevel: Uint8Array;
  /** Share of the consulted evidence that was present, in [0, 1]. */
  readonly pyramidConfidence: Float64Array;
  /** The pyramid reasons, packed (see {@link unpackReasonCodes}). */
  readonly pyramidReasonCodes: Uint32Array;
  /** Loyalty-type rule 1..8 (`T1`..`T8`). */
  readonly loyaltyRule: Uint8Array;
  /** Loyalty type, a position in {@link LOYALTY_TYPE_CODES}. */
  readonly loyaltyType: Uint8Array;
  /** Quadrant, a position in {@link LOYALTY_QUADRANT_CODES}. */
  readonly loyaltyQuadrant: Uint8Array;
  /** Confidence of the loyalty type: the same array as `pyramidConfidence` (both read the same evidence). */
  readonly loyaltyConfidence: Float64Array;
  /** The loyalty-type reasons, packed (see {@link unpackReasonCodes}). */
  readonly loyaltyReasonCodes: Uint32Array;
  /** The absent signals: bit `i` set when `LOYALTY_SIGNAL_NAMES[i]` was absent. */
  readonly missing: Uint16Array;
  /** 1 when survey answers were given for the customer (`answers(i)` was not `undefined`), else 0. */
  readonly survey: Uint8Array;
  /** Pyramid level of customer `i`. */
  pyramidLevelAt(i: number): PyramidLevel;
  /** Pyramid label of customer `i` (`'no-loyalty'` .. `'committed'`). */
  pyramidLabelAt(i: number): PyramidLabel;
  /** Pyramid rule of customer `i` (`'P1'`..`'P4'`). */
  pyramidRuleAt(i: number): PyramidResult['rule'];
  /** Pyramid reason codes of customer `i`, in the order the rules state them. */
  pyramidReasons(i: number): LoyaltyReasonCode[];
  /** Loyalty type of customer `i`. */
  loyaltyTypeAt(i: number): LoyaltyType;
  /** Quadrant of customer `i`. */
  loyaltyQuadrantAt(i: number): LoyaltyQuadrant;
  /** Loyalty-type rule of customer `i` (`'T1'`..`'T8'`). */
  loyaltyRuleAt(i: number): LoyaltyTypeResult['rule'];
  /** Loyalty-type reason codes of customer `i`. */
  loyaltyReasons(i: number): LoyaltyReasonCode[];
  /** The absent signals of customer `i`, in the fixed order of `missingSignals`. */
  missingSignals(i: number): SignalName[];
  /** The pyramid reasons of customer `i` as English sentences (the `message`s of {@link classifyPyramid}); re-assesses that customer. */
  pyramidExplanation(i: number): string[];
  /** The loyalty-type reasons of customer `i` as English sentences (the `message`s of {@link classifyLoyaltyType}); re-assesses that customer. */
  loyaltyExplanation(i: number): string[];
}

/** Quadrant position (LOYALTY_QUADRANT_CODES) of each type position of LOYALTY_TYPE_CODES. @internal */
export const TYPE_QUADRANT: readonly number[] = [2, 2, 2, 2, 2, 0, 1, 3];

/**
 * Places many customers on the loyalty pyramid and names their kind of loyalty, by column: the
 * decision tables of {@link classifyPyramid} and {@link classifyLoyaltyType} (docs/loyalty.md)
 * applied to every customer of a {@link BehaviourColumns}, with survey and context answers where
 * `answers` gives them. Each customer's signals are assessed once and feed both tables; the
 * reasons are kept as codes, and their sentences are written only when asked
 * (`pyramidExplanation`, `loyaltyExplanation`).
 *
 * Every customer's result equals `classifyPyramid` and `classifyLoyaltyType` on the same signals
 * (level, label, rule, confidence, reason codes and messages, missing signals, type, quadrant).
 *
 * Cost: O(n) time, no object per customer (answers are read as given); 23 bytes per customer of
 * output. The columns and answers are validated first, as the object classifiers validate their input.
 *
 * @param behaviour - The behaviour signals by column, e.g. from {@link deriveBehaviourColumns}.
 * @param options - Thresholds ({@link LoyaltyThresholds}), `answers` and `customerIds`.
 * @returns The results by column, with accessors per customer.
 * @throws {@link InvalidInputError} for an invalid option, a column of the wrong type or length,
 *   a value out of range (path `[index, 'behaviour.field']`), or an invalid answer (path
 *   `[index, 'attitude.item']` or `[index, 'context.item']`), with `customerId` when `customerIds` is given.
 * @example
 * ```ts
 * import { behaviourColumnsFromSignals, classifyLoyaltyColumns } from 'loyalty-score';
 * const behaviour = behaviourColumnsFromSignals([
 *   { behaviour: { purchases: 6, recencyRatio: 0.5, gapCv: 0.2, spendTrend: 0.1 } },
 *   { behaviour: { purchases: 8, recencyRatio: 0.7, gapCv: 0.9, spendTrend: 0, promoShare: 0.75, discountDepth: 0.05 } },
 * ]);
 * const r = classifyLoyaltyColumns(behaviour, {
 *   answers: (i) => (i === 0 ? { attitude: { scale: { min: 1, max: 5 }, satisfaction: 5, repurchaseIntention: 5, recommendLikelihood: 4 } } : undefined),
 * });
 * Array.from(r.pyramidLevel); // => [4, 1]
 * r.pyramidLabelAt(0); // => 'committed'
 * r.loyaltyTypeAt(1); // => 'incentive'
 * r.loyaltyReasons(1); // => ['repeat_high', 'deal_promo_share', 'attitude_missing']
 * r.pyramidExplanation(0)[1]; // => 'Strong attitude: survey score 0.92 from 3 answers (at least 0.8).'
 * Array.from(r.survey); // => [1, 0]
 * r.missingSignals(1).length; // => 10
 * ```
 */
export function classifyLoyaltyColumns(behaviour: BehaviourColumns, options: ClassifyLoyaltyColumnsOptions = {}): LoyaltyColumns {
  rejectUnknownKeys(options, CLASSIFY_LOYALTY_COLUMNS_OPTION_KEYS, 'options', 'classifyLoyaltyColumns');
  const { answers, customerIds: givenIds, revealValues, ...thresholds } = options;
  const t = resolveThresholds(thresholds);
  if (answers !== undefined && typeof answers !== 'function') {
    throw new InvalidInputError([{ code: 'invalid_option', path: ['options', 'answers'], message: 'expected a function from customer index to { attitude?, context? } or undefined' }]);
  }
  if (givenIds !== undefined && !Array.isArray(givenIds)) {
    throw new InvalidInputError([{ code: 'invalid_option', path: ['options', 'customerIds'], message: 'expected an array of customer ids' }]);
  }
  // ids name customers in issues only when the caller asked for it: otherwise the index does
  const customerIds = revealValues === true ? givenIds : undefined;
  const bad = behaviourColumnIssues(behaviour, customerIds);
  if (bad !== null) throw new InvalidInputError(bad);

  const n = behaviour.length;
  const level = new Uint8Array(n);
  const confidence = new Float64Array(n);
  const pyramidWords = new Uint32Array(n);
  const rule = new Uint8Array(n);
  const type = new Uint8Array(n);
  const quadrant = new Uint8Array(n);
  const typeWords = new Uint32Array(n);
  const missing = new Uint16Array(n);
  const survey = new Uint8Array(n);
  const a = newAssessment();
  const reader = new ColumnReader(behaviour, answers, customerIds);
  for (let i = 0; i < n; i++) {
    if (reader.assess(a, i, t)) survey[i] = 1;
    const lv = pyramidLevelOf(a);
    level[i] = lv;
    pyramidWords[i] = pyramidReasonWord(a, lv);
    const r = loyaltyRuleOf(a);
    rule[i] = r;
    const ty = RULE_TYPE_CODE[r - 1]!;
    type[i] = ty;
    quadrant[i] = TYPE_QUADRANT[ty]!;
    typeWords[i] = loyaltyReasonWord(a, r);
    confidence[i] = a.confidence;
    missing[i] = a.missing;
  }
  return new LoyaltyColumnsResult(n, level, confidence, pyramidWords, rule, type, quadrant, typeWords, missing, survey, reader, t);
}

/**
 * Type position (LOYALTY_TYPE_CODES) of each rule T1..T8 (RULE_TYPES: monopoly, price,
 * incentive, true, convenience, inertia, latent, none). @internal
 */
export const RULE_TYPE_CODE: readonly number[] = [0, 3, 4, 5, 2, 1, 6, 7];

/** Reads one customer's signals from the columns (and answers) into an assessment. */
class ColumnReader {
  private readonly probe: { behaviour: { purchases: number }; attitude: AttitudeSignals | undefined; context: ContextSignals | undefined } = {
    behaviour: { purchases: 0 },
    attitude: undefined,
    context: undefined,
  };

  constructor(
    readonly columns: BehaviourColumns,
    readonly answers: ((index: number) => LoyaltyAnswers | undefined) | undefined,
    readonly customerIds: readonly CustomerId[] | undefined,
  ) {}

  /** Fills `a` for customer `i`; whether answers were given. */
  assess(a: Assessment, i: number, t: ResolvedThresholds): boolean {
    const c = this.columns;
    const bits = c.absent ? c.absent[i]! : 0;
    const rr = c.recencyRatio[i]!;
    const cv = c.gapCv[i]!;
    const st = c.spendTrend[i]!;
    const ps = c.promoShare === null ? Number.NaN : c.promoShare[i]!;
    const dd = c.discountDepth === null ? Number.NaN : c.discountDepth[i]!;
    let att: AttitudeSignals | undefined;
    let ctx: ContextSignals | undefined;
    let given = false;
    if (this.answers !== undefined) {
      const ans = this.answers(i);
      if (ans !== undefined) {
        this.check(ans, i);
        att = ans.attitude;
        ctx = ans.context;
        given = true;
      }
    }
    assessInto(
      a,
      c.purchases[i]!,
      rr === rr ? rr : (bits & ABSENT_RECENCY_RATIO) !== 0 ? undefined : null,
      cv === cv ? cv : (bits & ABSENT_GAP_CV) !== 0 ? undefined : null,
      st === st ? st : (bits & ABSENT_SPEND_TREND) !== 0 ? undefined : null,
      ps === ps ? ps : undefined,
      dd === dd ? dd : undefined,
      att,
      ctx,
      t,
    );
    return given;
  }

  /** Validates one customer's answers as the object classifiers do; throws naming the index and field. */
  private check(ans: LoyaltyAnswers, i: number): void {
    const id = this.customerIds?.[i];
    const who = id === undefined ? {} : { customerId: id };
    if (ans === null || typeof ans !== 'object' || Array.isArray(ans)) {
      throw new InvalidInputError([{ code: 'not_an_object', path: [i, 'answers'], message: 'not an object (expected { attitude?, context? })', ...who }]);
    }
    const issues: InputIssue[] = [];
    for (const key in ans) {
      if (key !== 'attitude' && key !== 'context') issues.push({ code: 'unknown_field', path: [i, key], message: 'unknown field (expected attitude or context)', ...who });
    }
    const probe = this.probe;
    probe.attitude = ans.attitude;
    probe.context = ans.context;
    const r = signalIssues(probe, false);
    probe.attitude = undefined;
    probe.context = undefined;
    if (r.issues) for (const x of r.issues) issues.push({ code: x.code, path: [i, ...x.path.slice(1)], message: x.message, ...who });
    if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>);
  }
}

class LoyaltyColumnsResult implements LoyaltyColumns {
  readonly loyaltyConfidence: Float64Array;

  constructor(
    readonly length: number,
    readonly pyramidLevel: Uint8Array,
    readonly pyramidConfidence: Float64Array,
    readonly pyramidReasonCodes: Uint32Array,
    readonly loyaltyRule: Uint8Array,
    readonly loyaltyType: Uint8Array,
    readonly loyaltyQuadrant: Uint8Array,
    readonly loyaltyReasonCodes: Uint32Array,
    readonly missing: Uint16Array,
    readonly survey: Uint8Array,
    private readonly reader: ColumnReader,
    private readonly thresholds: ResolvedThresholds,
  ) {
    this.loyaltyConfidence = pyramidConfidence;
  }

  private at(i: number): number {
    if (!(Number.isInteger(i) && i >= 0 && i < this.length)) throw new RangeError(`index ${i} is not a customer position (0 to ${this.length - 1})`);
    return i;
  }

  pyramidLevelAt(i: number): PyramidLevel {
    return this.pyramidLevel[this.at(i)] as PyramidLevel;
  }

  pyramidLabelAt(i: number): PyramidLabel {
    return PYRAMID_LABELS[this.pyramidLevel[this.at(i)]! - 1]!;
  }

  pyramidRuleAt(i: number): PyramidResult['rule'] {
    return PYRAMID_RULES[this.pyramidLevel[this.at(i)]! - 1]!;
  }

  pyramidReasons(i: number): LoyaltyReasonCode[] {
    return unpackReasonCodes(this.pyramidReasonCodes[this.at(i)]!);
  }

  loyaltyTypeAt(i: number): LoyaltyType {
    return LOYALTY_TYPE_CODES[this.loyaltyType[this.at(i)]!]!;
  }

  loyaltyQuadrantAt(i: number): LoyaltyQuadrant {
    return LOYALTY_QUADRANT_CODES[this.loyaltyQuadrant[this.at(i)]!]!;
  }

  loyaltyRuleAt(i: number): LoyaltyTypeResult['rule'] {
    return LOYALTY_RULES[this.loyaltyRule[this.at(i)]! - 1]!;
  }

  loyaltyReasons(i: number): LoyaltyReasonCode[] {
    return unpackReasonCodes(this.loyaltyReasonCodes[this.at(i)]!);
  }

  missingSignals(i: number): SignalName[] {
    return missingSignalNames(this.missing[this.at(i)]!);
  }

  pyramidExplanation(i: number): string[] {
    const a = newAssessment();
    this.reader.assess(a, this.at(i), this.thresholds);
    return explainWord(a, this.thresholds, pyramidReasonWord(a, pyramidLevelOf(a))).map((r) => r.message);
  }

  loyaltyExplanation(i: number): string[] {
    const a = newAssessment();
    this.reader.assess(a, this.at(i), this.thresholds);
    return explainWord(a, this.thresholds, loyaltyReasonWord(a, loyaltyRuleOf(a))).map((r) => r.message);
  }
}

/** The option names of {@link ClassifyLoyaltyColumnsOptions}. @internal */
export const CLASSIFY_LOYALTY_COLUMNS_OPTION_KEYS: KeyList<ClassifyLoyaltyColumnsOptions> = { answers: true, customerIds: true, revealValues: true, ...LOYALTY_THRESHOLD_KEYS };
