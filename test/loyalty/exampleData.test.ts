import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyLoyaltyType } from '../../src/loyalty/classifyLoyaltyType.js';
import { classifyPyramid } from '../../src/loyalty/classifyPyramid.js';
import { deriveBehaviourSignals } from '../../src/loyalty/deriveBehaviourSignals.js';
import { simulateSurvey } from '../../src/loyalty/simulateSurvey.js';
import { examplePath, exampleTransactions } from './loadData.js';
import { surveyFromCsv, surveyToCsv } from './surveyCsv.js';

// The example data: examples/data/transactions.csv (simulateTransactions({ customers: 3000,
// start: '2024-01-01', end: '2025-12-31', seed: 2024 })) and examples/data/survey.csv, made here by
// simulateSurvey(deriveBehaviourSignals(transactions, { asOf: '2025-12-31' }).customers, { seed: 2024 }).
// Regenerate the survey after the transactions change with:
//   UPDATE_SURVEY=1 npx vitest run test/loyalty/exampleData.test.ts
// The distributions below are the ones printed in docs/loyalty.md.

const AS_OF = '2025-12-31';
const customers = deriveBehaviourSignals(exampleTransactions(), { asOf: AS_OF }).customers;

function tally(xs: readonly (string | number)[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of [...xs].sort()) m[String(x)] = (m[String(x)] ?? 0) + 1;
  return m;
}

describe('example data', () => {
  const csv = surveyToCsv(simulateSurvey(customers, { seed: 2024 }));
  if (process.env['UPDATE_SURVEY'] === '1') writeFileSync(examplePath('survey.csv'), csv);

  it('survey.csv is exactly what simulateSurvey gives for the example transactions (seed 2024)', () => {
    expect(readFileSync(examplePath('survey.csv'), 'utf8')).toBe(csv);
  });

  it('transactions only: pyramid levels and behavioural quadrants of the 3,000 customers', () => {
    const p = customers.map((c) => classifyPyramid(c));
    const t = customers.map((c) => classifyLoyaltyType(c));
    expect(customers).toHaveLength(3000);
    expect(tally(p.map((r) => r.level))).toEqual({ 1: 1464, 2: 1182, 3: 354 });
    expect(tally(t.map((r) => r.quadrant))).toEqual({ latent: 774, none: 1295, spurious: 209, true: 722 });
    expect(tally(t.map((r) => r.type))).toEqual({ incentive: 138, inertia: 61, latent: 774, none: 1295, price: 10, true: 722 });
    // promo and discount columns present: behaviour complete, survey and context missing
    expect(new Set(p.map((r) => r.confidence))).toEqual(new Set([0.5]));
  });

  it('with the survey: pyramid levels, quadrants and types of the respondents', () => {
    const survey = surveyFromCsv(readFileSync(examplePath('survey.csv'), 'utf8'));
    const respondents = customers.filter((c) => survey.has(c.customerId)).map((c) => ({ ...c, ...survey.get(c.customerId) }));
    expect(respondents).toHaveLength(survey.size);
    const p = respondents.map((c) => classifyPyramid(c));
    const t = respondents.map((c) => classifyLoyaltyType(c));
    const behaviourOnly = respondents.map((c) => classifyLoyaltyType({ behaviour: c.behaviour }));
    expect(respondents).toHaveLength(912);
    expect(tally(p.map((r) => r.level))).toEqual({ 1: 653, 2: 132, 3: 79, 4: 48 });
    expect(tally(t.map((r) => r.quadrant))).toEqual({ latent: 77, none: 564, spurious: 128, true: 143 });
    expect(tally(t.map((r) => r.type))).toEqual({ convenience: 9, incentive: 9, inertia: 39, latent: 77, monopoly: 5, none: 564, price: 66, true: 143 });
    expect(tally(behaviourOnly.map((r) => r.quadrant))).toEqual({ latent: 243, none: 398, spurious: 61, true: 210 });
  });
});
