// Coverage of the 90% intervals (issue 14): on 200 data sets simulated from known BG/NBD
// parameters, each parameter's interval must hold the true value in 85-95% of the data sets.
// Slow (200 bootstraps of 200 refits each, a few minutes): skipped unless LOYALTY_SCORE_COVERAGE=1.
//   LOYALTY_SCORE_COVERAGE=1 npx vitest run test/models/uncertainty/coverage.test.ts
// It prints the coverage of the bootstrap percentile intervals and, beside them, of the asymptotic
// ones (exp(log θ̂ ± 1.645 SE_log), the normal approximation predictWithUncertainty draws from).
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { simulateBgNbd } from '../../../src/models/bgnbd/simulateBgNbd.js';
import { bootstrapFit } from '../../../src/models/uncertainty/bootstrapFit.js';

const RUN = process.env['LOYALTY_SCORE_COVERAGE'] === '1';
/** The published CDNOW estimates as the truth; CDNOW's size and ages (2,357 customers, 27-39 weeks). */
const TRUTH = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
const NAMES = ['r', 'alpha', 'a', 'b'] as const;
const DATA_SETS = 200;
const CUSTOMERS = 2357;
const Ts = Array.from({ length: CUSTOMERS }, (_, i) => 27 + (i % 85) / 7);

describe.skipIf(!RUN)('coverage of the 90% intervals on 200 simulated BG/NBD data sets', () => {
  it('bootstrap percentile and asymptotic intervals cover each true parameter in 85-95% of the data sets', () => {
    const boot = { r: 0, alpha: 0, a: 0, b: 0 };
    const wald = { r: 0, alpha: 0, a: 0, b: 0 };
    let failedRefits = 0;
    for (let k = 0; k < DATA_SETS; k++) {
      const data = simulateBgNbd(TRUTH, { T: Ts, seed: 1000 + k });
      const b = bootstrapFit(fitBgNbd, data, { draws: 200, seed: k + 1, level: 0.9 });
      failedRefits += b.failed;
      const cov = b.fit.logParameterCovariance;
      NAMES.forEach((name, i) => {
        const iv = b.intervals[name];
        if (iv.low <= TRUTH[name] && TRUTH[name] <= iv.high) boot[name]++;
        if (cov) {
          const se = Math.sqrt(cov[i * 4 + i]!);
          const u = Math.log(b.params[name]);
          if (Math.exp(u - 1.6448536269514722 * se) <= TRUTH[name] && TRUTH[name] <= Math.exp(u + 1.6448536269514722 * se)) wald[name]++;
        }
      });
    }
    const share = (c: Record<string, number>): Record<string, number> => Object.fromEntries(NAMES.map((n) => [n, c[n]! / DATA_SETS]));
    console.log('bootstrap percentile coverage', share(boot), 'asymptotic coverage', share(wald), 'failed refits', failedRefits);
    for (const name of NAMES) {
      expect(boot[name] / DATA_SETS, `bootstrap ${name}`).toBeGreaterThanOrEqual(0.85);
      expect(boot[name] / DATA_SETS, `bootstrap ${name}`).toBeLessThanOrEqual(0.95);
      expect(wald[name] / DATA_SETS, `asymptotic ${name}`).toBeGreaterThanOrEqual(0.85);
      expect(wald[name] / DATA_SETS, `asymptotic ${name}`).toBeLessThanOrEqual(0.95);
    }
  }, 3_600_000);
});
