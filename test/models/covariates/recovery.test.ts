import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../../src/models/bgnbd/bgNbd.js';
import { fitBgNbd } from '../../../src/models/bgnbd/fitBgNbd.js';
import { fitParetoNbd } from '../../../src/models/paretonbd/fitParetoNbd.js';
import { paretoNbd } from '../../../src/models/paretonbd/paretoNbd.js';
import type { BtydCustomer } from '../../../src/models/types.js';

/**
 * Recovery of known covariate effects (slow, not in CI): run with
 * `COVARIATE_RECOVERY=1 npx vitest run test/models/covariates/recovery.test.ts`.
 * 100 seeded data sets of 2,000 customers observed 52 weeks, two binary covariates (female, offline)
 * in both processes, a quarter of the customers in each of the four cells; each cell simulated from
 * the plain model at that cell's own parameters. A coefficient is recovered in a run when
 * |γ̂ − γ| ≤ 2 SE(γ̂); the issue asks for at least 90% of the runs (nominal 95%).
 */
const RUNS = 100;
const PER_CELL = 500;
const CELLS = [
  { female: 0, offline: 0 },
  { female: 1, offline: 0 },
  { female: 0, offline: 1 },
  { female: 1, offline: 1 },
] as const;
const TRUE_GAMMA = { purchase: { female: 0.4, offline: -0.3 }, dropout: { female: -0.5, offline: 0.6 } };

type Row = BtydCustomer & { female: number; offline: number };

function dataset(simulateCell: (dotP: number, dotD: number, seed: number) => BtydCustomer[], seed: number): Row[] {
  const rows: Row[] = [];
  CELLS.forEach((cell, k) => {
    const dotP = TRUE_GAMMA.purchase.female * cell.female + TRUE_GAMMA.purchase.offline * cell.offline;
    const dotD = TRUE_GAMMA.dropout.female * cell.female + TRUE_GAMMA.dropout.offline * cell.offline;
    for (const h of simulateCell(dotP, dotD, seed * 16 + k)) rows.push({ ...h, ...cell });
  });
  return rows;
}

function coverage(fit: (rows: Row[]) => { covariates?: { coefficients: typeof TRUE_GAMMA; coefficientStandardErrors: typeof TRUE_GAMMA | null } | undefined }, simulateCell: (dotP: number, dotD: number, seed: number) => BtydCustomer[]): Record<string, number> {
  const hits: Record<string, number> = {};
  for (let run = 1; run <= RUNS; run++) {
    const f = fit(dataset(simulateCell, run)).covariates!;
    for (const process of ['purchase', 'dropout'] as const) {
      for (const name of ['female', 'offline'] as const) {
        const key = `${process}.${name}`;
        const se = f.coefficientStandardErrors?.[process][name];
        const ok = se !== undefined && Math.abs(f.coefficients[process][name] - TRUE_GAMMA[process][name]) <= 2 * se;
        hits[key] = (hits[key] ?? 0) + (ok ? 1 : 0);
      }
    }
  }
  return hits;
}

const covariates = { purchase: ['female', 'offline'], dropout: ['female', 'offline'] };

describe.skipIf(process.env.COVARIATE_RECOVERY === undefined)('known covariate effects are recovered within 2 SE in >= 90% of 100 seeded runs', () => {
  it('Pareto/NBD: r 0.8, α 8, s 0.6, β 12', () => {
    const base = { r: 0.8, alpha: 8, s: 0.6, beta: 12 };
    const hits = coverage(
      (rows) => fitParetoNbd(rows, { covariates }) as never,
      (dotP, dotD, seed) => paretoNbd({ ...base, alpha: base.alpha * Math.exp(-dotP), beta: base.beta * Math.exp(-dotD) }).simulate({ customers: PER_CELL, T: 52, seed }),
    );
    console.log('Pareto/NBD hits per 100 runs', hits);
    for (const [k, v] of Object.entries(hits)) expect(v, k).toBeGreaterThanOrEqual(90);
  }, 600_000);

  it('BG/NBD: r 0.8, α 8, a 0.8, b 2.5', () => {
    const base = { r: 0.8, alpha: 8, a: 0.8, b: 2.5 };
    const hits = coverage(
      (rows) => fitBgNbd(rows, { covariates }) as never,
      (dotP, dotD, seed) => bgNbd({ ...base, alpha: base.alpha * Math.exp(-dotP), a: base.a * Math.exp(dotD), b: base.b * Math.exp(dotD) }).simulate({ customers: PER_CELL, T: 52, seed }),
    );
    console.log('BG/NBD hits per 100 runs', hits);
    for (const [k, v] of Object.entries(hits)) expect(v, k).toBeGreaterThanOrEqual(90);
  }, 600_000);
});
