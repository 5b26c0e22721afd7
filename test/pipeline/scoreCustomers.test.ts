// scoreCustomers is the composition of the library's own steps, computed by column: the same
// numbers as calling each public function and joining by customer id, for every customer.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  classifyLoyaltyType,
  classifyPyramid,
  deriveBehaviourSignals,
  fitBgNbd,
  fitGammaGamma,
  fitPurchaseModel,
  InvalidInputError,
  ModelFitError,
  predictClv,
  scoreCustomers,
  scoreRfm,
  simulateTransactions,
  summarizeCustomers,
  type CustomerId,
  type TransactionInput,
} from '../../src/index.js';
import { examplePath, exampleTransactions } from '../loyalty/loadData.js';
import { surveyFromCsv } from '../loyalty/surveyCsv.js';

const rows = exampleTransactions();
const survey = surveyFromCsv(readFileSync(examplePath('survey.csv'), 'utf8'));
const asOf = '2025-12-31';

describe('scoreCustomers on the example data', () => {
  const scores = scoreCustomers(rows, { asOf, survey });

  it('equals the library steps joined by customer id', () => {
    const { customers: summaries } = summarizeCustomers(rows, { asOf, timeUnit: 'week' });
    const rfm = scoreRfm(summaries);
    const tiers = new Map(assignTiers(summaries).customers.map((t) => [t.customerId, t]));
    const signals = new Map(deriveBehaviourSignals(rows, { asOf }).customers.map((s) => [s.customerId, s]));
    const btyd = summaries.map((s) => s.btyd);
    const purchase = fitBgNbd(btyd);
    const repeat = summaries.filter((s) => s.btyd.frequency > 0 && s.btyd.monetaryValue > 0).map((s) => s.btyd);
    const spend = fitGammaGamma(repeat);
    expect(scores.model.params).toEqual(purchase.params);
    expect(scores.spendModel.params).toEqual(spend.params);
    const clv = predictClv(purchase, spend, summaries, { asOf, horizon: { amount: 1, unit: 'year' }, discountRate: { rate: 0.1, per: 'year' }, modelTimeUnit: 'week' });
    const alive = purchase.probabilityAliveMany(btyd);

    expect(scores.customers).toHaveLength(summaries.length);
    scores.customers.forEach((c, i) => {
      const s = summaries[i]!;
      expect(c.customerId).toBe(s.customerId);
      expect({ ...c }).toMatchObject({ ...s });
      const r = rfm.customers[i]!;
      expect([c.rScore, c.fScore, c.mScore, c.rfmCell, c.rfmSegment]).toEqual([r.r, r.f, r.m, r.cell, r.segment]);
      const t = tiers.get(s.customerId)!;
      expect([c.tier, c.tierRank, c.tierValue]).toEqual([t.tier, t.rank, t.value]);
      const answers = survey.get(s.customerId);
      const sig = { ...signals.get(s.customerId)!, ...(answers ?? {}) };
      const p = classifyPyramid(sig);
      const ty = classifyLoyaltyType(sig);
      expect([c.pyramidLevel, c.pyramidLabel, c.pyramidRule, c.pyramidConfidence]).toEqual([p.level, p.label, p.rule, p.confidence]);
      expect(c.pyramidReasons).toEqual(p.reasons.map((x) => x.code));
      expect([c.loyaltyType, c.loyaltyQuadrant, c.loyaltyRule, c.loyaltyConfidence]).toEqual([ty.type, ty.quadrant, ty.rule, ty.confidence]);
      expect(c.loyaltyReasons).toEqual(ty.reasons.map((x) => x.code));
      expect(c.missingSignals).toEqual(ty.missingSignals);
      expect(c.survey).toBe(answers !== undefined);
      expect(c.pAlive).toBe(alive[i]);
      expect(c.expectedPurchases).toBe(clv.expectedPurchases[i]);
      expect(c.expectedSpend).toBe(clv.expectedSpend[i]);
      expect(c.margin).toBe(clv.margin[i]);
      expect(c.clv).toBe(clv.clv[i]);
    });
  });

  it('scores customers first seen on the as-of date as just acquired (T = 0)', () => {
    const newcomers = ['N1', 'N2', 'N3'].map((customerId) => ({ customerId, date: asOf, amount: 30 }));
    const withNew = scoreCustomers([...rows, ...newcomers], { asOf });
    const fresh = withNew.customers.filter((c) => c.btyd.T === 0);
    expect(fresh.map((c) => c.customerId)).toEqual(['N1', 'N2', 'N3']);
    // Likelihood 1: the fit is the same as without them.
    expect(withNew.model.params).toEqual(scoreCustomers(rows, { asOf }).model.params);
    const newcomer = withNew.model.expectedPurchases(365 / 7, { frequency: 0, recency: 0, T: 0 });
    for (const c of fresh) {
      expect(c.pAlive).toBe(1);
      expect(c.expectedPurchases).toBeCloseTo(newcomer, 12);
      expect(Number.isFinite(c.clv) && c.clv > 0).toBe(true);
    }
  });

  it('counts the survey answers it joined', () => {
    expect(scores.survey).toEqual({ matched: 912, unmatched: 0 });
    const extra = new Map(survey);
    extra.set('nobody', { attitude: { scale: { min: 1, max: 5 }, satisfaction: 5 } });
    const withExtra = scoreCustomers(rows, { asOf, survey: extra });
    expect(withExtra.survey).toEqual({ matched: 912, unmatched: 1 });
    expect(withExtra.warnings.find((w) => w.code === 'survey_unmatched')?.message).toBe('1 survey id without transactions ignored');
  });

  it('takes the survey as a list of records alike', () => {
    const list = [...survey].map(([customerId, answers]) => ({ customerId, ...answers }));
    const a = scoreCustomers(rows, { asOf, survey: list });
    expect(Array.from(a.columns.loyalty.pyramidConfidence)).toEqual(Array.from(scores.columns.loyalty.pyramidConfidence));
    expect(() => scoreCustomers(rows, { asOf, survey: [list[0]!, list[0]!] })).toThrow(InvalidInputError);
  });

  it('builds one customer alike, with explanations on request', () => {
    expect(scores.customer(7)).toEqual(scores.customers[7]);
    const explained = scores.customer(7, true);
    expect(explained.pyramidExplanation).toHaveLength(explained.pyramidReasons.length);
    expect(explained.loyaltyExplanation).toHaveLength(explained.loyaltyReasons.length);
    expect(() => scores.customer(scores.length)).toThrow(RangeError);
  });
});

describe('scoreCustomers inputs and options', () => {
  const small = simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 5 });

  it('gives the same result for rows, a table, and an async iterable of batches', async () => {
    const a = scoreCustomers(small);
    async function* batches(): AsyncGenerator<TransactionInput[]> {
      for (let i = 0; i < small.length; i += 97) yield small.slice(i, i + 97);
    }
    const b = await scoreCustomers(batches());
    expect(b.customers).toEqual(a.customers);
  });

  it('does not mutate its input, and does not depend on row order', () => {
    const copy = structuredClone(small);
    const a = scoreCustomers(small, { model: 'paretonbd' });
    expect(small).toEqual(copy);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(small, { minLength: small.length, maxLength: small.length }), { numRuns: 1, seed })[0]!;
        const b = scoreCustomers(shuffled, { model: 'paretonbd' });
        expect(b.columns.summary.customerIds).toEqual(a.columns.summary.customerIds);
        expect(Array.from(b.columns.tiers.rank)).toEqual(Array.from(a.columns.tiers.rank));
        b.customers.forEach((c, i) => {
          expect(c.rfmCell).toBe(a.customers[i]!.rfmCell);
          expect(c.loyaltyRule).toBe(a.customers[i]!.loyaltyRule);
          expect(Math.abs(c.clv - a.customers[i]!.clv)).toBeLessThanOrEqual(1e-9 * Math.max(1, a.customers[i]!.clv));
        });
      }),
      { numRuns: 3 },
    );
  });

  it('chooses the model on a holdout with model: best', () => {
    const best = scoreCustomers(small, { model: 'best' });
    expect(best.selection?.scores.map((s) => s.model)).toEqual(['bgnbd', 'paretonbd', 'mbgnbd']);
    expect(best.model.model).toBe(best.selection?.best);
    // The last third of the days from the first purchase to the end is held out.
    const first = Date.parse([...small].sort((a, b) => String(a.date).localeCompare(String(b.date)))[0]!.date as string) / 86_400_000;
    const end = Date.parse(best.asOf) / 86_400_000;
    expect(best.selection?.calibrationEnd).toBe(new Date((first + Math.floor((2 * (end - first)) / 3)) * 86_400_000).toISOString().slice(0, 10));
  });

  it('uses the given margin, horizon and discount rate', () => {
    const flat = scoreCustomers(small, { margin: 0.25, horizon: { amount: 6, unit: 'month' }, discountRate: { rate: 0, per: 'year' } });
    for (const c of flat.customers) {
      expect(c.margin).toBe(0.25);
      expect(c.clv).toBeCloseTo(0.25 * c.expectedSpend * c.expectedPurchases, 9);
    }
  });

  it('rejects bad options with a typed error naming the option', () => {
    const bad = (options: object): unknown => {
      try {
        scoreCustomers(small, options as never);
      } catch (e) {
        return e instanceof InvalidInputError ? e.issues[0].path : e;
      }
      return 'no error';
    };
    expect(bad({ model: 'bg' })).toEqual(['options', 'model']);
    expect(bad({ calibrationEnd: '2025-01-01' })).toEqual(['options', 'calibrationEnd']);
    expect(bad({ margin: 2 })).toEqual(['options', 'margin']);
    expect(bad({ tierBy: 'ranking' })).toEqual(['options', 'tierBy']);
    expect(bad({ maxIterations: 0 })).toEqual(['options', 'maxIterations']);
  });

  it('needs costs to tier by profit', () => {
    const noCost = small.map(({ customerId, date, amount }) => ({ customerId, date, amount }));
    expect(() => scoreCustomers(noCost, { tierBy: 'profit' })).toThrow(/profit needs costs/);
  });

  it('says when no model can be fitted', () => {
    expect(() => scoreCustomers([], { asOf: '2024-01-01' })).toThrow(ModelFitError);
    const once: TransactionInput[] = [1, 2, 3].map((i) => ({ customerId: i, date: `2024-01-0${i}`, amount: 10 }));
    expect(() => scoreCustomers(once)).toThrow(/BG\/NBD cannot be fitted/);
    expect(() => scoreCustomers([{ customerId: 'a', date: '2024-01-01', amount: 5 }])).toThrow(ModelFitError);
  });

  it('flags a fit on a small sample', () => {
    const few = simulateTransactions({ customers: 30, start: '2024-01-01', end: '2024-12-31', seed: 3 });
    const r = scoreCustomers(few);
    expect(r.warnings.some((w) => w.source === 'purchase' && w.code === 'small_sample')).toBe(true);
  });

  it('keeps customer ids as given: 1 and "1" are different customers', () => {
    const extra: TransactionInput[] = [
      { customerId: 1, date: '2024-02-01', amount: 10 },
      { customerId: '1', date: '2024-03-01', amount: 20 },
    ];
    const ids = scoreCustomers([...small, ...extra]).columns.summary.customerIds;
    expect(ids.slice(0, 1)).toEqual([1]);
    expect(ids).toContain('1');
  });
});

describe('fitPurchaseModel', () => {
  it('is the fit scoreCustomers uses', () => {
    const small = simulateTransactions({ customers: 300, start: '2024-01-01', end: '2025-06-30', seed: 5 });
    const { customers } = summarizeCustomers(small, { timeUnit: 'week' });
    for (const model of ['bgnbd', 'paretonbd', 'mbgnbd'] as const) {
      expect(fitPurchaseModel(customers.map((c) => c.btyd), { model }).params).toEqual(scoreCustomers(small, { model }).model.params);
    }
  });
});
