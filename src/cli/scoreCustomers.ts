import { predictClv, type CalendarSpan, type DiscountRate } from '../clv/predictClv.js';
import { classifyLoyaltyType } from '../loyalty/classifyLoyaltyType.js';
import { classifyPyramid } from '../loyalty/classifyPyramid.js';
import type { CustomerLoyaltySignals, LoyaltyReason } from '../loyalty/types.js';
import type { FittedGammaGamma } from '../models/gammagamma/types.js';
import { scoreRfm, type ScoreRfmOptions } from '../rfm/scoreRfm.js';
import type { CustomerSummary } from '../summary/types.js';
import { assignTiers } from '../tiers/assignTiers.js';
import type { TierAssignment, TierBasis } from '../tiers/types.js';
import { addMonthsToDay, dayFromIso } from '../time/days.js';
import { durationBetween } from '../time/duration.js';
import type { TimeUnit } from '../time/units.js';
import { scorable, spendable, type PurchaseFit } from './fitModels.js';
import { idKey, type SurveyAnswers } from './readSurveyFile.js';
import { summaryCells, type SummaryCells } from './summaryCells.js';

/** One customer's row of `loyalty-score score`: the summary cells, then the scores. */
export interface ScoredCustomer extends SummaryCells {
  r_score: number;
  f_score: number;
  m_score: number;
  rfm_cell: string;
  rfm_segment: string;
  tier: string;
  tier_rank: number;
  tier_value: number;
  pyramid_level: number;
  pyramid_label: string;
  pyramid_rule: string;
  pyramid_confidence: number;
  pyramid_reasons: string[];
  pyramid_explanation: string[];
  loyalty_type: string;
  loyalty_quadrant: string;
  loyalty_rule: string;
  loyalty_confidence: number;
  loyalty_reasons: string[];
  loyalty_explanation: string[];
  missing_signals: string[];
  survey: boolean;
  model: string;
  p_alive: number;
  expected_purchases: number;
  expected_spend: number;
  margin: number;
  clv: number;
}

/** The columns of {@link ScoredCustomer}, in output order (`--explain` adds {@link EXPLAIN_COLUMNS}). */
export const SCORE_COLUMNS: readonly (keyof ScoredCustomer)[] = [
  'customer_id', 'first_purchase', 'last_purchase', 'revenue', 'cost', 'profit',
  'rfm_recency', 'rfm_frequency', 'rfm_monetary',
  'btyd_frequency', 'btyd_recency', 'btyd_T', 'btyd_monetary_value',
  'r_score', 'f_score', 'm_score', 'rfm_cell', 'rfm_segment',
  'tier', 'tier_rank', 'tier_value',
  'pyramid_level', 'pyramid_label', 'pyramid_rule', 'pyramid_confidence', 'pyramid_reasons', 'pyramid_explanation',
  'loyalty_type', 'loyalty_quadrant', 'loyalty_rule', 'loyalty_confidence', 'loyalty_reasons', 'loyalty_explanation', 'missing_signals', 'survey',
  'model', 'p_alive', 'expected_purchases', 'expected_spend', 'margin', 'clv',
];

/** Columns written only with `--explain`: the reasons as English sentences, and the absent signals. */
export const EXPLAIN_COLUMNS: readonly (keyof ScoredCustomer)[] = ['pyramid_explanation', 'loyalty_explanation', 'missing_signals'];

/** Columns holding sentences: joined with a space in CSV (the sentences hold `;`). */
export const SENTENCE_COLUMNS: readonly string[] = ['pyramid_explanation', 'loyalty_explanation'];

/** Everything {@link scoreCustomers} combines. */
export interface ScoreInputs {
  readonly summaries: readonly CustomerSummary[];
  /** Behaviour signals of the same customers (any order). */
  readonly signals: readonly CustomerLoyaltySignals[];
  readonly survey: ReadonlyMap<string, SurveyAnswers> | null;
  readonly rfm: ScoreRfmOptions;
  readonly tierBy: TierBasis;
  readonly purchase: PurchaseFit;
  readonly spend: FittedGammaGamma;
  readonly asOf: string;
  readonly timeUnit: TimeUnit;
  readonly horizon: CalendarSpan;
  readonly discountRate: DiscountRate;
  /** One margin for everybody; `undefined`: profit / revenue where the records carry cost, else 1. */
  readonly margin: number | undefined;
  /** Called with the share of customers classified, now and then. */
  readonly onProgress?: (fraction: number) => void;
}

/** Scores every customer: summary, RFM, tier, loyalty classification, model predictions and CLV. */
export function scoreCustomers(inputs: ScoreInputs): { rows: ScoredCustomer[]; surveyMatched: number } {
  const { summaries } = inputs;
  const n = summaries.length;
  const rfm = scoreRfm(summaries, inputs.rfm);
  const tiers = assignTiers(summaries, { by: inputs.tierBy });
  const tierOf = new Map<string, TierAssignment>();
  for (const t of tiers.customers) tierOf.set(idKey(t.customerId), t);
  const signalOf = new Map<string, CustomerLoyaltySignals>();
  for (const s of inputs.signals) signalOf.set(idKey(s.customerId), s);

  const histories = summaries.map((s) => scorable(s.btyd));
  const alive = inputs.purchase.probabilityAliveMany(histories);
  const clv = predictClv(
    inputs.purchase,
    inputs.spend,
    summaries.map((s, i) => ({ purchase: histories[i]!, spend: spendable(s.btyd), margin: marginOf(s, inputs.margin) })),
    { asOf: inputs.asOf, horizon: inputs.horizon, discountRate: inputs.discountRate, modelTimeUnit: inputs.timeUnit, step: discountStep(inputs.asOf, inputs.horizon, inputs.timeUnit) },
  );

  const rows = new Array<ScoredCustomer>(n);
  let surveyMatched = 0;
  for (let i = 0; i < n; i++) {
    const s = summaries[i]!;
    const key = idKey(s.customerId);
    const score = rfm.customers[i]!;
    const tier = tierOf.get(key);
    const behaviour = signalOf.get(key);
    if (!tier || !behaviour) throw new Error(`internal: customer ${String(s.customerId)} has no tier or behaviour signals`);
    const answers = inputs.survey?.get(key);
    if (answers) surveyMatched++;
    const signals = answers ? { ...behaviour, ...answers } : behaviour;
    const pyramid = classifyPyramid(signals);
    const type = classifyLoyaltyType(signals);
    rows[i] = {
      ...summaryCells(s),
      r_score: score.r,
      f_score: score.f,
      m_score: score.m,
      rfm_cell: score.cell,
      rfm_segment: score.segment ?? '',
      tier: tier.tier,
      tier_rank: tier.rank,
      tier_value: tier.value,
      pyramid_level: pyramid.level,
      pyramid_label: pyramid.label,
      pyramid_rule: pyramid.rule,
      pyramid_confidence: pyramid.confidence,
      pyramid_reasons: codes(pyramid.reasons),
      pyramid_explanation: messages(pyramid.reasons),
      loyalty_type: type.type,
      loyalty_quadrant: type.quadrant,
      loyalty_rule: type.rule,
      loyalty_confidence: type.confidence,
      loyalty_reasons: codes(type.reasons),
      loyalty_explanation: messages(type.reasons),
      missing_signals: [...type.missingSignals],
      survey: answers !== undefined,
      model: inputs.purchase.model,
      p_alive: alive[i]!,
      expected_purchases: clv.expectedPurchases[i]!,
      expected_spend: clv.expectedSpend[i]!,
      margin: clv.margin[i]!,
      clv: clv.clv[i]!,
    };
    if (inputs.onProgress && (i & 1023) === 1023) inputs.onProgress(i / n);
  }
  return { rows, surveyMatched };
}

/**
 * Length of the discounting sub-periods, in whole model time units: 1, or more when the horizon
 * spans more than 60 units (a year in days), so the sum takes at most about 60 steps. Expected
 * purchases over the horizon do not depend on it; the discounting is a midpoint rule whose
 * error is of order (rate x step)^2.
 */
export function discountStep(asOf: string, horizon: CalendarSpan, unit: TimeUnit): number {
  const from = dayFromIso(asOf);
  const to = horizon.unit === 'day' ? from + horizon.amount : horizon.unit === 'week' ? from + 7 * horizon.amount : addMonthsToDay(from, horizon.amount * (horizon.unit === 'month' ? 1 : 12));
  return Math.max(1, Math.ceil(durationBetween(from, to, unit) / 60));
}

function marginOf(s: CustomerSummary, margin: number | undefined): number {
  if (margin !== undefined) return margin;
  return s.cost !== null && s.profit !== null && s.revenue > 0 ? s.profit / s.revenue : 1;
}

function codes(reasons: readonly LoyaltyReason[]): string[] {
  return reasons.map((r) => r.code);
}

function messages(reasons: readonly LoyaltyReason[]): string[] {
  return reasons.map((r) => r.message);
}
