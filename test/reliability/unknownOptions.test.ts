import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  bgNbd,
  calibrationAndHoldout,
  classifyPyramid,
  expectationGap,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  formulaClv,
  gammaGamma,
  historicalValue,
  InvalidInputError,
  paretoNbd,
  predictClv,
  retentionImpact,
  rfmChanges,
  scoreCustomers,
  scoreRfm,
  simulateTransactions,
  summarizeCustomers,
  tierPlaybook,
} from '../../src/index.js';
import { nearestName } from '../../src/errors/knownKeys.js';
import { thrownIssues } from './thrownIssues.js';

// Class "option typos" (issue 11): every options object and parameter object rejects unknown keys
// with unknown_option naming the nearest valid name.

const firstIssue = (run: () => unknown): InvalidInputError['issues'][0] => thrownIssues(run)[0];

const rows = [
  { frequency: 2, recency: 10, T: 20 },
  { frequency: 0, recency: 0, T: 20 },
];

describe('nearestName', () => {
  it.each([
    ['discountrate', ['discountRate', 'margin', 'asOf'], 'discountRate'],
    ['asof', ['asOf', 'timeUnit'], 'asOf'],
    ['oninvalid', ['onInvalid', 'dateFormat'], 'onInvalid'],
    ['maxIteration', ['maxIterations', 'maxEvaluations', 'start'], 'maxIterations'],
    ['l2penalty', ['l2Penalty', 'start'], 'l2Penalty'],
    ['marign', ['margin', 'asOf'], 'margin'],
    ['zzzzzzzz', ['margin', 'asOf'], null],
  ] as const)('%s -> %s', (key, names, expected) => {
    expect(nearestName(key, names)).toBe(expected);
  });
});

describe('model fits and parameter objects', () => {
  it.each([
    ['fitBgNbd', () => fitBgNbd(rows, { maxIteration: 10 } as never), 'maxIteration', 'maxIterations'],
    ['fitMbgNbd', () => fitMbgNbd(rows, { l2penalty: 0.1 } as never), 'l2penalty', 'l2Penalty'],
    ['fitParetoNbd', () => fitParetoNbd(rows, { wieghts: [1, 1] } as never), 'wieghts', 'weights'],
    ['fitBgBb', () => fitBgBb([{ frequency: 1, recency: 2, periods: 3 }, { frequency: 0, recency: 0, periods: 3 }], { standardError: false } as never), 'standardError', 'standardErrors'],
    ['fitGammaGamma', () => fitGammaGamma([{ frequency: 1, monetaryValue: 3 }, { frequency: 2, monetaryValue: 4 }], { Start: {} } as never), 'Start', 'start'],
  ])('%s', (_fn, run, key, near) => {
    const issue = firstIssue(run);
    expect(issue).toMatchObject({ code: 'unknown_option', path: ['options', key] });
    expect(issue.message).toContain(`did you mean ${near}?`);
  });

  it('bgNbd({ …, s: 2 }) and other parameter objects', () => {
    const issue = firstIssue(() => bgNbd({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4, s: 2 } as never));
    expect(issue).toMatchObject({ code: 'unknown_option', path: ['params', 's'] });
    expect(firstIssue(() => paretoNbd({ r: 0.5, alpha: 10, s: 0.6, beta: 11, b: 1 } as never)).path).toEqual(['params', 'b']);
    expect(firstIssue(() => gammaGamma({ p: 6, q: 4, gama: 15 } as never)).message).toMatch(/did you mean gamma\?/);
  });
});

describe('every other area (the red-team examples and one per entry point)', () => {
  const tx = [
    { customerId: 'a', date: '2024-01-01', amount: 10 },
    { customerId: 'a', date: '2024-02-01', amount: 20 },
    { customerId: 'b', date: '2024-01-15', amount: 5 },
  ];
  const summaries = summarizeCustomers(tx, { asOf: '2024-03-01' });
  const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
  const spend = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
  const clvRow = [{ purchase: { frequency: 2, recency: 30, T: 38 }, spend: { frequency: 2, monetaryValue: 20 } }];
  const rfm = scoreRfm(summaries);
  it.each([
    ['predictClv discountrate (was 38.44 instead of 30.22)', () => predictClv(model, spend, clvRow, { asOf: '2024-01-01', horizon: { amount: 12, unit: 'month' }, discountrate: 0.1 } as never), 'discountrate', 'discountRate'],
    ['summarizeCustomers asof', () => summarizeCustomers(tx, { asof: '2024-03-01' } as never), 'asof', 'asOf'],
    ['calibrationAndHoldout', () => calibrationAndHoldout(tx, { calibrationEnd: '2024-01-31', observationEnd: '2024-03-01', timeunit: 'week' } as never), 'timeunit', 'timeUnit'],
    ['formulaClv', () => formulaClv({ marginPerPeriod: 10, retention: 0.8, discountRate: 0.1, horizon: 5, acquisitoinCost: 3 } as never), 'acquisitoinCost', 'acquisitionCost'],
    ['retentionImpact', () => retentionImpact({ retention: 0.8, change: 0.05, marginPerPeriod: 10, discountRate: 0.1, horizn: 5 } as never), 'horizn', 'horizon'],
    ['historicalValue', () => historicalValue(summaries.customers, { margn: 0.3 } as never), 'margn', 'margin'],
    ['scoreRfm', () => scoreRfm(summaries, { K: 5 } as never), 'K', 'k'],
    ['rfmChanges', () => rfmChanges(rfm, rfm, { dropthreshold: 2 } as never), 'dropthreshold', 'dropThreshold'],
    ['assignTiers', () => assignTiers(summaries, { share: [0.2, 0.3, 0.3, 0.2] } as never), 'share', 'shares'],
    ['tierPlaybook', () => tierPlaybook('A', { lokale: 'en' } as never), 'lokale', 'locale'],
    ['expectationGap', () => expectationGap(5, 4, { tolerence: 0.5 } as never), 'tolerence', 'tolerance'],
    ['classifyPyramid', () => classifyPyramid({} as never, { minRepeatPurchase: 2 } as never), 'minRepeatPurchase', 'minRepeatPurchases'],
    ['scoreCustomers l2penalty', () => scoreCustomers(tx, { l2penalty: 0.1 } as never), 'l2penalty', 'l2Penalty'],
    ['scoreCustomers maxIteration', () => scoreCustomers(tx, { maxIteration: 10 } as never), 'maxIteration', 'maxIterations'],
    ['simulateTransactions', () => simulateTransactions({ customers: 3, seeed: 1 } as never), 'seeed', 'seed'],
  ])('%s', (_fn, run, key, near) => {
    const issue = firstIssue(run);
    expect(issue).toMatchObject({ code: 'unknown_option', path: ['options', key] });
    expect(issue.message).toContain(`did you mean ${near}?`);
  });
});
