// The columnar classifier against the object classifiers: for every customer, classifyLoyaltyColumns
// gives what classifyPyramid and classifyLoyaltyType give on the same signals.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNAL_WEIGHTS } from '../../src/loyalty/assessSignals.js';
import { behaviourColumnsFromSignals, behaviourSignalsAt, type BehaviourColumns } from '../../src/loyalty/behaviourColumns.js';
import { classifyLoyaltyColumns, RULE_TYPE_CODE, TYPE_QUADRANT, type LoyaltyColumns } from '../../src/loyalty/classifyLoyaltyColumns.js';
import { classifyLoyaltyType, quadrantOf, RULE_TYPES } from '../../src/loyalty/classifyLoyaltyType.js';
import { classifyPyramid } from '../../src/loyalty/classifyPyramid.js';
import { deriveBehaviourColumns, scanGrouped, streamDayOrdered } from '../../src/loyalty/deriveBehaviourColumns.js';
import { deriveBehaviourSignals } from '../../src/loyalty/deriveBehaviourSignals.js';
import { LOYALTY_QUADRANT_CODES, LOYALTY_REASON_CODES, LOYALTY_SIGNAL_NAMES, LOYALTY_TYPE_CODES, unpackReasonCodes } from '../../src/loyalty/reasonCodes.js';
import type { LoyaltyThresholds } from '../../src/loyalty/thresholds.js';
import type { AttitudeSignals, ContextSignals, LoyaltySignals, ScaledAnswer } from '../../src/loyalty/types.js';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { parseTransactions } from '../../src/transactions/parseTransactions.js';
import { isoFromDay } from '../../src/time/days.js';
import { cdnowMasterRows, examplePath, exampleTransactions } from './loadData.js';
import { surveyFromCsv } from './surveyCsv.js';

/** The answers of a signals object, as the columnar classifier asks for them. */
function answersOf(s: LoyaltySignals): { attitude?: AttitudeSignals; context?: ContextSignals } | undefined {
  if (s.attitude === undefined && s.context === undefined) return undefined;
  return { ...(s.attitude !== undefined ? { attitude: s.attitude } : {}), ...(s.context !== undefined ? { context: s.context } : {}) };
}

/** Every difference between the columnar result of customer i and the object classifiers on `s`. */
function differences(cols: LoyaltyColumns, i: number, s: LoyaltySignals, options: LoyaltyThresholds = {}): string[] {
  const p = classifyPyramid(s, options);
  const t = classifyLoyaltyType(s, options);
  const got = {
    level: cols.pyramidLevelAt(i),
    label: cols.pyramidLabelAt(i),
    rule: cols.pyramidRuleAt(i),
    confidence: cols.pyramidConfidence[i],
    reasons: cols.pyramidReasons(i),
    messages: cols.pyramidExplanation(i),
    missing: cols.missingSignals(i),
    type: cols.loyaltyTypeAt(i),
    quadrant: cols.loyaltyQuadrantAt(i),
    typeRule: cols.loyaltyRuleAt(i),
    typeConfidence: cols.loyaltyConfidence[i],
    typeReasons: cols.loyaltyReasons(i),
    typeMessages: cols.loyaltyExplanation(i),
    survey: cols.survey[i] === 1,
  };
  const want = {
    level: p.level,
    label: p.label,
    rule: p.rule,
    confidence: p.confidence,
    reasons: p.reasons.map((r) => r.code),
    messages: p.reasons.map((r) => r.message),
    missing: p.missingSignals,
    type: t.type,
    quadrant: t.quadrant,
    typeRule: t.rule,
    typeConfidence: t.confidence,
    typeReasons: t.reasons.map((r) => r.code),
    typeMessages: t.reasons.map((r) => r.message),
    survey: answersOf(s) !== undefined,
  };
  const out: string[] = [];
  for (const key of Object.keys(want) as (keyof typeof want)[]) {
    if (JSON.stringify(got[key]) !== JSON.stringify(want[key])) out.push(`customer ${i} ${key}: got ${JSON.stringify(got[key])}, expected ${JSON.stringify(want[key])}`);
  }
  return out;
}

function classifyAll(signals: readonly LoyaltySignals[], options: LoyaltyThresholds = {}): LoyaltyColumns {
  return classifyLoyaltyColumns(behaviourColumnsFromSignals(signals), { ...options, answers: (i) => answersOf(signals[i]!) });
}

// Random signals: nulls, absent fields, boundary and extreme values, surveys on several scales.
const extreme = fc.constantFrom(0, Number.MIN_VALUE, 1e-300, 1e300, Number.MAX_VALUE);
const nonNegative = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0.75, 3, 3.0000000000000004, 0.5), extreme);
const unit = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.2, 0.5, 1));
const behaviourArb = fc.record(
  {
    purchases: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(2 ** 53 - 1, 1e15)),
    tenureDays: fc.oneof(fc.integer({ min: 0, max: 2000 }), extreme),
    daysSinceLastPurchase: fc.oneof(fc.integer({ min: 0, max: 2000 }), extreme),
    meanGapDays: fc.option(fc.oneof(fc.double({ min: 0.5, max: 400, noNaN: true }), fc.constantFrom(Number.MIN_VALUE, 1e300)), { nil: null }),
    recencyRatio: fc.option(nonNegative, { nil: null }),
    gapCv: fc.option(nonNegative, { nil: null }),
    spendTrend: fc.option(fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(-1, -0.25, 0, 1)), { nil: null }),
    totalSpend: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(-Number.MAX_VALUE, Number.MAX_VALUE, 0)),
    promoShare: unit,
    discountDepth: unit,
  },
  { requiredKeys: ['purchases'] },
);
const scaleArb = fc.constantFrom({ min: 1, max: 5 }, { min: 0, max: 10 }, { min: -3, max: 3 });
function answerArb(scale: { min: number; max: number }): fc.Arbitrary<ScaledAnswer> {
  return fc.oneof(
    fc.integer({ min: scale.min, max: scale.max }),
    fc.double({ min: scale.min, max: scale.max, noNaN: true }),
    fc.integer({ min: 0, max: 7 }).map((v) => ({ value: v, min: 0, max: 7 })),
  );
}
const attitudeArb = scaleArb.chain((scale) =>
  fc.record(
    {
      scale: fc.constant(scale),
      satisfaction: answerArb(scale),
      repurchaseIntention: answerArb(scale),
      recommendLikelihood: answerArb(scale),
      competitorAppeal: answerArb(scale),
      qualityTolerance: answerArb(scale),
      priceSensitivity: answerArb(scale),
      decisionTime: answerArb(scale),
    },
    { requiredKeys: ['scale'] },
  ),
);
const contextArb = scaleArb.chain((scale) =>
  fc.record({ scale: fc.constant(scale), hasAlternatives: fc.boolean(), switchingCost: answerArb(scale), convenience: answerArb(scale) }, { requiredKeys: ['scale'] }),
);
const signalsArb: fc.Arbitrary<LoyaltySignals> = fc
  .tuple(behaviourArb, fc.option(attitudeArb, { nil: undefined }), fc.option(contextArb, { nil: undefined }))
  .map(([behaviour, attitude, context]) => ({ behaviour, ...(attitude ? { attitude } : {}), ...(context ? { context } : {}) }));
const thresholdsArb: fc.Arbitrary<LoyaltyThresholds> = fc.oneof(
  fc.constant({}),
  fc
    .record({
      minRepeatPurchases: fc.integer({ min: 0, max: 5 }),
      maxRecencyRatio: fc.double({ min: 0, max: 5, noNaN: true }),
      maxHabitGapCv: fc.constantFrom(0.3, 0.75, 1),
      minSpendTrend: fc.double({ min: -1, max: 1, noNaN: true }),
      dealDiscountDepth: unit,
      dealPromoShare: unit,
      highAnswer: unit,
      positiveAttitude: fc.constantFrom(0.4, 0.6),
      strongAttitude: fc.constantFrom(0.6, 0.8, 1),
      defectionBelow: unit,
    }, { requiredKeys: [] }),
);

describe('classifyLoyaltyColumns', () => {
  it('equals classifyPyramid and classifyLoyaltyType for every customer of random signals (nulls, absent fields, surveys, extremes, thresholds)', () => {
    fc.assert(
      fc.property(fc.array(signalsArb, { maxLength: 25 }), thresholdsArb, (signals, options) => {
        const cols = classifyAll(signals, options);
        expect(cols.length).toBe(signals.length);
        const bad = signals.flatMap((s, i) => differences(cols, i, s, options));
        expect(bad).toEqual([]);
        // the column form of the behaviour round-trips exactly
        const behaviour = behaviourColumnsFromSignals(signals);
        signals.forEach((s, i) => expect(behaviourSignalsAt(behaviour, i)).toStrictEqual({ ...s.behaviour }));
      }),
      { numRuns: 400 },
    );
  });

  it('CDNOW (23,570 customers, transactions only): every customer equals the object classifiers; the documented counts', () => {
    const { table } = parseTransactions(cdnowMasterRows(), { dateFormat: 'yyyyMMdd' });
    const derived = deriveBehaviourColumns(table, { asOf: '1998-06-30' });
    const signals = deriveBehaviourSignals(table, { asOf: '1998-06-30' }).customers;
    expect(derived.customerIds).toEqual(signals.map((s) => s.customerId));
    const cols = classifyLoyaltyColumns(derived.columns);
    const bad = signals.flatMap((s, i) => differences(cols, i, s));
    expect(bad.slice(0, 5)).toEqual([]);
    const levels = tally(Array.from(cols.pyramidLevel));
    const types = tally(Array.from(cols.loyaltyType, (c) => LOYALTY_TYPE_CODES[c]!));
    const quadrants = tally(Array.from(cols.loyaltyQuadrant, (c) => LOYALTY_QUADRANT_CODES[c]!));
    // as in cdnow.test.ts and docs/loyalty.md
    expect(levels).toEqual({ 1: 13947, 2: 7159, 3: 2464 });
    expect(quadrants).toEqual({ none: 13459, true: 4357, latent: 4828, spurious: 926 });
    expect(types).toEqual({ none: 13459, true: 4357, latent: 4828, inertia: 926 });
    expect(new Set(cols.pyramidConfidence)).toEqual(new Set([0.4]));
  });

  it('example data with the survey: every customer equals the object classifiers; the documented counts', () => {
    const derived = deriveBehaviourColumns(exampleTransactions(), { asOf: '2025-12-31' });
    const survey = surveyFromCsv(readFileSync(examplePath('survey.csv'), 'utf8'));
    const cols = classifyLoyaltyColumns(derived.columns, { answers: (i) => survey.get(derived.customerIds[i]!), customerIds: derived.customerIds });
    const signals = derived.customerIds.map((id, i) => ({ customerId: id, behaviour: behaviourSignalsAt(derived.columns, i), ...survey.get(id) }));
    expect(signals.flatMap((s, i) => differences(cols, i, s)).slice(0, 5)).toEqual([]);
    const respondents = signals.map((_, i) => i).filter((i) => cols.survey[i] === 1);
    expect(respondents).toHaveLength(912);
    // as in exampleData.test.ts and docs/loyalty.md
    expect(tally(respondents.map((i) => cols.pyramidLevelAt(i)))).toEqual({ 1: 653, 2: 132, 3: 79, 4: 48 });
    expect(tally(respondents.map((i) => cols.loyaltyQuadrantAt(i)))).toEqual({ latent: 77, none: 564, spurious: 128, true: 143 });
    expect(tally(respondents.map((i) => cols.loyaltyTypeAt(i)))).toEqual({ convenience: 9, incentive: 9, inertia: 39, latent: 77, monopoly: 5, none: 564, price: 66, true: 143 });
    const behaviourOnly = classifyLoyaltyColumns(derived.columns);
    expect(tally(Array.from(behaviourOnly.pyramidLevel))).toEqual({ 1: 1464, 2: 1182, 3: 354 });
    expect(tally(Array.from({ length: behaviourOnly.length }, (_, i) => behaviourOnly.loyaltyTypeAt(i)))).toEqual({ incentive: 138, inertia: 61, latent: 774, none: 1295, price: 10, true: 722 });
    expect(tally(respondents.map((i) => behaviourOnly.loyaltyQuadrantAt(i)))).toEqual({ latent: 243, none: 398, spurious: 61, true: 210 });
  });

  it('does not mutate its input; empty columns; one customer', () => {
    const signals: LoyaltySignals[] = [{ behaviour: { purchases: 4, recencyRatio: 0.5, gapCv: 0.3, spendTrend: 0.1, promoShare: 0.1 } }];
    const behaviour = behaviourColumnsFromSignals(signals);
    const copy = structuredClone(behaviour);
    const attitude = { scale: { min: 1, max: 5 }, satisfaction: 5 };
    const answers = { attitude };
    const one = classifyLoyaltyColumns(behaviour, { answers: () => answers });
    expect(behaviour).toStrictEqual(copy);
    expect(answers).toStrictEqual({ attitude: { scale: { min: 1, max: 5 }, satisfaction: 5 } });
    expect(one.length).toBe(1);
    expect(differences(one, 0, { ...signals[0]!, attitude })).toEqual([]);

    const empty = classifyLoyaltyColumns(behaviourColumnsFromSignals([]));
    expect(empty.length).toBe(0);
    for (const col of [empty.pyramidLevel, empty.pyramidConfidence, empty.pyramidReasonCodes, empty.loyaltyRule, empty.loyaltyType, empty.loyaltyQuadrant, empty.loyaltyReasonCodes, empty.missing, empty.survey]) {
      expect(col.length).toBe(0);
    }
    expect(() => empty.pyramidLevelAt(0)).toThrow(RangeError);
    expect(() => one.loyaltyReasons(1)).toThrow(RangeError);
    expect(() => one.pyramidExplanation(-1)).toThrow(RangeError);
  });

  it('rejects an invalid answer, naming the customer index and the field', () => {
    const behaviour = behaviourColumnsFromSignals([{ behaviour: { purchases: 3 } }, { behaviour: { purchases: 5 } }]);
    const bad = (i: number) => (i === 1 ? { attitude: { satisfaction: 4 } } : undefined);
    expect(() => classifyLoyaltyColumns(behaviour, { answers: bad })).toThrow(InvalidInputError);
    const error = catchError(() => classifyLoyaltyColumns(behaviour, { answers: bad, customerIds: ['ann', 'bo'], revealValues: true }));
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        path: [1, 'attitude.satisfaction'],
        customerId: 'bo',
        message: 'a bare number needs the attitude scale (give attitude.scale = { min, max }, or { value, min, max })',
      },
    ]);
    expect(error.message).toBe('customer bo (index 1), attitude.satisfaction: a bare number needs the attitude scale (give attitude.scale = { min, max }, or { value, min, max })');
    const off = catchError(() => classifyLoyaltyColumns(behaviour, { answers: () => ({ context: { scale: { min: 1, max: 5 }, convenience: 9 } }) }));
    expect(off.issues[0]).toMatchObject({ path: [0, 'context.convenience'] });
    const typo = catchError(() => classifyLoyaltyColumns(behaviour, { answers: () => ({ atitude: {} }) as never }));
    expect(typo.issues[0]).toMatchObject({ code: 'unknown_field', path: [0, 'atitude'] });
    expect(() => classifyLoyaltyColumns(behaviour, { answers: 'yes' as never })).toThrow(/options, answers/);
    expect(() => classifyLoyaltyColumns(behaviour, { maxRecencyRatio: -1 })).toThrow(/maxRecencyRatio/);
  });

  it('rejects invalid columns as the object classifiers reject invalid signals', () => {
    const good = behaviourColumnsFromSignals([{ behaviour: { purchases: 3, recencyRatio: 1, gapCv: 0.5, spendTrend: 0 } }, { behaviour: { purchases: 1 } }]);
    const withColumn = (name: keyof BehaviourColumns, values: number[]): BehaviourColumns => ({ ...good, [name]: Float64Array.from(values) });
    expect(catchError(() => classifyLoyaltyColumns(withColumn('purchases', [3, 1.5]))).issues).toEqual([
      { code: 'not_integer', path: [1, 'behaviour.purchases'], message: 'not a whole number (expected an integer >= 0)' },
    ]);
    expect(catchError(() => classifyLoyaltyColumns(withColumn('recencyRatio', [-1, Number.NaN]))).issues[0]).toMatchObject({ code: 'out_of_range', path: [0, 'behaviour.recencyRatio'] });
    expect(catchError(() => classifyLoyaltyColumns(withColumn('spendTrend', [Infinity, Number.NaN]))).issues[0]).toMatchObject({ code: 'not_finite', path: [0, 'behaviour.spendTrend'] });
    expect(catchError(() => classifyLoyaltyColumns(withColumn('gapCv', [1]))).issues[0]).toMatchObject({ code: 'length_mismatch', path: ['behaviour', 'gapCv'] });
    // the object classifiers reject the same values
    expect(() => classifyPyramid({ behaviour: { purchases: 1.5 } })).toThrow(InvalidInputError);
    expect(() => classifyPyramid({ behaviour: { purchases: 3, recencyRatio: -1 } })).toThrow(InvalidInputError);
  });

  it('code tables agree with the classifiers', () => {
    expect(LOYALTY_SIGNAL_NAMES).toEqual(SIGNAL_WEIGHTS.map((w) => w[0]));
    expect(RULE_TYPE_CODE.map((c) => LOYALTY_TYPE_CODES[c])).toEqual(RULE_TYPES);
    expect(TYPE_QUADRANT.map((q) => LOYALTY_QUADRANT_CODES[q])).toEqual(LOYALTY_TYPE_CODES.map(quadrantOf));
    expect(new Set(LOYALTY_REASON_CODES).size).toBe(17);
    // five bits a code, at most five codes a word
    expect(LOYALTY_REASON_CODES.length).toBeLessThan(32);
    const word = 1 | (2 << 5) | (17 << 10) | (14 << 15) | (3 << 20);
    expect(unpackReasonCodes(word)).toEqual(['repeat_high', 'repeat_few', 'convenience_high', 'attitude_missing', 'repeat_lapsed']);
  });
});

describe('deriveBehaviourColumns', () => {
  it('gives the signals of deriveBehaviourSignals, in its order, with the same exclusions', () => {
    const rows = [
      { customerId: 'b', date: '2024-01-03', amount: 10, promo: true },
      { customerId: 'a', date: '2024-01-01', amount: 20, discount: 5 },
      { customerId: 'a', date: '2024-01-09', amount: -5 },
      { customerId: 'c', date: '2024-01-02', amount: -7 },
      { customerId: 'a', date: '2024-02-01', amount: 30 },
      { customerId: 'd', date: '2024-03-01', amount: 30 },
    ];
    const cols = deriveBehaviourColumns(rows, { asOf: '2024-02-10' });
    const objects = deriveBehaviourSignals(rows, { asOf: '2024-02-10' });
    expect(cols.customerIds).toEqual(['a', 'b']);
    expect(cols.excluded).toEqual({ rowsAfterAsOf: 1, customersWithoutPurchase: 2 });
    expect(cols.asOf).toBe('2024-02-10');
    expect(objects.customers.map((c) => c.customerId)).toEqual(cols.customerIds);
    expect(Array.from(cols.columns.promoShare!)).toEqual([Number.NaN, 1]);
    expect(Array.from(cols.columns.discountDepth!)).toEqual([0.2, Number.NaN]);
    expect(objects.customers[0]!.behaviour).toStrictEqual({
      purchases: 2, tenureDays: 40, daysSinceLastPurchase: 9, meanGapDays: 31, recencyRatio: 9 / 31, gapCv: null, spendTrend: 0.2, totalSpend: 45, discountDepth: 0.2,
    });
    expect(objects.customers[1]!.behaviour).toStrictEqual({
      purchases: 1, tenureDays: 38, daysSinceLastPurchase: 38, meanGapDays: null, recencyRatio: null, gapCv: null, spendTrend: null, totalSpend: 10, promoShare: 1,
    });
    expect(cols.columns.absent).toBeUndefined();
    expect(deriveBehaviourColumns([], { asOf: '2024-01-01' }).columns.length).toBe(0);
    expect(() => deriveBehaviourColumns([])).toThrow(/asOf/);
  });
});

function tally(xs: readonly (string | number)[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of xs) m[String(x)] = (m[String(x)] ?? 0) + 1;
  return m;
}

function catchError(f: () => unknown): InvalidInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidInputError) return e;
    throw e;
  }
  throw new Error('expected an InvalidInputError');
}

describe('deriveBehaviourColumns, both scans', () => {
  it('a day-ordered log streamed gives the same bits as grouped by customer (returns, same-day rows, promo, discounts, overflow)', () => {
    const rowArb = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 1, 2),
      day: fc.integer({ min: 19000, max: 19060 }),
      amount: fc.oneof(fc.double({ min: -50, max: 1e4, noNaN: true }), fc.constantFrom(0, 1.7e308, 0.85e308)),
      promo: fc.option(fc.boolean(), { nil: undefined }),
      discount: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 80 }), fc.integer({ min: 19000, max: 19070 }), (raw, asOfDay) => {
        const rows = [...raw].sort((x, y) => x.day - y.day).map(({ day, ...r }) => ({ ...r, date: isoFromDay(day) }));
        const { table } = parseTransactions(rows);
        const streamed = streamDayOrdered(table, asOfDay, 'exclude');
        const grouped = scanGrouped(table, asOfDay, 'exclude');
        expect(streamed).toStrictEqual(grouped);
        // partitioned into blocks of one customer, and of two (the path of large customer bases)
        expect(streamDayOrdered(table, asOfDay, 'exclude', 0)).toStrictEqual(grouped);
        expect(streamDayOrdered(table, asOfDay, 'exclude', 224)).toStrictEqual(grouped);
        // the trend stays finite when the block sums overflow (totalSpend itself may overflow to Infinity)
        for (const x of streamed.columns.spendTrend) expect(Number.isFinite(x) || Number.isNaN(x)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
