/**
 * Score and tier 1M customers (targets: under 1 s for both together with the object APIs, under
 * 250 ms with the columnar forms scoreRfmColumns + assignTierColumns).
 *
 * Synthetic customer base from a seeded generator: recency 0..540 days, frequency 1 + geometric
 * (heavy ties, like CDNOW), monetary gamma-distributed cents. Peers: Python's RFM recipes
 * (pandas qcut + rank) and spreadsheet tiering; no published figure to compare with.
 * The object base lives only while its benches run, so that the columnar benches do not pay for
 * a garbage collector walking a million summary objects.
 * Run: npx vitest bench --run test/bench/scoring.bench.ts
 */
import { bench, describe } from 'vitest';
import { createRng, sampleGamma, sampleGeometric } from '../../src/math/random.js';
import { scoreRfm } from '../../src/rfm/scoreRfm.js';
import { scoreRfmColumns } from '../../src/rfm/scoreRfmColumns.js';
import type { CustomerSummary } from '../../src/summary/types.js';
import { assignTierColumns } from '../../src/tiers/assignTierColumns.js';
import { assignTiers } from '../../src/tiers/assignTiers.js';
import { tierReport } from '../../src/tiers/tierReport.js';

interface Columns {
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  /** Revenue, equal to monetary here. */
  readonly revenue: Float64Array;
}

function syntheticColumns(n: number, seed: number): Columns {
  const rng = createRng(seed);
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = 1 + sampleGeometric(rng, 0.45);
    frequency[i] = f;
    monetary[i] = Math.round(sampleGamma(rng, 0.8, 0.02) * f * 100) / 100;
    recency[i] = Math.floor(rng() * 541);
  }
  return { recency, frequency, monetary, revenue: monetary };
}

/** The same customers as objects, customer ids 1..n (in compareCustomerIds order, as the columns). */
function syntheticBase(c: Columns): CustomerSummary[] {
  const out = new Array<CustomerSummary>(c.recency.length);
  for (let i = 0; i < out.length; i++) {
    const frequency = c.frequency[i]!;
    const monetary = c.monetary[i]!;
    out[i] = {
      customerId: i + 1,
      firstPurchase: '1997-01-01',
      lastPurchase: '1997-06-01',
      revenue: monetary,
      cost: null,
      profit: null,
      rfm: { recency: c.recency[i]!, frequency, monetary },
      btyd: { frequency: frequency - 1, recency: 0, T: 0, monetaryValue: 0 },
    };
  }
  return out;
}

const N = 1_000_000;
const columns = syntheticColumns(N, 42);

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`benchmark result check failed: ${what}`);
}

// built on first use, dropped after the last object bench (vitest runs bench hooks per task only)
let objectBase: CustomerSummary[] | null = null;
const objects = (): CustomerSummary[] => (objectBase ??= syntheticBase(columns));

describe('scoring 1M customers', () => {

  bench(
    'scoreRfm + assignTiers (quantile, default segments)',
    () => {
      const base = objects();
      const scores = scoreRfm(base);
      const tiers = assignTiers(base);
      check(scores.customers.length === N && scores.monetary.counts.reduce((a, b) => a + b, 0) === N, 'scores');
      check(tiers.customers.length === N && tiers.customers[0]!.tier === 'A', 'tiers');
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    'scoreRfm (rank)',
    () => {
      const scores = scoreRfm(objects(), { method: 'rank' });
      check(scores.frequency.bins >= 2, 'rank bins');
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    'tierReport (Lorenz + Gini)',
    () => {
      const report = tierReport(assignTiers(objects()));
      check(report.gini > 0 && report.gini < 1, 'gini');
    },
    {
      iterations: 5,
      warmupIterations: 1,
      teardown: (_task, mode) => {
        if (mode === 'run') objectBase = null;
      },
    },
  );
});

describe('scoring 1M customers by column', () => {
  const measures = { recency: columns.recency, frequency: columns.frequency, monetary: columns.monetary };

  bench(
    'scoreRfmColumns + assignTierColumns (quantile, default segments)',
    () => {
      const scores = scoreRfmColumns(measures);
      const tiers = assignTierColumns(columns.revenue);
      check(scores.length === N && scores.monetary.counts.reduce((a, b) => a + b, 0) === N, 'column scores');
      check(scores.segments.reduce((a, s) => a + s.count, 0) === N, 'column segments');
      check(tiers.length === N && tiers.tier[tiers.order[0]!] === 0 && tiers.counts.A === tiers.quotas.A, 'column tiers');
    },
    { iterations: 10, warmupIterations: 2 },
  );

  bench(
    'scoreRfmColumns (quantile)',
    () => {
      const scores = scoreRfmColumns(measures);
      check(scores.frequency.bins >= 2, 'column quantile bins');
    },
    { iterations: 10, warmupIterations: 2 },
  );

  bench(
    'scoreRfmColumns (rank)',
    () => {
      const scores = scoreRfmColumns(measures, { method: 'rank' });
      check(scores.frequency.bins >= 2, 'column rank bins');
    },
    { iterations: 10, warmupIterations: 2 },
  );

  bench(
    'assignTierColumns',
    () => {
      const tiers = assignTierColumns(columns.revenue);
      check(tiers.rank[tiers.order[N - 1]!] === N, 'column ranks');
    },
    { iterations: 10, warmupIterations: 2 },
  );
});
