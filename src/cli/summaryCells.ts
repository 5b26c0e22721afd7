import type { CustomerSummary } from '../summary/types.js';
import type { CustomerId } from '../transactions/types.js';

/** Output columns of a customer summary, in order. */
export const SUMMARY_COLUMNS = [
  'customer_id', 'first_purchase', 'last_purchase', 'revenue', 'cost', 'profit',
  'rfm_recency', 'rfm_frequency', 'rfm_monetary',
  'btyd_frequency', 'btyd_recency', 'btyd_T', 'btyd_monetary_value',
] as const;

/** A customer summary as output cells, one per {@link SUMMARY_COLUMNS}. */
export interface SummaryCells {
  customer_id: CustomerId;
  first_purchase: string;
  last_purchase: string;
  revenue: number;
  cost: number | null;
  profit: number | null;
  rfm_recency: number;
  rfm_frequency: number;
  rfm_monetary: number;
  btyd_frequency: number;
  btyd_recency: number;
  btyd_T: number;
  btyd_monetary_value: number;
}

/** A customer summary as output cells named by {@link SUMMARY_COLUMNS}. */
export function summaryCells(s: CustomerSummary): SummaryCells {
  return {
    customer_id: s.customerId,
    first_purchase: s.firstPurchase,
    last_purchase: s.lastPurchase,
    revenue: s.revenue,
    cost: s.cost,
    profit: s.profit,
    rfm_recency: s.rfm.recency,
    rfm_frequency: s.rfm.frequency,
    rfm_monetary: s.rfm.monetary,
    btyd_frequency: s.btyd.frequency,
    btyd_recency: s.btyd.recency,
    btyd_T: s.btyd.T,
    btyd_monetary_value: s.btyd.monetaryValue,
  };
}
