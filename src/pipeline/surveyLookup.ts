import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { CustomerId } from '../transactions/types.js';
import type { SurveyAnswers, SurveyInput } from './types.js';

/**
 * Survey answers as a map by customer id. A list may name each customer once; the answers
 * themselves are validated by the loyalty classifiers.
 * @throws {@link InvalidInputError} for a record without a valid id or a customer listed twice.
 * @internal
 */
export function surveyLookup(survey: SurveyInput): ReadonlyMap<CustomerId, SurveyAnswers> {
  if (survey instanceof Map) return survey;
  if (!Array.isArray(survey)) {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['options', 'survey'], message: 'expected a Map of answers by customer id, or an array of { customerId, attitude?, context? }' }]);
  }
  const out = new Map<CustomerId, SurveyAnswers>();
  survey.forEach((r: unknown, i: number) => {
    const raw = (r as { customerId?: unknown } | null)?.customerId;
    if (!(typeof raw === 'string' ? raw.length > 0 : typeof raw === 'number' && Number.isFinite(raw))) {
      throw new InvalidInputError([{ code: 'invalid_customer_id', path: [i, 'customerId'], message: 'expected a non-empty string or a finite number' }], 'survey');
    }
    const id = raw as CustomerId;
    if (out.has(id)) throw new InvalidInputError([{ code: 'duplicate_customer', path: [i, 'customerId'], message: 'this customer already has answers in an earlier record' }], 'survey');
    const { attitude, context } = r as SurveyAnswers;
    out.set(id, { ...(attitude !== undefined ? { attitude } : {}), ...(context !== undefined ? { context } : {}) });
  });
  return out;
}
