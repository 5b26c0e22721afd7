/**
 * The CDNOW worked examples of the guides in docs/: every number a guide quotes in a worked example
 * is computed here and checked against the text of the guide (`expectQuoted`: the guide contains
 * the number as printed, and the computed value rounds to it). Numbers already asserted by another
 * test are cited in the guide instead (test/summary/cdnow.test.ts, test/tiers/cdnow.test.ts,
 * test/loyalty/cdnow.test.ts, test/cli/cli.test.ts).
 *
 * Data: ../shared/data/CDNOW_sample.txt (the 1/10 sample of the BTYD papers) and CDNOW_master.txt
 * (the whole cohort, 23,570 customers). Master ids are kept as strings ('00004').
 */
import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  calibrationAndHoldout,
  classifyLoyaltyType,
  classifyPyramid,
  classifyValueLoyalty,
  deriveBehaviourSignals,
  parseTransactions,
  rfmChanges,
  scoreRfm,
  summarizeCustomers,
  tierMigration,
  type CustomerSummary,
  type TimeUnit,
} from '../../src/index.js';
import { cdnowSampleRows, readShared } from '../helpers/sharedData.js';
import { docText, expectQuoted } from './quoted.js';

function cdnowMasterRows(): { customerId: string; date: string; amount: number }[] {
  return readShared('CDNOW_master.txt')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [id, date, , dollars] = l.trim().split(/\s+/);
      return { customerId: id!, date: date!, amount: Number(dollars) };
    });
}

const sampleRows = cdnowSampleRows();
const sample = parseTransactions(sampleRows, { dateFormat: 'yyyyMMdd' }).table;
const masterRows = cdnowMasterRows();
const master = parseTransactions(masterRows, { dateFormat: 'yyyyMMdd' }).table;

describe('docs/summaries.md', () => {
  const doc = docText('summaries.md');

  it('returns example: net and drop', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-05', amount: 50 },
      { customerId: 'a', date: '2024-02-01', amount: 30 },
      { customerId: 'a', date: '2024-02-10', amount: -20 },
    ];
    const net = summarizeCustomers(rows, { asOf: '2024-02-29' }).customers[0]!;
    expectQuoted(doc, '60', net.revenue);
    expect(net.rfm.frequency).toBe(2);
    expect(net.btyd.frequency).toBe(1);
    expectQuoted(doc, '30', net.btyd.monetaryValue);
    expect(net.lastPurchase).toBe('2024-02-01');
    expect(doc).toContain('the last\npurchase is 2024-02-01 (rfm recency 28 days)');
    expect(net.rfm.recency).toBe(28);
    const drop = summarizeCustomers(rows, { asOf: '2024-02-29', parse: { returns: 'drop' } }).customers[0]!;
    expectQuoted(doc, '80', drop.revenue);
    const onlyReturns = summarizeCustomers([{ customerId: 'b', date: '2024-01-05', amount: -5 }], { asOf: '2024-02-29' });
    expect(onlyReturns.customers).toEqual([]);
    expect(onlyReturns.excluded.customersWithoutPurchase).toBe(1);
    expect(masterRows.filter((r) => r.amount === 0)).toHaveLength(80);
    expect(doc).toContain('(CDNOW has 80 such rows)');
  });

  it('sample customer 1 by hand: records, x, t_x, T, mean repeat spend, RFM, holdout', () => {
    const rows = sampleRows.filter((r) => r.customerId === 1);
    expect(rows.map((r) => [r.date, r.amount])).toEqual([
      ['19970101', 29.33],
      ['19970118', 29.73],
      ['19970802', 14.96],
      ['19971212', 26.48],
    ]);
    expect(readShared('CDNOW_sample.txt').split(/\r?\n/)[0]!.trim().split(/\s+/).slice(0, 2)).toEqual(['00004', '0001']);
    const c = summarizeCustomers(sample, { asOf: '1997-09-30', timeUnit: 'week' }).customers[0]!;
    expect(c.customerId).toBe(1);
    expect(c.btyd.frequency).toBe(2);
    expect(doc).toContain('213 / 7 = **30.43**');
    expectQuoted(doc, '30.43', c.btyd.recency);
    expect(c.btyd.recency * 7).toBeCloseTo(213, 10);
    expectQuoted(doc, '38.86', c.btyd.T);
    expect(c.btyd.T * 7).toBeCloseTo(272, 10);
    expectQuoted(doc, '22.345', c.btyd.monetaryValue);
    expectQuoted(doc, '8.43', c.rfm.recency);
    expect(c.rfm.frequency).toBe(3);
    expectQuoted(doc, '74.02', c.rfm.monetary);
    const h = calibrationAndHoldout(sample, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', timeUnit: 'week' }).customers[0]!;
    expect(h.holdout.frequency).toBe(1);
    expectQuoted(doc, '26.48', h.holdout.monetaryValue);
    expect(h.holdout.duration).toBe(39);
  });

  it('sample customer 1 in every unit and period mode (the table)', () => {
    const cases: [TimeUnit, 'exact' | 'calendar', string][] = [
      ['day', 'exact', '| day, exact | 2 | 213 | 272 | 59 | 22.345 |'],
      ['week', 'exact', '| week, exact | 2 | 30.43 | 38.86 | 8.43 | 22.345 |'],
      ['month', 'exact', '| month, exact | 2 | 7.0323 | 8.9667 | 1.9333 | 22.345 |'],
      ['year', 'exact', '| year, exact | 2 | 0.5836 | 0.7452 | 0.1616 | 22.345 |'],
      ['week', 'calendar', '| week, calendar | 2 | 30 | 39 | 9 | 22.345 |'],
      ['month', 'calendar', '| month, calendar | 1 | 7 | 8 | 1 | 14.96 |'],
    ];
    for (const [timeUnit, periods, line] of cases) {
      expect(doc).toContain(line);
      const c = summarizeCustomers(sample, { asOf: '1997-09-30', timeUnit, periods }).customers[0]!;
      const cells = line.split('|').slice(2, 7).map((x) => x.trim());
      const got = [c.btyd.frequency, c.btyd.recency, c.btyd.T, c.rfm.recency, c.btyd.monetaryValue];
      cells.forEach((text, i) => expectQuoted(line, text, got[i]!));
    }
  });

  it('the whole sample and the whole cohort', () => {
    const s = summarizeCustomers(sample, { asOf: '1997-09-30', timeUnit: 'week' });
    expectQuoted(doc, '2,357', s.customers.length);
    expectQuoted(doc, '6,919', sample.length);
    expectQuoted(doc, '1,959', s.excluded.rowsAfterAsOf);
    expectQuoted(doc, '946', s.customers.filter((c) => c.btyd.frequency > 0).length);
    const m = summarizeCustomers(master, { asOf: '1998-06-30', timeUnit: 'week' }).customers;
    expectQuoted(doc, '69,659', master.length);
    expectQuoted(doc, '23,570', m.length);
    const oneRecord = m.filter((c) => c.rfm.frequency === 1).length;
    const oneDay = m.filter((c) => c.btyd.frequency === 0).length;
    expectQuoted(doc, '11,908', oneRecord);
    expectQuoted(doc, '12,054', oneDay);
    expect(oneDay - oneRecord).toBe(146);
    expect(doc).toContain('146 customers bought more than once on their only\nday');
  });
});

describe('CDNOW cohort as of 1998-06-30 (rfm.md, tiers.md, loyalty.md)', () => {
  const summaries: CustomerSummary[] = summarizeCustomers(master, { asOf: '1998-06-30', timeUnit: 'day' }).customers;
  const earlier: CustomerSummary[] = summarizeCustomers(master, { asOf: '1997-12-31', timeUnit: 'day' }).customers;
  const fmt = (n: number): string => n.toLocaleString('en-US');

  it('rfm.md: cut points, counts, segments, customer 00004 and score changes', () => {
    const doc = docText('rfm.md');
    const scored = scoreRfm(summaries);
    const row = (name: string, b: { thresholds: readonly number[]; counts: readonly number[] }, digits: number): void => {
      const cuts = b.thresholds.map((t) => (digits === 0 ? String(t) : t.toFixed(digits))).join(', ');
      const line = `| ${name} | ${cuts} | ${b.counts.map(fmt).join(' / ')} |`;
      expect(doc).toContain(line);
    };
    row('R (days since the last purchase)', scored.recency, 0);
    row('F (purchase records)', scored.frequency, 0);
    row('M (total dollars)', scored.monetary, 2);
    for (const { segment, count } of scored.segments) expect(doc).toContain(`| ${segment} | ${fmt(count)} |`);
    expect(scored.segments.reduce((s, x) => s + x.count, 0)).toBe(23_570);
    // One-time buyers: their last purchase is at most 1997-03-31, 456 days before 1998-06-30.
    const oneTime = summaries.filter((c) => c.rfm.frequency === 1);
    expect(Math.min(...oneTime.map((c) => c.rfm.recency))).toBeGreaterThanOrEqual(456);
    expectQuoted(doc, '456', 456);
    expect(Math.max(...summaries.map((c) => c.firstPurchase > '1997-03-31' ? 1 : 0))).toBe(0);

    const i = summaries.findIndex((c) => c.customerId === '00004');
    const c = summaries[i]!;
    expect(c.rfm.frequency).toBe(4);
    expect(c.lastPurchase).toBe('1997-12-12');
    expectQuoted(doc, '100.50', c.revenue);
    expect(doc).toContain('Recency is 200 days');
    expect(c.rfm.recency).toBe(200);
    expect(scored.customers[i]).toMatchObject({ r: 4, f: 4, m: 4, cell: '444', segment: 'Champions' });

    const quantileChanges = rfmChanges(scoreRfm(earlier), scored);
    expect(quantileChanges.slipping).toHaveLength(0);
    const fixed = { breaks: { recency: [30, 90, 180, 365] } };
    const fixedChanges = rfmChanges(scoreRfm(earlier, fixed), scoreRfm(summaries, fixed));
    expectQuoted(doc, '2,027', fixedChanges.slipping.length);
    const ch = fixedChanges.changes.find((x) => x.customerId === '00004')!;
    expect([ch.before.cell, ch.before.segment, ch.after.cell, ch.after.segment, ch.dr]).toEqual(['554', 'Champions', '244', "Can't lose them", -3]);
    expect(earlier.find((x) => x.customerId === '00004')!.rfm.recency).toBe(19);
    expect(doc).toContain('`554` (*Champions*, 19 days since the last purchase) to `244` (*Can\'t lose them*, 200 days)');
    expect(summaries).toHaveLength(earlier.length);
  });

  it('tiers.md: migration between 1997-12-31 and 1998-06-30', () => {
    const doc = docText('tiers.md');
    const moves = tierMigration(assignTiers(earlier), assignTiers(summaries));
    for (const from of ['A', 'B', 'C', 'D'] as const) {
      const m = moves.matrix[from];
      expect(doc).toContain(`| ${from} | ${(['A', 'B', 'C', 'D'] as const).map((to) => fmt(m[to])).join(' | ')} |`);
      expect(m.lost).toBe(0);
    }
    expect(Object.values(moves.matrix.new).every((n) => n === 0)).toBe(true);
    expect(moves.newCustomers).toHaveLength(0);
    expect(moves.lostCustomers).toHaveLength(0);
    expectQuoted(doc, '858', moves.upgrades.length);
    expectQuoted(doc, '875', moves.downgrades.length);
    expectQuoted(doc, '442', moves.stars.length);
  });

  it('loyalty.md: customer 00004 through the tables, and value x loyalty groups', () => {
    const doc = docText('loyalty.md');
    const { customers } = deriveBehaviourSignals(master, { asOf: '1998-06-30' });
    const s = customers.find((c) => c.customerId === '00004')!;
    const b = s.behaviour;
    expect(b.purchases).toBe(4);
    expect(doc).toContain('| `purchases` | 4 |');
    expectQuoted(doc, '545', b.tenureDays!);
    expectQuoted(doc, '200', b.daysSinceLastPurchase!);
    expectQuoted(doc, '115', b.meanGapDays!);
    expectQuoted(doc, '1.74', b.recencyRatio!);
    expectQuoted(doc, '0.644', b.gapCv!);
    // The gaps quoted: 17, 196 and 132 days; population SD over the mean.
    const gaps = [17, 196, 132];
    const sd = Math.sqrt(gaps.reduce((t, g) => t + (g - 115) ** 2, 0) / 3);
    expect(Math.abs(sd / 115 - b.gapCv!)).toBeLessThan(1e-12);
    expectQuoted(doc, '-0.175', b.spendTrend!);
    expect(Math.abs((41.44 - 59.06) / (41.44 + 59.06) - b.spendTrend!)).toBeLessThan(1e-12);
    expectQuoted(doc, '100.50', b.totalSpend!);

    const p = classifyPyramid(s);
    expect([p.rule, p.level, p.confidence, p.missingSignals.length]).toEqual(['P3', 3, 0.4, 12]);
    expect(p.attitude).toEqual({ level: 'positive', score: null, source: 'behaviour' });
    const t = classifyLoyaltyType(s);
    expect([t.rule, t.type, t.quadrant, t.group, t.isFalseLoyalty]).toEqual(['T4', 'true', 'true', 'true', false]);

    const tiers = assignTiers(summaries);
    const tier = tiers.customers.find((c) => c.customerId === '00004')!;
    expect(tier.tier).toBe('D');
    expectQuoted(doc, '6,212', tier.rank);
    expect(classifyValueLoyalty({ value: { tier: tier.tier }, loyalty: p }).group).toBe('potential');

    const tierOf = new Map(tiers.customers.map((c) => [c.customerId, c.tier]));
    const groups: Record<string, number> = {};
    for (const c of customers) {
      const g = classifyValueLoyalty({ value: { tier: tierOf.get(c.customerId)! }, loyalty: classifyPyramid(c) }).group;
      groups[g] = (groups[g] ?? 0) + 1;
    }
    expect(doc).toContain(
      `stranger ${fmt(groups.stranger!)}, potential ${fmt(groups.potential!)}, temporary ${fmt(groups.temporary!)}, high-end ${fmt(groups['high-end']!)}`,
    );
    expect(groups).toEqual({ stranger: 20_192, potential: 2_199, temporary: 914, 'high-end': 265 });
  });
});
