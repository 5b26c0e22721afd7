import type { CustomerScores } from '../pipeline/CustomerScores.js';
import { isoFromDay } from '../time/days.js';
import type { Cell } from './writeTable.js';
import { codedCells as coded, numberCells as num, type IndexedColumn } from './writeColumns.js';

/** One output column of `score`: its name and how to read its cell for a customer index. */
export type ScoreColumn = IndexedColumn;

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
 * the result's columns, one cell at a time, without building an object per customer. Numeric
 * columns carry their arrays (`values`) and coded columns a key per customer (`key`: a day, a
 * code, a packed reason list), so the writers format each distinct text once.
 */
export function scoreColumns(scores: CustomerScores, explain: boolean): ScoreColumn[] {
  const c = scores.columns;
  const s = c.summary;
  const { rfm, tiers, loyalty } = c;
  const rawCost = s.cost;
  const cost = (i: number): number | null => {
    const v = rawCost === null ? Number.NaN : rawCost[i]!;
    return v === v ? v : null;
  };
  const profit = (i: number): number | null => {
    const k = cost(i);
    return k === null ? null : s.revenue[i]! - k;
  };
  // with a cost for every customer, cost and profit are plain numbers
  const costs = rawCost !== null && !rawCost.some((v) => v !== v) ? rawCost : undefined;
  const profits = costs === undefined ? undefined : s.revenue.map((v, i) => v - costs[i]!);
  const model = scores.model.model;
  const { r, f, m } = rfm;
  const cells: Record<string, Omit<ScoreColumn, 'name'>> = {
    customer_id: { cell: (i) => s.customerIds[i]! },
    first_purchase: coded(s.firstDay, (i) => isoFromDay(s.firstDay[i]!)),
    last_purchase: coded(s.lastDay, (i) => isoFromDay(s.lastDay[i]!)),
    revenue: num(s.revenue),
    cost: costs === undefined ? { cell: cost } : num(costs),
    profit: profits === undefined ? { cell: profit } : num(profits),
    rfm_recency: num(s.rfm.recency),
    rfm_frequency: num(s.rfm.frequency),
    rfm_monetary: num(s.rfm.monetary),
    btyd_frequency: num(s.btyd.frequency),
    btyd_recency: num(s.btyd.recency),
    btyd_T: num(s.btyd.T),
    btyd_monetary_value: num(s.btyd.monetaryValue),
    r_score: num(r),
    f_score: num(f),
    m_score: num(m),
    rfm_cell: { cell: (i) => rfm.cell(i), key: (i) => (r[i]! << 16) | (f[i]! << 8) | m[i]! },
    rfm_segment: coded(rfm.segmentIndex, (i) => rfm.segment(i) ?? ''),
    tier: coded(tiers.tier, (i) => tiers.tierAt(i)),
    tier_rank: num(tiers.rank),
    tier_value: num(c.tierValue),
    pyramid_level: num(loyalty.pyramidLevel),
    pyramid_label: coded(loyalty.pyramidLevel, (i) => loyalty.pyramidLabelAt(i)),
    pyramid_rule: coded(loyalty.pyramidLevel, (i) => loyalty.pyramidRuleAt(i)),
    pyramid_confidence: num(loyalty.pyramidConfidence),
    pyramid_reasons: coded(loyalty.pyramidReasonCodes, (i) => loyalty.pyramidReasons(i)),
    pyramid_explanation: { cell: (i) => loyalty.pyramidExplanation(i) },
    loyalty_type: coded(loyalty.loyaltyType, (i) => loyalty.loyaltyTypeAt(i)),
    loyalty_quadrant: coded(loyalty.loyaltyQuadrant, (i) => loyalty.loyaltyQuadrantAt(i)),
    loyalty_rule: coded(loyalty.loyaltyRule, (i) => loyalty.loyaltyRuleAt(i)),
    loyalty_confidence: num(loyalty.loyaltyConfidence),
    loyalty_reasons: coded(loyalty.loyaltyReasonCodes, (i) => loyalty.loyaltyReasons(i)),
    loyalty_explanation: { cell: (i) => loyalty.loyaltyExplanation(i) },
    missing_signals: coded(loyalty.missing, (i) => loyalty.missingSignals(i)),
    survey: coded(loyalty.survey, (i) => loyalty.survey[i] === 1),
    model: { cell: () => model, key: () => 0 },
    p_alive: num(c.pAlive),
    expected_purchases: num(c.expectedPurchases),
    expected_spend: num(c.expectedSpend),
    margin: num(c.margin),
    clv: num(c.clv),
  };
  const names = explain ? SCORE_COLUMNS : SCORE_COLUMNS.filter((n) => !EXPLAIN_COLUMNS.includes(n));
  const out: ScoreColumn[] = names.map((name) => ({ name, ...cells[name]! }));
  const iv = c.intervals;
  if (iv !== undefined) {
    for (const [prefix, b] of [['p_alive', iv.pAlive], ['expected_purchases', iv.expectedPurchases], ['expected_spend', iv.expectedSpend], ['clv', iv.clv]] as const) {
      out.push({ name: `${prefix}_low`, ...num(b.low) }, { name: `${prefix}_high`, ...num(b.high) });
    }
  }
  return out;
}
