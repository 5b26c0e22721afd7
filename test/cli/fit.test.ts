import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceValue, SHARED_DATA } from '../helpers/sharedData.js';
import { cli, CLI } from './runCli.js';

const SAMPLE = resolve(SHARED_DATA, 'CDNOW_sample.txt');
const SAMPLE_FLAGS = ['--customer', '2', '--date', '3', '--amount', '5', '--date-format', 'yyyyMMdd', '--no-header', '--as-of', '1997-09-30', '--time-unit', 'week'];

interface FitJson {
  asOf: string;
  timeUnit: string;
  customers: number;
  models: { model: string; params: Record<string, number>; standardErrors: Record<string, number> | null; logLikelihood: number; iterations: number; converged: boolean; gradientNorm: number; customers: number }[];
  spend: { params: Record<string, number>; logLikelihood: number; converged: boolean; customers: number; zeroSpendLeftOut: number };
  comparison?: { best: string; calibrationEnd: string; scores: { model: string; rmse: number }[] };
}

describe.runIf(existsSync(CLI))('loyalty-score fit', () => {
  let all: FitJson;
  beforeAll(() => {
    const r = cli(['fit', SAMPLE, ...SAMPLE_FLAGS, '--model', 'all', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    all = JSON.parse(r.stdout) as FitJson;
  });

  it('reproduces the BG/NBD fit of Fader, Hardie & Lee (2005) on the CDNOW sample, 39 weeks', () => {
    expect(all.asOf).toBe('1997-09-30');
    expect(all.customers).toBe(2357);
    const bg = all.models.find((m) => m.model === 'bgnbd')!;
    const paper = referenceValue('bgnbd.cdnow.params_paper').expected as Record<string, number>;
    for (const k of ['r', 'alpha', 'a', 'b']) expect(Math.abs(bg.params[k]! - paper[k]!), k).toBeLessThanOrEqual(0.001);
    // Published -9582.4 (1 dp); BTYD prints -9582.429 (3 dp).
    expect(Math.abs(bg.logLikelihood - paper.log_likelihood!)).toBeLessThanOrEqual(0.05);
    const btyd = referenceValue('bgnbd.cdnow.params_btyd').expected as { btyd_LL: number };
    expect(Math.abs(bg.logLikelihood - btyd.btyd_LL)).toBeLessThanOrEqual(0.0005);
    expect(bg.converged).toBe(true);
    expect(bg.gradientNorm).toBeLessThan(1e-6);
    expect(bg.iterations).toBeGreaterThan(0);
    expect(bg.customers).toBe(2357);
    expect(Object.keys(bg.standardErrors!)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.values(bg.standardErrors!).every((v) => v > 0 && Number.isFinite(v))).toBe(true);
  });

  it('fits Pareto/NBD, MBG/NBD and Gamma-Gamma to their published CDNOW values', () => {
    const pnbd = all.models.find((m) => m.model === 'paretonbd')!;
    const pPaper = referenceValue('pnbd.cdnow.params_paper').expected as Record<string, number>;
    for (const k of ['r', 'alpha', 's', 'beta']) expect(Math.abs(pnbd.params[k]! - pPaper[k]!), k).toBeLessThanOrEqual(0.015);
    expect(Math.abs(pnbd.logLikelihood - (referenceValue('pnbd.cdnow.params_btyd_clvtools').expected as { btyd_LL: number }).btyd_LL)).toBeLessThanOrEqual(0.0005);
    const mbg = all.models.find((m) => m.model === 'mbgnbd')!;
    const mPaper = referenceValue('mbgnbd.cdnow.params_btydplus').expected as Record<string, number>;
    for (const k of ['r', 'alpha', 'a', 'b']) expect(Math.abs(mbg.params[k]! - mPaper[k]!), k).toBeLessThanOrEqual(0.0015);
    const gg = referenceValue('gg.cdnow.params').expected as Record<string, number>;
    expect(Math.abs(all.spend.params.p! - gg.p!)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(all.spend.params.q! - gg.q!)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(all.spend.params.gamma! - gg['gamma(v)']!)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(all.spend.logLikelihood - gg.clvtools_LL!)).toBeLessThanOrEqual(0.001 * 4055.9177);
    expect(all.spend.customers).toBe(946);
    expect(all.spend.zeroSpendLeftOut).toBe(0);
  });

  it('prints a readable text report by default', () => {
    const r = cli(['fit', SAMPLE, ...SAMPLE_FLAGS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2357 customers as of 1997-09-30, time unit week');
    expect(r.stdout).toContain('BG/NBD (bgnbd), 2357 customers');
    expect(r.stdout).toMatch(/\n {2}r +0\.2425\d+ +0\.01\d+\n/);
    expect(r.stdout).toContain('log-likelihood -9582.429');
    expect(r.stdout).toContain('converged yes');
    expect(r.stdout).toContain('Gamma-Gamma spend');
    expect(r.stdout).not.toContain('Pareto/NBD');
  });

  it('compares the models on a holdout with --model best and reports the comparison', () => {
    const r = cli(['fit', SAMPLE, '--customer', '2', '--date', '3', '--amount', '5', '--date-format', 'yyyyMMdd', '--no-header', '--model', 'best', '--calibration-end', '1997-09-30', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as FitJson;
    const c = out.comparison!;
    expect(c.calibrationEnd).toBe('1997-09-30');
    expect(c.scores.map((s) => s.model)).toEqual(['bgnbd', 'paretonbd', 'mbgnbd']);
    const min = Math.min(...c.scores.map((s) => s.rmse));
    expect(c.scores.find((s) => s.model === c.best)!.rmse).toBe(min);
    expect(out.models.map((m) => m.model)).toEqual([c.best]);
    // Refit on the whole period (to 1998-06-30), not the calibration period.
    expect(out.asOf).toBe('1998-06-30');
    expect(r.stderr).toContain('model selection: calibration to 1997-09-30, holdout to 1998-06-30 (39.00 weeks), 2357 customers');
  });

  it('exits 4 when no model can be fitted, 2 on a bad flag', () => {
    const once = 'customer,date,amount\nA,2024-01-01,5\nB,2024-01-02,6\nC,2024-01-05,2\n';
    const r = cli(['fit', '-'], once);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('BG/NBD cannot be fitted');
    expect(cli(['score', '-'], once).code).toBe(4);
    // Everybody repeats on one day only: no span to hold out.
    const oneDay = 'customer,date,amount\nA,2024-01-01,5\nA,2024-01-02,6\n';
    const best = cli(['score', '-', '--model', 'best', '--calibration-end', '2024-01-02'], oneDay);
    expect(best.code).toBe(4);
    expect(best.stderr).toContain('cannot hold out a period');
    expect(cli(['fit', SAMPLE, '--model', 'weibull']).code).toBe(2);
    expect(cli(['fit', SAMPLE, '--format', 'csv']).code).toBe(2);
    expect(cli(['fit', SAMPLE, '--as-of', '1997-02-30']).code).toBe(2);
  });
});
