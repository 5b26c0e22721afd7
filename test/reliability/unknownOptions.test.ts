import { describe, expect, it } from 'vitest';
import { bgNbd, fitBgBb, fitBgNbd, fitGammaGamma, fitMbgNbd, fitParetoNbd, gammaGamma, InvalidInputError, paretoNbd } from '../../src/index.js';
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
