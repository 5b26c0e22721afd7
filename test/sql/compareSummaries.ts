// Row-for-row comparison of SQL summary rows with summarizeCustomers / calibrationAndHoldout rows.
import type { CalibrationHoldoutSummary, CustomerSummary } from '../../src/index.js';

type SqlRow = Record<string, number | string | null>;

/** Tolerance of durations and money (the 1e-9); counts and dates must be identical. */
export const TOLERANCE = 1e-9;

/** The SQL columns and the JS field each one must equal. */
function expected(c: CustomerSummary | CalibrationHoldoutSummary): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {
    customer_id: String(c.customerId),
    first_purchase: c.firstPurchase,
    last_purchase: c.lastPurchase,
    revenue: c.revenue,
    cost: c.cost,
    profit: c.profit,
    rfm_recency: c.rfm.recency,
    rfm_frequency: c.rfm.frequency,
    rfm_monetary: c.rfm.monetary,
    btyd_frequency: c.btyd.frequency,
    btyd_recency: c.btyd.recency,
    btyd_T: c.btyd.T,
    btyd_monetary_value: c.btyd.monetaryValue,
  };
  if ('holdout' in c) {
    out.holdout_frequency = c.holdout.frequency;
    out.holdout_monetary_value = c.holdout.monetaryValue;
    out.holdout_duration = c.holdout.duration;
  }
  return out;
}

const EXACT = new Set(['customer_id', 'first_purchase', 'last_purchase', 'rfm_frequency', 'btyd_frequency', 'holdout_frequency']);

/**
 * The first difference between the SQL rows and the JS customers (matched by customer id), as a
 * sentence naming the customer and field, or `null` when every row and field agrees: counts,
 * ids and dates identical, other numbers within {@link TOLERANCE} (absolute).
 */
export function firstDifference(sqlRows: readonly SqlRow[], customers: readonly (CustomerSummary | CalibrationHoldoutSummary)[]): string | null {
  if (sqlRows.length !== customers.length) return `SQL gave ${sqlRows.length} customers, JS ${customers.length}`;
  const byId = new Map(sqlRows.map((r) => [String(r.customer_id), r]));
  if (byId.size !== sqlRows.length) return 'SQL gave a customer id twice';
  for (const c of customers) {
    const row = byId.get(String(c.customerId));
    if (row === undefined) return `customer ${String(c.customerId)}: missing from the SQL rows`;
    const want = expected(c);
    for (const [field, value] of Object.entries(want)) {
      const got = field === 'customer_id' ? String(row[field]) : row[field];
      if (!(field in row)) return `customer ${String(c.customerId)}, ${field}: no such SQL column`;
      const same =
        EXACT.has(field) || value === null || got === null || typeof value === 'string'
          ? got === value
          : typeof got === 'number' && Math.abs(got - value) <= TOLERANCE;
      if (!same) return `customer ${String(c.customerId)}, ${field}: SQL ${String(got)}, JS ${String(value)}`;
    }
  }
  return null;
}
