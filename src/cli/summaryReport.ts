import type { CustomerScores } from '../pipeline/CustomerScores.js';

/** What the readable report says about the run besides the customers. */
export interface ReportContext {
  readonly file: string;
  readonly asOf: string;
  readonly timeUnit: string;
  readonly transactions: number;
  /** One line naming the model and its parameters. */
  readonly model: string;
  /** One line naming the CLV settings. */
  readonly clv: string;
  readonly tierBy: string;
  readonly top: number;
}

const PYRAMID = ['no loyalty', 'preference', 'habitual satisfaction', 'committed'];
const TYPE_ORDER = ['true', 'latent', 'monopoly', 'inertia', 'convenience', 'price', 'incentive', 'none'];

/** What the report reads of one customer. */
interface ReportRow {
  readonly id: string;
  readonly revenue: number;
  readonly clv: number;
  readonly pAlive: number;
  readonly tier: string;
  readonly tierRank: number;
  readonly segment: string;
  readonly level: number;
  readonly label: string;
  readonly confidence: number;
  readonly survey: boolean;
  readonly type: string;
  readonly quadrant: string;
  readonly expectedPurchases: number;
}

/**
 * The readable summary of a scored customer base (`score --summary`): tier shares of customers,
 * revenue and lifetime value; RFM segment counts; pyramid levels; loyalty types; the top customers
 * by lifetime value. `order` is the row order (sums run in it).
 */
export function summaryReport(scores: CustomerScores, order: ArrayLike<number>, ctx: ReportContext): string {
  const c = scores.columns;
  const rows: ReportRow[] = Array.from(order, (i) => ({
    id: String(c.summary.customerIds[i]),
    revenue: c.summary.revenue[i]!,
    clv: c.clv[i]!,
    pAlive: c.pAlive[i]!,
    tier: c.tiers.tierAt(i),
    tierRank: c.tiers.rank[i]!,
    segment: c.rfm.segment(i) ?? '',
    level: c.loyalty.pyramidLevelAt(i),
    label: c.loyalty.pyramidLabelAt(i),
    confidence: c.loyalty.pyramidConfidence[i]!,
    survey: c.loyalty.survey[i] === 1,
    type: c.loyalty.loyaltyTypeAt(i),
    quadrant: c.loyalty.loyaltyQuadrantAt(i),
    expectedPurchases: c.expectedPurchases[i]!,
  }));
  const n = rows.length;
  const out: string[] = [];
  let revenue = 0;
  let clv = 0;
  let alive = 0;
  for (const r of rows) {
    revenue += r.revenue;
    clv += r.clv;
    alive += r.pAlive;
  }
  out.push(`${ctx.file}: ${fmtInt(n)} customers, ${fmtInt(ctx.transactions)} transactions, as of ${ctx.asOf} (time unit: ${ctx.timeUnit})`);
  out.push(`Model: ${ctx.model}`);
  out.push(`Lifetime value: ${ctx.clv}`);
  out.push(`Revenue to date ${money(revenue)}; expected active customers ${fmtInt(Math.round(alive))} (${pct(alive, n)}); total lifetime value ${money(clv)}`);

  out.push('', `ABCD tiers (by ${ctx.tierBy})`);
  const tierRows: string[][] = [];
  for (const t of ['A', 'B', 'C', 'D']) {
    const group = rows.filter((r) => r.tier === t);
    const rev = sum(group, (r) => r.revenue);
    const value = sum(group, (r) => r.clv);
    tierRows.push([t, fmtInt(group.length), pct(group.length, n), money(rev), pct(rev, revenue), money(value), pct(value, clv)]);
  }
  out.push(...table(['tier', 'customers', 'share', 'revenue', 'share', 'lifetime value', 'share'], tierRows));

  out.push('', 'RFM segments');
  out.push(...table(['segment', 'customers', 'share', 'mean lifetime value'], countBy(rows, (r) => r.segment || '(none)').map(([k, g]) => [k, fmtInt(g.length), pct(g.length, n), money(sum(g, (r) => r.clv) / g.length)])));

  out.push('', 'Loyalty pyramid');
  const levels = [4, 3, 2, 1].map((l) => {
    const g = rows.filter((r) => r.level === l);
    return [`${l} ${PYRAMID[l - 1]}`, fmtInt(g.length), pct(g.length, n), g.length ? (sum(g, (r) => r.confidence) / g.length).toFixed(2) : '-'];
  });
  out.push(...table(['level', 'customers', 'share', 'mean confidence'], levels));
  const surveyed = rows.filter((r) => r.survey).length;
  out.push(surveyed > 0 ? `(${fmtInt(surveyed)} customers with survey answers)` : '(no survey answers: attitude read from behaviour, so nobody reaches level 4; add --survey FILE)');

  out.push('', 'Loyalty types');
  const types = countBy(rows, (r) => r.type).sort((a, b) => TYPE_ORDER.indexOf(a[0]) - TYPE_ORDER.indexOf(b[0]));
  out.push(...table(['type', 'quadrant', 'customers', 'share'], types.map(([k, g]) => [k, g[0]!.quadrant, fmtInt(g.length), pct(g.length, n)])));

  const top = [...rows].sort((a, b) => b.clv - a.clv || a.tierRank - b.tierRank).slice(0, ctx.top);
  out.push('', `Top ${top.length} customers by lifetime value`);
  out.push(
    ...table(
      ['customer', 'tier', 'segment', 'pyramid', 'type', 'P(alive)', 'E[purchases]', 'lifetime value'],
      top.map((r) => [r.id, r.tier, r.segment, r.label, r.type, r.pAlive.toFixed(3), r.expectedPurchases.toFixed(2), money(r.clv)]),
    ),
  );
  return `${out.join('\n')}\n`;
}

function sum(rows: readonly ReportRow[], f: (r: ReportRow) => number): number {
  let s = 0;
  for (const r of rows) s += f(r);
  return s;
}

/** Groups by key, largest group first (ties by key). */
function countBy(rows: readonly ReportRow[], key: (r: ReportRow) => string): [string, ReportRow[]][] {
  const m = new Map<string, ReportRow[]>();
  for (const r of rows) {
    const k = key(r);
    const g = m.get(k);
    if (g) g.push(r);
    else m.set(k, [r]);
  }
  return [...m].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

/** Left-aligned first column, right-aligned others. */
function table(head: readonly string[], body: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(head), ...body.map(line)];
}

function fmtInt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function money(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}
