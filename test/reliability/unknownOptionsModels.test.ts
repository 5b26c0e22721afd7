import { describe, expect, it } from 'vitest';
import { bgNbd, bootstrapFit, fitBetaDiscreteWeibull, fitBgNbd, fitGammaGamma, fitShiftedBetaGeometric, predictWithUncertainty, sampleParameters } from '../../src/index.js';
import { minimize } from '../../src/math.js';
import { thrownIssues } from './thrownIssues.js';

// Class "option typos" (issue 11), the areas added here: contractual fits, uncertainty and
// minimize reject an unknown option key with unknown_option naming the nearest valid name.

const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
const rows = [
  { frequency: 2, recency: 10, T: 20 },
  { frequency: 0, recency: 0, T: 20 },
  { frequency: 5, recency: 18, T: 20 },
  { frequency: 1, recency: 3, T: 15 },
];

describe('unknown option keys', () => {
  it.each([
    ['fitShiftedBetaGeometric', () => fitShiftedBetaGeometric(survivors, { maxIteration: 5 } as never), 'maxIteration', 'maxIterations'],
    ['fitBetaDiscreteWeibull', () => fitBetaDiscreteWeibull(survivors, { l2penalty: 0.1 } as never), 'l2penalty', 'l2Penalty'],
    ['minimize', () => minimize((x) => (x[0]! - 1) ** 2, [0], { maxIteration: 5 } as never), 'maxIteration', 'maxIterations'],
    ['sampleParameters', () => sampleParameters(fitBgNbd(rows), { draw: 5 } as never), 'draw', 'draws'],
    ['bootstrapFit', () => bootstrapFit(fitBgNbd, rows, { draw: 5 } as never), 'draw', 'draws'],
    [
      'predictWithUncertainty',
      () => predictWithUncertainty(fitBgNbd(rows), [{ purchase: rows[0]!, spend: { frequency: 2, monetaryValue: 3 } }], {
        spendModel: fitGammaGamma([{ frequency: 2, monetaryValue: 3 }, { frequency: 5, monetaryValue: 4 }, { frequency: 1, monetaryValue: 9 }]),
        asOf: '2024-01-01',
        horizon: { amount: 4, unit: 'week' },
        lvl: 0.9,
      } as never),
      'lvl',
      'level',
    ],
  ] as const)('%s', (_fn, run, key, near) => {
    const [issue] = thrownIssues(run);
    expect(issue).toMatchObject({ code: 'unknown_option', path: ['options', key] });
    expect(issue.message).toContain(`did you mean ${near}?`);
  });

  it('valid options still pass', () => {
    expect(fitShiftedBetaGeometric(survivors, { maxIterations: 200 }).params.alpha).toBeGreaterThan(0);
    expect(minimize((x) => (x[0]! - 1) ** 2, [0], { maxIterations: 50 }).x[0]).toBeCloseTo(1, 5);
    expect(bgNbd({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }).model).toBe('bgnbd');
  });
});
