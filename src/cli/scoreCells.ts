import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { isoFromDay } from '../time/days.js';
import type { Cell } from './writeTable.js';

/** One output column of `score`: its name and how to read its cell for a customer index. */
export interface ScoreColumn {
  readonly name: string;
  readonly cell: (index: number) => Cell;
}

/** The columns of `score`, in output order (`--explain` adds {@link EXPLAIN_COLUMNS}). */
export const SCORE_COLUMNS: readonly string[] = [
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
export const EXPLAIN_COLUMNS: readonly string[] = ['pyramid_explanation', 'loyalty_explanation', 'missing_signals'];

/** Columns written only with `--intervals`, after `clv`: the bounds of the predictions. */
export const INTERVAL_COLUMNS: readonly string[] = [
  'p_alive_low', 'p_alive_high', 'expected_purchases_low', 'expected_purchases_high',
  'expected_spend_low', 'expected_spend_high', 'clv_low', 'clv_high',
];

/** Columns holding sentences: joined with a space in CSV (the sentences hold `;`). */
export const SENTENCE_COLUMNS: readonly string[] = ['pyramid_explanation', 'loyalty_explanation'];

/**
 * The snake_case cells of `score` over a {@link CustomerScores}: a pure formatting step that reads
 * the result's columns, one cell at a time, without building an object per customer.
 */
export function scoreColumns(scores: CustomerScores, explain: boolean): ScoreColumn[] {
  const c = scores.columns;
  const s = c.summary;
  const { rfm, tiers, loyalty } = c;
  const isoCache = new Map<number, string>();
  const iso = (d: number): string => {
    let v = isoCache.get(d);
    if (v === undefined) isoCache.set(d, (v = isoFromDay(d)));
    return v;
  };
  const cost = (i: number): number | null => {
    const v = s.cost === null ? Number.NaN : s.cost[i]!;
    return v === v ? v : null;
  };
  const model = scores.model.model;
  const cells: Record<string, (i: number) => Cell> = {
    customer_id: (i) => s.customerIds[i]!,
    first_purchase: (i) => iso(s.firstDay[i]!),
    last_purchase: (i) => iso(s.lastDay[i]!),
    revenue: (i) => s.revenue[i]!,
    cost,
    profit: (i) => {
      const k = cost(i);
      return k === null ? null : s.revenue[i]! - k;
    },
    rfm_recency: (i) => s.rfm.recency[i]!,
    rfm_frequency: (i) => s.rfm.frequency[i]!,
    rfm_monetary: (i) => s.rfm.monetary[i]!,
    btyd_frequency: (i) => s.btyd.frequency[i]!,
    btyd_recency: (i) => s.btyd.recency[i]!,
    btyd_T: (i) => s.btyd.T[i]!,
    btyd_monetary_value: (i) => s.btyd.monetaryValue[i]!,
    r_score: (i) => rfm.r[i]!,
    f_score: (i) => rfm.f[i]!,
    m_score: (i) => rfm.m[i]!,
    rfm_cell: (i) => rfm.cell(i),
    rfm_segment: (i) => rfm.segment(i) ?? '',
    tier: (i) => tiers.tierAt(i),
    tier_rank: (i) => tiers.rank[i]!,
    tier_value: (i) => c.tierValue[i]!,
    pyramid_level: (i) => loyalty.pyramidLevelAt(i),
    pyramid_label: (i) => loyalty.pyramidLabelAt(i),
    pyramid_rule: (i) => loyalty.pyramidRuleAt(i),
    pyramid_confidence: (i) => loyalty.pyramidConfidence[i]!,
    pyramid_reasons: (i) => loyalty.pyramidReasons(i),
    pyramid_explanation: (i) => loyalty.pyramidExplanation(i),
    loyalty_type: (i) => loyalty.loyaltyTypeAt(i),
    loyalty_quadrant: (i) => loyalty.loyaltyQuadrantAt(i),
    loyalty_rule: (i) => loyalty.loyaltyRuleAt(i),
    loyalty_confidence: (i) => loyalty.loyaltyConfidence[i]!,
    loyalty_reasons: (i) => loyalty.loyaltyReasons(i),
    loyalty_explanation: (i) => loyalty.loyaltyExplanation(i),
    missing_signals: (i) => loyalty.missingSignals(i),
    survey: (i) => loyalty.survey[i] === 1,
    model: () => model,
    p_alive: (i) => c.pAlive[i]!,
    expected_purchases: (i) => c.expectedPurchases[i]!,
    expected_spend: (i) => c.expectedSpend[i]!,
    margin: (i) => c.margin[i]!,
    clv: (i) => c.clv[i]!,
  };
  const names = explain ? SCORE_COLUMNS : SCORE_COLUMNS.filter((n) => !EXPLAIN_COLUMNS.includes(n));
  const out = names.map((name) => ({ name, cell: cells[name]! }));
  const iv = c.intervals;
  if (iv !== undefined) {
    for (const [prefix, m] of [['p_alive', iv.pAlive], ['expected_purchases', iv.expectedPurchases], ['expected_spend', iv.expectedSpend], ['clv', iv.clv]] as const) {
      out.push({ name: `${prefix}_low`, cell: (i) => m.low[i]! }, { name: `${prefix}_high`, cell: (i) => m.high[i]! });
    }
  }
  return out;
}
