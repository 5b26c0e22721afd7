import type { SurveyResponse } from '../../src/loyalty/simulateSurvey.js';
import type { AttitudeSignals, ContextSignals, LoyaltySignals } from '../../src/loyalty/types.js';
import type { CustomerId } from '../../src/transactions/types.js';

/** Columns of examples/data/survey.csv: answers on 1..5; empty = not answered or not asked. */
export const SURVEY_COLUMNS = [
  ['customer_id', 'customerId'],
  ['satisfaction', 'satisfaction'],
  ['repurchase_intention', 'repurchaseIntention'],
  ['recommend_likelihood', 'recommendLikelihood'],
  ['competitor_appeal', 'competitorAppeal'],
  ['quality_tolerance', 'qualityTolerance'],
  ['price_sensitivity', 'priceSensitivity'],
  ['decision_time', 'decisionTime'],
  ['has_alternatives', 'hasAlternatives'],
  ['switching_cost', 'switchingCost'],
  ['convenience', 'convenience'],
] as const;

const CONTEXT = new Set(['hasAlternatives', 'switchingCost', 'convenience']);

/** Writes survey responses as CSV text (LF line ends, final newline). */
export function surveyToCsv(responses: readonly SurveyResponse[]): string {
  const lines = [SURVEY_COLUMNS.map(([h]) => h).join(',')];
  for (const r of responses) {
    const cells = SURVEY_COLUMNS.map(([, key]) => {
      if (key === 'customerId') return String(r.customerId);
      const g = (CONTEXT.has(key) ? r.context : r.attitude) as Record<string, unknown> | undefined;
      const v = g?.[key];
      return v === undefined ? '' : String(v);
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Reads survey.csv back into attitude and context groups (scale 1..5), by customer id. */
export function surveyFromCsv(text: string): Map<CustomerId, Pick<LoyaltySignals, 'attitude' | 'context'>> {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const out = new Map<CustomerId, Pick<LoyaltySignals, 'attitude' | 'context'>>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const attitude: Record<string, unknown> = { scale: { min: 1, max: 5 } };
    const context: Record<string, unknown> = { scale: { min: 1, max: 5 } };
    let hasContext = false;
    SURVEY_COLUMNS.forEach(([, key], i) => {
      const cell = f[i] ?? '';
      if (key === 'customerId' || cell === '') return;
      if (key === 'hasAlternatives') {
        context[key] = cell === 'true';
        hasContext = true;
      } else if (CONTEXT.has(key)) {
        context[key] = Number(cell);
        hasContext = true;
      } else attitude[key] = Number(cell);
    });
    out.set(f[0]!, { attitude: attitude as AttitudeSignals, ...(hasContext ? { context: context as ContextSignals } : {}) });
  }
  return out;
}
