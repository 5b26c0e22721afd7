import type { CustomerSummary } from '../../src/summary/types.js';
import type { CustomerId } from '../../src/transactions/types.js';

/** A customer summary with the given RFM measures and money totals; other fields are filler. */
export function makeSummary(
  customerId: CustomerId,
  fields: { recency?: number; frequency?: number; monetary?: number; revenue?: number; cost?: number | null } = {},
): CustomerSummary {
  const monetary = fields.monetary ?? fields.revenue ?? 0;
  const revenue = fields.revenue ?? monetary;
  const cost = fields.cost ?? null;
  return {
    customerId,
    firstPurchase: '2024-01-01',
    lastPurchase: '2024-06-01',
    revenue,
    cost,
    profit: cost === null ? null : revenue - cost,
    rfm: { recency: fields.recency ?? 0, frequency: fields.frequency ?? 1, monetary },
    btyd: { frequency: 0, recency: 0, T: 0, monetaryValue: 0 },
  };
}
