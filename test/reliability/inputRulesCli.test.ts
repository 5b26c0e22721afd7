import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, parseCsvRecords } from '../cli/runCli.js';

// Issue 11, the input rules through the command line as a user runs it (docs/cli.md, "Rules every
// row meets"): dates in --date-range, negative costs and quantities, order ids, the as-of date.


const BAD = [
  'customer,date,amount,cost,quantity,order',
  'c-secret-1,2024-01-05,10,4,1,INV-SECRET',
  'c-secret-2,2024-01-05,5,2,1,INV-SECRET',
  'c-secret-3,9999-12-31,3,,,',
  'c-secret-4,2024-01-06,5,-2.75,,',
  'c-secret-5,2024-01-07,5,,-13,',
  'c-secret-6,2024-01-08,7,3,1,',
].join('\n');
const SECRETS = ['c-secret', 'INV-SECRET', '-2.75', '-13', '9999-12-31'];

let dir: string;
let simulated: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'input-rules-'));
  const sim = cli(['simulate', '--customers', '300', '--start', '2023-01-01', '--end', '2023-12-31', '--seed', '7']);
  expect(sim.code).toBe(0);
  simulated = join(dir, 'simulated.csv');
  writeFileSync(simulated, sim.stdout);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the rules hold by default (exit 1, the field named, no raw values)', () => {
  it.each([
    ['a date outside the range', 'c,2024-01-05,10\nd,9999-12-31,5\n', 'date', 'outside the accepted date range 1900-01-01..2199-12-31'],
    ['year 0000', 'c,2024-01-05,10\nd,0000-01-01,5\n', 'date', 'outside the accepted date range'],
    ['an impossible time', 'c,2024-01-05,10\nd,2024-03-01T25:61:99,5\n', 'date', 'not a valid date'],
    ['a negative cost', 'customer,date,amount,cost\nc,2024-01-05,10,4\nd,2024-01-05,5,-1\n', 'cost', 'profit would exceed its revenue'],
    ['a negative quantity on a positive amount', 'customer,date,amount,quantity\nc,2024-01-05,10,1\nd,2024-01-05,5,-1\n', 'quantity', 'negative quantity on a positive amount'],
    ['an order id on two customers', 'customer,date,amount,order\nc,2024-01-05,10,O1\nd,2024-01-05,5,O1\n', 'column 4 (order)', 'for another customer'],
    ['an order id on two days', 'customer,date,amount,order\nc,2024-01-05,10,O1\nc,2024-01-06,5,O1\n', 'column 4 (order)', 'on another day'],
  ])('%s', (_what, input, field, text) => {
    const r = cli(['summarize', '-'], input);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(text);
    expect(r.stderr).toContain(field);
    expect(r.stderr).not.toContain('Error:');
  });

  it('no raw value of the bad lines in the messages', () => {
    for (const flags of [[], ['--on-invalid', 'collect']]) {
      const r = cli(['summarize', '-', ...flags], BAD);
      expect(r.stderr).toMatch(/order id already used/);
      for (const s of SECRETS) expect(r.stderr).not.toContain(s);
    }
  });
});

describe('lines, collection and the flags that relax the rules', () => {
  it('names both lines of an order-id conflict, and the line and column of each refused row', () => {
    const r = cli(['summarize', '-', '--on-invalid', 'collect'], BAD);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('4 invalid lines skipped:');
    expect(r.stderr).toContain('line 3, column 6 (order): order id already used by line 2 for another customer');
    expect(r.stderr).toContain('line 4, column 2 (date): outside the accepted date range');
    expect(r.stderr).toContain('line 5, column 4 (cost): a negative cost on a purchase');
    expect(r.stderr).toContain('line 6, column 5 (quantity): a negative quantity on a positive amount');
    expect(parseCsvRecords(r.stdout).rows.map((x) => x.customer_id)).toEqual(['c-secret-1', 'c-secret-6']);
  });

  it('--reveal-values adds the refused date', () => {
    const r = cli(['summarize', '-', '--on-invalid', 'collect', '--reveal-values'], BAD);
    expect(r.stderr).toContain('(got 9999-12-31)');
  });

  it('--order-ids lenient keeps the rows and says how many on stderr; --negative-cost allow keeps the cost', () => {
    const r = cli(['summarize', '-', '--order-ids', 'lenient', '--negative-cost', 'allow', '--date-range', '..9999-12-31', '--on-invalid', 'collect'], BAD);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 row reuses an order id of another customer or another day, kept under --order-ids lenient');
    expect(r.stderr).toContain('1 invalid line skipped:');
    const rows = parseCsvRecords(r.stdout).rows;
    expect(rows.map((x) => x.customer_id)).toEqual(['c-secret-1', 'c-secret-2', 'c-secret-3', 'c-secret-4', 'c-secret-6']);
    const four = rows.find((x) => x.customer_id === 'c-secret-4')!;
    expect(Number(four.profit)).toBeCloseTo(7.75, 9);
  });

  it('--date-range narrows the accepted dates', () => {
    const r = cli(['summarize', '-', '--date-range', '2024-01-06..'], 'c,2024-01-05,10\nd,2024-01-06,5\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 1, column 2 (date): outside the accepted date range 2024-01-06..2199-12-31');
  });
});

describe('flags and the as-of date', () => {
  it.each([
    [['--date-range', '2024'], '--date-range must be FROM..TO'],
    [['--date-range', '2024-05-01..2024-01-01'], '--date-range: from is after to'],
    [['--negative-cost', 'maybe'], '--negative-cost must be one of error, allow'],
    [['--order-ids', 'merge'], '--order-ids must be one of strict, lenient'],
    [['--as-of', '9999-12-31'], '--as-of must be a date in 1900-01-01..2199-12-31'],
    [['--as-of', '1899-12-31'], '--as-of must be a date in 1900-01-01..2199-12-31'],
  ])('summarize %j is a usage error (exit 2)', (flags, text) => {
    const r = cli(['summarize', '-', ...flags], 'c,2024-01-05,10\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
  });

  it.each(['score', 'fit'])('%s --as-of 9999-12-31 and --calibration-end 2300-01-01 are usage errors', (command) => {
    expect(cli([command, '-', '--as-of', '9999-12-31'], 'c,2024-01-05,10\n').code).toBe(2);
    const r = cli([command, '-', '--model', 'best', '--calibration-end', '2300-01-01'], 'c,2024-01-05,10\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--calibration-end must be a date in 1900-01-01..2199-12-31');
  });

  it.each([
    ['summarize', []],
    ['fit', []],
    ['score', []],
    ['report', ['--output', '-']],
  ] as const)('%s warns when --as-of is more than a year after the last transaction', (command, extra) => {
    const late = cli([command, simulated, '--as-of', '2025-06-30', ...extra]);
    expect(late.stderr).toMatch(/^warning: --as-of 2025-06-30 is \d+ days after the last transaction \(2023-12-\d\d\)/m);
    const near = cli([command, simulated, '--as-of', '2024-06-30', ...extra]);
    expect(near.stderr).not.toContain('days after the last transaction');
    expect(near.code).toBe(late.code);
  }, 120_000);
});
