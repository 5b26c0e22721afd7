// Synthetic columnar transactions for benchmarks, shared by the vitest benches and the
// peak-memory script (plain JavaScript so that both can load it).
import { xorshift32 } from '../helpers/xorshift32.mjs';

/** Benchmarks need speed, not statistical quality. */
const rng32 = xorshift32;

const START = 19358; // 2023-01-01 as days since 1970-01-01
const DAYS = 731; // 2023-2024

export function generateTable(n, customers, options = {}) {
  const rng = rng32(options.seed ?? 1);
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const cost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    customer[i] = Math.floor(rng() * customers);
    day[i] = START + Math.floor((i / n) * DAYS);
    const a = Math.round(5000 * (0.2 + rng() * rng() * 3)) / 100;
    amount[i] = a;
    cost[i] = Math.round(a * 70) / 100;
  }
  if (options.shuffled) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const d = day[i];
      day[i] = day[j];
      day[j] = d;
    }
  }
  const customerIds = Array.from({ length: customers }, (_, i) => `C${i}`);
  return { length: n, customerIds, customer, day, amount, cost, quantity: null, order: null, orderIds: [], promo: null, discount: null };
}

function iso(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export function generateRows(n, customers, seed = 1) {
  const t = generateTable(n, customers, { seed });
  const names = new Map();
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = t.day[i];
    let s = names.get(d);
    if (s === undefined) names.set(d, (s = iso(d)));
    rows[i] = { customerId: t.customerIds[t.customer[i]], date: s, amount: t.amount[i], cost: t.cost[i] };
  }
  return rows;
}

export function generateCsv(n, customers, seed = 1) {
  const t = generateTable(n, customers, { seed });
  const parts = ['customer_id,date,amount,cost\n'];
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += `${t.customerIds[t.customer[i]]},${iso(t.day[i])},${t.amount[i]},${t.cost[i]}\n`;
    if (chunk.length > 1 << 16) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}
