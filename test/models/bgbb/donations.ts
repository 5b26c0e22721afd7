import { readSharedCsv } from '../../helpers/sharedData.js';
import type { DiscreteCustomer } from '../../../src/models/types.js';

/** One pattern of the donations data with its count of donors. */
export type DonationRow = DiscreteCustomer & { readonly weight: number };

/** The donations data (11,104 donors, n = 6) as BG/BB patterns with their counts. */
export function donationRows(): DonationRow[] {
  return readSharedCsv('donations.csv').map((r) => ({
    frequency: Number(r['frequency']),
    recency: Number(r['recency']),
    periods: Number(r['periods']),
    weight: Number(r['weights']),
  }));
}

/** The `weights` option of a fit on these rows. */
export function weightsOf(rows: readonly { readonly weight: number }[]): { weights: number[] } {
  return { weights: rows.map((r) => r.weight) };
}
