import { readSharedCsv } from '../../helpers/sharedData.js';

/** One apparel customer: the CLVTools CBS of the first 104 weeks, and the two static covariates. */
export interface ApparelCustomer {
  readonly customerId: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly Gender: number;
  readonly Channel: number;
}

const DAY = 86_400_000;

/**
 * The apparel cohort as CLVTools' `clvdata(apparelTrans, time.unit = "week", estimation.split = 104)`
 * builds it: purchases of one customer on one day merged; estimation period from the first
 * purchase day of the data (2005-01-02) to 104 weeks later (2006-12-31), inclusive; x = purchase
 * days in it minus one, t_x and T in weeks (days / 7) from the customer's first purchase day to her
 * last one and to the end of the period. Covariates from apparelStaticCov.csv.
 */
export function apparelCustomers(weeks = 104): ApparelCustomer[] {
  const trans = readSharedCsv('clvtools/apparelTrans.csv');
  const cov = new Map(readSharedCsv('clvtools/apparelStaticCov.csv').map((r) => [r.Id!, r]));
  const start = Math.min(...trans.map((r) => Date.parse(`${r.Date}T00:00:00Z`)));
  const end = start + weeks * 7 * DAY;
  const days = new Map<string, Set<number>>();
  for (const r of trans) {
    const d = Date.parse(`${r.Date}T00:00:00Z`);
    if (d > end) continue;
    let s = days.get(r.Id!);
    if (s === undefined) days.set(r.Id!, (s = new Set()));
    s.add(d);
  }
  return [...days.entries()].map(([id, s]) => {
    const sorted = [...s].sort((a, b) => a - b);
    const first = sorted[0]!;
    const c = cov.get(id)!;
    return {
      customerId: id,
      frequency: sorted.length - 1,
      recency: (sorted[sorted.length - 1]! - first) / (7 * DAY),
      T: (end - first) / (7 * DAY),
      Gender: Number(c.Gender),
      Channel: Number(c.Channel),
    };
  });
}
