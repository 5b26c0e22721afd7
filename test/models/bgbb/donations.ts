import { readSharedCsv } from '../../helpers/sharedData.js';
import type { BgBbRow } from '../../../src/models/bgbb/types.js';

/** The donations data (11,104 donors, n = 6) as weighted BG/BB rows. */
export function donationRows(): BgBbRow[] {
  return readSharedCsv('donations.csv').map((r) => ({
    frequency: Number(r['frequency']),
    recency: Number(r['recency']),
    periods: Number(r['periods']),
    weight: Number(r['weights']),
  }));
}
