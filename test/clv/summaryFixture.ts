import type { CustomerSummary } from '../../src/summary/types.js';

/** A customer summary with the given revenue and cost (profit derived), other fields fixed. */
export function summaryWith(customerId: string | number, revenue: number, cost: number | null): CustomerSummary {
  return {
    customerId,
    firstPurchase: '2024-01-01',
    lastPurchase: '2024-02-01',
    revenue,
    cost,
    profit: cost === null ? null : revenue - cost,
    rfm: { recency: 1, frequency: 2, monetary: revenue },
    btyd: { frequency: 1, recency: 4, T: 8, monetaryValue: revenue / 2 },
  };
}
