import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { predictClv, type ClvColumns } from '../../src/clv/predictClv.js';
import { bgBb } from '../../src/models/bgbb/bgBb.js';
import { bgNbd } from '../../src/models/bgnbd/bgNbd.js';
import { gammaGamma } from '../../src/models/gammagamma/gammaGamma.js';
import { readSharedCsv } from '../helpers/sharedData.js';

// Reference: lifetimes 0.11.3 (PyPI), GammaGammaFitter.customer_lifetime_value(BetaGeoFitter, ...,
// discount_rate=0.01) on ../shared/data/cdnow_customers_summary_with_transactions.csv, computed by
// test/bench/peers/lifetimes_clv_reference.py (2026-12-02). The models are built here at lifetimes'
// own fitted parameters (printed by that script), so what is compared is the CLV convention alone.
const LIFETIMES_BG_WEEKS = { r: 0.24259292827982148, alpha: 4.413532265271809, a: 0.7928859664406578, b: 2.4257523826257374 };
const LIFETIMES_BG_DAYS = { r: 0.2425929282798217, alpha: 30.89472585690265, a: 0.7928859664405695, b: 2.4257523826253866 };
const LIFETIMES_GG = { p: 6.24880249607099, q: 3.7445884609237634, gamma: 15.447748064943575 };
const REFERENCE = {
  weekly12: { total: 71509.89931936492, rows: { 0: 36.278495763627944, 1: 4.637466328570688, 2: 8.34409312180974, 9: 8.34409312180974, 17: 6.349622110039966, 1000: 9.353455768784517, 2356: 11.017135935942285 } },
  weekly3: { total: 22401.663931179486, rows: { 0: 11.082245467272337, 1: 1.3887382341650278, 2: 2.413699161329655, 17: 1.9014613523738295, 1000: 2.7346123523720087, 2356: 3.275919016091602 } },
  daily12: { total: 70728.64291520829, rows: { 0: 35.87104282847744, 1: 4.584042794471988, 2: 8.243626092419467, 17: 6.27647457013879, 1000: 9.242210752822475, 2356: 10.888610000832035 } },
} as const;
/** Relative tolerance: both sides evaluate the same closed forms (our 2F1 series against SciPy's hyp2f1). */
const TOL = 1e-9;

const rows = readSharedCsv('cdnow_customers_summary_with_transactions.csv');
function columns(scale: number): ClvColumns {
  return {
    purchase: {
      frequency: Float64Array.from(rows, (r) => Number(r['x'])),
      recency: Float64Array.from(rows, (r) => Number(r['t_x']) * scale),
      T: Float64Array.from(rows, (r) => Number(r['T']) * scale),
    },
    spend: { frequency: Float64Array.from(rows, (r) => Number(r['x'])), monetaryValue: Float64Array.from(rows, (r) => Number(r['zbar'])) },
  };
}

function expectReference(result: { clv: Float64Array; total: number }, ref: { total: number; rows: Readonly<Record<number, number>> }): void {
  expect(Math.abs(result.total / ref.total - 1), `total ${result.total} vs lifetimes ${ref.total}`).toBeLessThan(TOL);
  for (const [i, v] of Object.entries(ref.rows)) {
    expect(Math.abs(result.clv[Number(i)]! / v - 1), `row ${i}: ${result.clv[Number(i)]} vs lifetimes ${v}`).toBeLessThan(TOL);
  }
}

describe("predictClv with convention: 'lifetimes' reproduces lifetimes' customer_lifetime_value on CDNOW", () => {
  const spend = gammaGamma(LIFETIMES_GG);
  const base = { asOf: '1997-09-30', discountRate: { rate: 0.01, per: 'month' }, convention: 'lifetimes' } as const;

  it('weeks (freq W: a month is 4.345 weeks), 12 and 3 months', () => {
    const model = bgNbd(LIFETIMES_BG_WEEKS);
    const twelve = predictClv(model, spend, columns(1), { ...base, horizon: { amount: 12, unit: 'month' }, modelTimeUnit: 'week' });
    expectReference(twelve, REFERENCE.weekly12);
    expect(twelve.horizon).toBeCloseTo(52.14, 12);
    expect(twelve.steps).toBe(12);
    expectReference(predictClv(model, spend, columns(1), { ...base, horizon: { amount: 3, unit: 'month' }, modelTimeUnit: 'week' }), REFERENCE.weekly3);
  });

  it('days (freq D: a month is 30 days)', () => {
    const result = predictClv(bgNbd(LIFETIMES_BG_DAYS), spend, columns(7), { ...base, horizon: { amount: 12, unit: 'month' }, modelTimeUnit: 'day' });
    expectReference(result, REFERENCE.daily12);
    expect(result.horizon).toBe(360);
  });

  it('differs from the default calendar convention by the extra days and the mid-period discounting, as documented', () => {
    const model = bgNbd(LIFETIMES_BG_DAYS);
    const options = { asOf: '1997-09-30', horizon: { amount: 12, unit: 'month' }, modelTimeUnit: 'day' } as const;
    const calendar = predictClv(model, spend, columns(7), { ...options, discountRate: { rate: 0.01, per: 'month' } });
    const lifetimes = predictClv(model, spend, columns(7), { ...options, discountRate: { rate: 0.01, per: 'month' }, convention: 'lifetimes' });
    // 365 days against 360, and each purchase discounted at its own time, not at its month's end.
    expect(calendar.horizon).toBe(365);
    expect(calendar.total).toBeGreaterThan(lifetimes.total);
    // Undiscounted, only the horizon differs: lifetimes' 360 days equal the calendar sum over 360 days.
    const flat360 = predictClv(model, spend, columns(7), { asOf: '1997-09-30', horizon: { amount: 360, unit: 'day' }, modelTimeUnit: 'day' });
    const flatLifetimes = predictClv(model, spend, columns(7), { ...options, convention: 'lifetimes' });
    expect(Math.abs(flatLifetimes.total / flat360.total - 1)).toBeLessThan(1e-12);
  });

  it('refuses what lifetimes cannot express', () => {
    const model = bgNbd(LIFETIMES_BG_WEEKS);
    const at = { asOf: '1997-09-30', convention: 'lifetimes' } as const;
    expect(() => predictClv(model, spend, columns(1), { ...at, horizon: { amount: 52, unit: 'week' } })).toThrow(/months/);
    expect(() => predictClv(model, spend, columns(1), { ...at, horizon: { amount: 12, unit: 'month' }, discountRate: { rate: 0.1, per: 'year' } })).toThrow(/per month/);
    expect(() => predictClv(model, spend, columns(1), { ...at, horizon: { amount: 12, unit: 'month' }, step: 2 })).toThrow(/step/);
    expect(() => predictClv(model, spend, columns(1), { ...at, horizon: { amount: 12, unit: 'month' }, modelTimeUnit: 'year' })).toThrow(InvalidInputError);
    expect(() => predictClv(model, spend, columns(1), { ...at, horizon: { amount: 12, unit: 'month' }, convention: 'pandas' as never })).toThrow(/convention/);
    const donors = bgBb({ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 });
    expect(() => predictClv(donors, spend, [{ purchase: { frequency: 1, recency: 1, periods: 6 }, spend: { frequency: 1, monetaryValue: 10 } }], { ...at, horizon: { amount: 12, unit: 'month' }, modelTimeUnit: 'month' })).toThrow(/continuous/);
  });
});
