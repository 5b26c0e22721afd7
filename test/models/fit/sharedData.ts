import type { BtydCustomer } from '../../../src/models/types.js';
import { readSharedCsv, referenceValue } from '../../helpers/sharedData.js';

/** The CDNOW sample summary in exact weeks (BTYD's cdnowSummary$cbs): 2,357 customers. */
export function cdnowExact(): BtydCustomer[] {
  return readSharedCsv('btyd/cdnowSummary_cbs.csv').map((r) => ({ frequency: Number(r['x']), recency: Number(r['t.x']), T: Number(r['T.cal']) }));
}

/** The published 2-decimal CDNOW summary (lifetimes' cdnow_customers_summary.csv). */
export function cdnowRounded(): BtydCustomer[] {
  return readSharedCsv('cdnow_customers_summary.csv').map((r) => ({ frequency: Number(r['frequency']), recency: Number(r['recency']), T: Number(r['T']) }));
}

/** One entry of reference-values.json by id (the shared helper, with the tolerance typed as a record). */
export function reference(id: string): { expected: Record<string, unknown>; tolerance: Record<string, unknown>; inputs: Record<string, unknown> } {
  return referenceValue(id) as never;
}

/** mean|a - e| / mean|e| (R's all.equal tolerance, as testthat uses it). */
export function relMean(actual: readonly number[], expected: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < expected.length; i++) {
    num += Math.abs(actual[i]! - expected[i]!);
    den += Math.abs(expected[i]!);
  }
  return num / den;
}
