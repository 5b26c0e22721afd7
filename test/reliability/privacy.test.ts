import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assignTierColumns,
  assignTiers,
  behaviourColumnsFromSignals,
  bgNbd,
  classifyLoyaltyColumns,
  classifyLoyaltyType,
  classifyPyramid,
  classifyValueLoyalty,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  gammaGamma,
  historicalValue,
  InvalidInputError,
  parseTransactions,
  predictClv,
  rfmChanges,
  safeValidateLoyaltySignals,
  scoreCustomers,
  scoreRfm,
  scoreRfmColumns,
  simulateSurvey,
  subscriptionCohorts,
  summarizeCustomers,
  tierMigration,
  tierReport,
  validateLoyaltySignals,
  type CustomerSummary,
} from '../../src/index.js';
import { cli } from '../cli/runCli.js';

// Class "privacy" (issue 11): customer ids and raw values appear in error messages and in the
// issues (serialised as a caller would log them) only under `revealValues: true`. Every validating
// entry point that reads customer ids or raw values is fed distinctive sentinels; without the
// option no sentinel may appear anywhere in the error, with it the id must appear (the option
// works, so the test can fail both ways).

const ID = 'SECRET-ID-7731';
const NUMERIC_ID = 424242017;
const VALUE = 987654.321;
const SENTINELS = [ID, String(NUMERIC_ID), String(VALUE), '987654'];

/** Reveal options as each entry point takes them. */
type Reveal = { revealValues?: true };

/** Everything a caller could log about the error: its message and its issues as JSON. */
function logged(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    const err = e as InvalidInputError;
    return `${err.message}\n${JSON.stringify(err.issues)}\n${err.issues.map((i) => i.message).join('\n')}`;
  }
  throw new Error('expected an InvalidInputError');
}

function summaries(id: string | number): CustomerSummary[] {
  return summarizeCustomers([
    { customerId: id, date: '2024-01-01', amount: 5 },
    { customerId: 'other', date: '2024-01-03', amount: 7 },
  ]).customers as CustomerSummary[];
}

const mine = (s: readonly CustomerSummary[], id: string | number): CustomerSummary => s.find((c) => c.customerId === id)!;
const good = (id: string | number) => ({ customerId: id, behaviour: { purchases: 3, tenureDays: 100, daysSinceLastPurchase: 10 } });
const model = bgNbd({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 });

/**
 * Each case: a bad input carrying the sentinel customer id `id` (and, where a raw value can be
 * echoed, the sentinel value), run with the given reveal options. `reveals` says what the option
 * must bring back: the id, or the raw value (row readers echo values, not ids).
 */
const CASES: readonly { name: string; reveals: 'id' | 'value' | 'nothing'; run: (id: string | number, o: Reveal) => unknown }[] = [
  { name: 'scoreRfm, a non-finite measure', reveals: 'id', run: (id, o) => {
    const s = summaries(id);
    return scoreRfm(s.map((c) => (c.customerId === id ? { ...c, rfm: { ...c.rfm, monetary: Number.NaN } } : c)), o);
  } },
  { name: 'scoreRfm, a duplicate customer', reveals: 'id', run: (id, o) => scoreRfm([mine(summaries(id), id), mine(summaries(id), id)], o) },
  { name: 'scoreRfmColumns with customerIds', reveals: 'id', run: (id, o) =>
    scoreRfmColumns({ recency: Float64Array.of(1, Number.NaN), frequency: Float64Array.of(1, 1), monetary: Float64Array.of(1, 1) }, { customerIds: ['a', id], ...o }) },
  { name: 'assignTiers by profit without cost', reveals: 'id', run: (id, o) => assignTiers(summaries(id), { by: 'profit', ...o }) },
  { name: 'assignTiers, a non-finite revenue', reveals: 'id', run: (id, o) => assignTiers([{ ...mine(summaries(id), id), revenue: Number.NaN }], o) },
  { name: 'assignTiers, a duplicate customer', reveals: 'id', run: (id, o) => assignTiers([mine(summaries(id), id), mine(summaries(id), id)], o) },
  { name: 'assignTierColumns with customerIds', reveals: 'id', run: (id, o) => assignTierColumns(Float64Array.of(1, Number.NaN), { customerIds: ['a', id], ...o }) },
  { name: 'assignTierColumns by profit with customerIds', reveals: 'id', run: (id, o) => assignTierColumns(Float64Array.of(1, Number.NaN), { customerIds: ['a', id], by: 'profit', ...o }) },
  { name: 'tierMigration, a malformed assignment', reveals: 'id', run: (id, o) => tierMigration([{ customerId: id, tier: 'E', value: VALUE, rank: 1 } as never], [], o) },
  { name: 'tierMigration, a duplicate customer', reveals: 'id', run: (id, o) => {
    const a = { customerId: id, tier: 'A', value: VALUE, rank: 1, percentile: 1 } as never;
    return tierMigration([a, a], [], o);
  } },
  { name: 'tierReport, a non-finite value', reveals: 'id', run: (id, o) => tierReport([{ customerId: id, tier: 'A', value: Number.NaN, rank: 1 } as never], o) },
  { name: 'tierReport, a bad tier', reveals: 'id', run: (id, o) => tierReport([{ customerId: id, tier: 'Z', value: VALUE, rank: 1 } as never], o) },
  { name: 'rfmChanges, a bad score', reveals: 'id', run: (id, o) => {
    const r = scoreRfm(summaries(id));
    return rfmChanges({ ...r, customers: r.customers.map((c) => (c.customerId === id ? { ...c, r: 99 } : c)) }, r, o);
  } },
  { name: 'rfmChanges, a duplicate customer', reveals: 'id', run: (id, o) => {
    const r = scoreRfm(summaries(id));
    const c = r.customers.find((x) => x.customerId === id)!;
    return rfmChanges(r, { ...r, customers: [c, c] }, o);
  } },
  { name: 'classifyPyramid', reveals: 'id', run: (id, o) => classifyPyramid({ customerId: id, behaviour: { purchases: VALUE } } as never, o) },
  { name: 'classifyLoyaltyType', reveals: 'id', run: (id, o) => classifyLoyaltyType({ customerId: id, behaviour: { purchases: -VALUE } } as never, o) },
  { name: 'classifyValueLoyalty', reveals: 'id', run: (id, o) => classifyValueLoyalty({ customerId: id, value: null, loyalty: { level: 1 } } as never, o) },
  { name: 'validateLoyaltySignals', reveals: 'id', run: (id, o) => validateLoyaltySignals({ customerId: id, behaviour: { purchases: 2, promoShare: VALUE } }, o) },
  { name: 'safeValidateLoyaltySignals', reveals: 'id', run: (id, o) => {
    const r = safeValidateLoyaltySignals({ customerId: id, behaviour: { purchases: 2, promoShare: VALUE } }, o);
    if (!r.success) throw r.error;
    return r;
  } },
  { name: 'simulateSurvey', reveals: 'id', run: (id, o) => simulateSurvey([good('a'), { customerId: id, behaviour: { purchases: VALUE } } as never], o) },
  { name: 'classifyLoyaltyColumns with customerIds', reveals: 'id', run: (id, o) => {
    const cols = behaviourColumnsFromSignals([good('a'), good(id)]);
    cols.purchases[1] = -VALUE;
    return classifyLoyaltyColumns(cols, { customerIds: ['a', id], ...o });
  } },
  { name: 'classifyLoyaltyColumns, bad answers', reveals: 'id', run: (id, o) =>
    classifyLoyaltyColumns(behaviourColumnsFromSignals([good(id)]), { customerIds: [id], answers: () => ({ attitude: { satisfaction: VALUE } }), ...o }) },
  { name: 'fitBgNbd', reveals: 'id', run: (id, o) => fitBgNbd([{ customerId: id, frequency: 2, recency: VALUE, T: 10 } as never, { frequency: 1, recency: 2, T: 5 }], o) },
  { name: 'fitParetoNbd', reveals: 'id', run: (id, o) => fitParetoNbd([{ customerId: id, frequency: 2, recency: VALUE, T: 10 } as never, { frequency: 1, recency: 2, T: 5 }], o) },
  { name: 'fitMbgNbd', reveals: 'id', run: (id, o) => fitMbgNbd([{ customerId: id, frequency: 2, recency: VALUE, T: 10 } as never, { frequency: 1, recency: 2, T: 5 }], o) },
  { name: 'fitBgNbd on summaries', reveals: 'id', run: (id, o) => {
    const s = summaries(id).map((c) => (c.customerId === id ? { ...c, btyd: { ...c.btyd, recency: VALUE } } : c));
    return fitBgNbd(s, o);
  } },
  { name: 'fitBgNbd with covariates', reveals: 'id', run: (id, o) =>
    fitBgNbd(
      [
        { customerId: 'a', frequency: 2, recency: 5, T: 10, z: 1 },
        { customerId: id, frequency: 1, recency: 2, T: 5, z: `v${VALUE}` },
      ] as never,
      { covariates: { purchase: ['z'] }, ...o },
    ) },
  { name: 'historicalValue', reveals: 'id', run: (id, o) => historicalValue([{ ...mine(summaries(id), id), revenue: Number.NaN }], o) },
  { name: 'subscriptionCohorts', reveals: 'id', run: (id, o) =>
    subscriptionCohorts([{ customerId: id, start: '2024-02-01', end: '2024-01-01' }], { period: 'month', asOf: '2024-06-01', ...o }) },
  { name: 'scoreCustomers, a bad survey answer', reveals: 'id', run: (id, o) =>
    scoreCustomers(
      [
        { customerId: id, date: '2024-01-01', amount: 5 },
        { customerId: id, date: '2024-02-01', amount: 5 },
        { customerId: 'b', date: '2024-01-11', amount: 5 },
      ],
      { survey: [{ customerId: id, attitude: { satisfaction: VALUE } }], parse: o },
    ) },
  { name: 'parseTransactions, a bad amount', reveals: 'value', run: (id, o) => parseTransactions([{ customerId: id, date: '2024-01-01', amount: `x${VALUE}` } as never], o) },
  { name: 'summarizeCustomers, a bad date', reveals: 'value', run: (id, o) => summarizeCustomers([{ customerId: id, date: `${VALUE}`, amount: 5 } as never], { parse: o }) },
  // these never name a customer: no option, nothing to leak
  { name: 'fitGammaGamma', reveals: 'nothing', run: (id) => fitGammaGamma([{ customerId: id, frequency: 1.5, monetaryValue: VALUE } as never, { frequency: 2, monetaryValue: 3 }]) },
  { name: 'fitBgBb', reveals: 'nothing', run: (id) => fitBgBb([{ customerId: id, frequency: 2, recency: VALUE, periods: 3 } as never, { frequency: 1, recency: 2, periods: 3 }]) },
  { name: 'expectedPurchasesMany', reveals: 'nothing', run: (id) => model.expectedPurchasesMany(10, [{ frequency: 1, recency: 2, T: 5 }, { customerId: id, frequency: 2, recency: VALUE, T: 10 } as never]) },
  { name: 'predictClv', reveals: 'nothing', run: (id) =>
    predictClv(model, gammaGamma({ p: 6, q: 4, gamma: 15 }), [good('a'), { customerId: id, purchase: { frequency: 2, recency: VALUE, T: 10 }, spend: { frequency: 2, monetaryValue: 3 } }].map((c, i) =>
      i === 0 ? { purchase: { frequency: 1, recency: 2, T: 5 }, spend: { frequency: 1, monetaryValue: 3 } } : c) as never, { asOf: '2024-01-01', horizon: { amount: 4, unit: 'week' } }) },
];

describe('no customer id or raw value in an error without revealValues', () => {
  describe.each([ID, NUMERIC_ID])('id %s', (id) => {
    it.each(CASES)('$name', ({ run }) => {
      const text = logged(() => run(id, {}));
      for (const s of SENTINELS) expect(text).not.toContain(s);
    });
  });
});

describe('revealValues: true brings them back', () => {
  it.each(CASES.filter((c) => c.reveals !== 'nothing'))('$name', ({ run, reveals }) => {
    const text = logged(() => run(ID, { revealValues: true }));
    if (reveals === 'id') {
      expect(text).toContain(ID);
      expect(text).toContain(`"customerId":"${ID}"`);
    } else expect(text).toContain(String(VALUE));
  });
});

describe('positions name the customer instead', () => {
  it('scoreRfm names the index of the bad summary', () => {
    const s = summaries(ID);
    const i = s.findIndex((c) => c.customerId === ID);
    const text = logged(() => scoreRfm(s.map((c, j) => (j === i ? { ...c, rfm: { ...c.rfm, monetary: Number.NaN } } : c))));
    expect(text).toContain(`[${i},"rfm.monetary"]`);
  });

  it('simulateSurvey names the index of the bad customer', () => {
    const text = logged(() => simulateSurvey([good('a'), { customerId: ID, behaviour: { purchases: 1.5 } } as never]));
    expect(text).toContain('[1,"behaviour.purchases"]');
  });

  it('assignTiers by profit says "customer at index N"', () => {
    const text = logged(() => assignTiers([mine(summaries(ID), ID)], { by: 'profit' }));
    expect(text).toContain('customer at index 0 has no profit');
  });
});

describe('the command line: no id or raw value on stderr without --reveal-values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-privacy-'));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const tx = file('tx.csv', 'customer_id,date,amount\na,2024-01-01,5\na,2024-02-01,5\nb,2024-01-11,3\n');
  // a file without a header read as if its first line were one: the "header" is a data row
  const headless = file('headless.csv', `${ID},hello,${VALUE}\nb,2024-01-02,5\n`);
  const badAmount = file('bad-amount.csv', `customer_id,date,amount\n${ID},2024-01-01,x${VALUE}\n`);
  const surveyHeadless = file('survey-headless.csv', `${ID},4,${VALUE}\n`);
  const surveyTwice = file('survey-twice.csv', `customer_id,satisfaction\n${ID},4\n${ID},5\n`);
  const subsHeadless = file('subs.csv', `${ID},hello,${VALUE}\n`);
  const RUNS: readonly [string, string[]][] = [
    ['a data row taken for the header (no customer column)', ['summarize', headless, '--header']],
    ['a data row taken for the header (a named column missing)', ['summarize', headless, '--header', '--customer', 'who']],
    ['a bad amount', ['summarize', badAmount]],
    ['a survey file without a header', ['score', tx, '--survey', surveyHeadless]],
    ['a survey file answering twice for one customer', ['score', tx, '--survey', surveyTwice]],
    ['a subscription file without a header', ['retention', subsHeadless]],
  ];

  it.each(RUNS)('%s', (_name, args) => {
    const hidden = cli(args);
    expect(hidden.code).not.toBe(0);
    for (const s of SENTINELS) expect(hidden.stderr).not.toContain(s);
    expect(cli([...args, '--reveal-values']).code).toBe(hidden.code);
  });

  it('--reveal-values shows the header fields and the raw value', () => {
    expect(cli(['summarize', headless, '--header', '--reveal-values']).stderr).toContain(ID);
    expect(cli(['summarize', badAmount, '--reveal-values']).stderr).toContain(String(VALUE));
    expect(cli(['retention', subsHeadless, '--reveal-values']).stderr).toContain(ID);
  });
});
