import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BtydCustomer } from '../../../src/models/types.js';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

/** The CDNOW sample summary in exact weeks (BTYD's cdnowSummary$cbs): 2,357 customers. */
export function cdnowExact(): BtydCustomer[] {
  const lines = readFileSync(path.join(DATA, 'btyd/cdnowSummary_cbs.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [, x, tx, T] = l.split(',').map(Number);
    return { frequency: x!, recency: tx!, T: T! };
  });
}

/** The published 2-decimal CDNOW summary (lifetimes' cdnow_customers_summary.csv). */
export function cdnowRounded(): BtydCustomer[] {
  const lines = readFileSync(path.join(DATA, 'cdnow_customers_summary.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [, x, tx, T] = l.split(',').map(Number);
    return { frequency: x!, recency: tx!, T: T! };
  });
}

/** One entry of reference-values.json by id. */
export function reference(id: string): { expected: Record<string, unknown>; tolerance: Record<string, unknown>; inputs: Record<string, unknown> } {
  const all = JSON.parse(readFileSync(path.join(DATA, 'reference-values.json'), 'utf8')) as { id: string }[];
  const found = all.find((e) => e.id === id);
  if (!found) throw new Error(`reference ${id} not found`);
  return found as never;
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
