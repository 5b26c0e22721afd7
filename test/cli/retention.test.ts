/**
 * `loyalty-score retention` through a real process (the built CLI, or LOYALTY_SCORE_CLI), and the
 * guide's `retention <file>` section in docs/cli.md against it: every flag of --help with its
 * default, the worked example's output and the numbers its prose quotes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitBetaDiscreteWeibull } from '../../src/models/contractual/fitBetaDiscreteWeibull.js';
import { fitShiftedBetaGeometric } from '../../src/models/contractual/fitShiftedBetaGeometric.js';
import { subscriptionCohorts, type SubscriptionRecord } from '../../src/models/contractual/subscriptionCohorts.js';
import { blockStartingWith, codeBlocks, docText, expectOutputExcerpt, expectQuoted } from '../docs/quoted.js';
import { cli } from './runCli.js';

const EXAMPLE = 'examples/data/subscriptions.csv';
const EXAMPLE_ARGS = ['retention', EXAMPLE, '--period', 'year', '--as-of', '2007-01-01', '--horizon', '5', '--renewals', '3'];
const doc = docText('cli.md');
const section = doc.slice(doc.indexOf('## `retention <file>`'), doc.indexOf('## Exit codes'));

function ok(args: readonly string[], input?: string): ReturnType<typeof cli> {
  const r = cli(args, input);
  expect(r.code, `loyalty-score ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

describe('loyalty-score retention', () => {
  it('fits the paper’s High End cohort from individual subscriptions: the paper’s α, β and LL', () => {
    const r = ok([...EXAMPLE_ARGS, '--format', 'json']);
    const out = JSON.parse(r.stdout) as {
      params: { alpha: number; beta: number };
      logLikelihood: number;
      cohorts: { name: string; survivors: number[] }[];
      curve: { period: number; survival: number; retentionRate: number | null; observed: number | null }[];
      expectedLifetime: number | null;
      value: { discountRatePerPeriod: number; newCustomer: number; byRenewals: { renewals: number; derl: number; clv: number }[] };
    };
    // Fader & Hardie (2007): α = 0.668, β = 3.806, LL = −1611.2, printed digits.
    expect(Math.abs(out.params.alpha - 0.668)).toBeLessThanOrEqual(5e-4);
    expect(Math.abs(out.params.beta - 3.806)).toBeLessThanOrEqual(5e-4);
    expect(Math.abs(out.logLikelihood + 1611.2)).toBeLessThanOrEqual(0.05);
    expect(out.cohorts).toEqual([{ name: '2000-01-01', survivors: [1000, 869, 743, 653, 593, 551, 517, 491] }]);
    expect(out.curve).toHaveLength(13);
    expect(out.curve[7]!.observed).toBeCloseTo(0.491, 12);
    expect(out.curve[12]!.observed).toBeNull();
    expect(out.expectedLifetime).toBeNull();
    // The same numbers as the library's fit of the survivor counts.
    const fit = fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]);
    expect(out.params.alpha).toBeCloseTo(fit.params.alpha, 12);
    expect(out.curve[12]!.survival).toBeCloseTo(fit.survival(12), 12);
    expect(out.value.discountRatePerPeriod).toBe(0.1);
    expect(out.value.newCustomer).toBeCloseTo(fit.subscriptionClv({ margin: 1, discountRate: 0.1 }), 10);
    expect(out.value.byRenewals[3]!.derl).toBeCloseTo(fit.discountedExpectedResidualLifetime(3, 0.1), 10);
  });

  it('the default --as-of is the latest date in the file; --model bdw fits the BdW', () => {
    const explicit = ok([...EXAMPLE_ARGS, '--format', 'json']).stdout;
    const byDefault = ok(['retention', EXAMPLE, '--period', 'year', '--horizon', '5', '--renewals', '3', '--format', 'json']).stdout;
    expect(byDefault).toBe(explicit);
    const bdw = JSON.parse(ok([...EXAMPLE_ARGS, '--model', 'bdw', '--format', 'json']).stdout) as { params: Record<string, number>; model: string };
    const ref = fitBetaDiscreteWeibull([1000, 869, 743, 653, 593, 551, 517, 491]);
    expect(bdw.model).toBe('bdw');
    expect(bdw.params.c).toBeCloseTo(ref.params.c, 10);
  });

  it('monthly cohorts of different ages from stdin, fitted jointly, with a yearly discount rate per month', () => {
    const rows: SubscriptionRecord[] = [];
    const lines = ['subscriber,started,cancelled'];
    for (let i = 0; i < 400; i++) {
      const month = 1 + (i % 6);
      const start = `2024-0${month}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const stay = (i * 37) % 11;
      const end = stay < 6 ? `2024-${String(month + stay + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : '';
      rows.push(end ? { customerId: i, start, end } : { customerId: i, start });
      lines.push(`${i},${start},${end}`);
    }
    const r = ok(['retention', '-', '--as-of', '2024-12-31', '--format', 'json'], `${lines.join('\n')}\n`);
    const out = JSON.parse(r.stdout) as { params: { alpha: number }; cohorts: unknown[]; value: { discountRatePerPeriod: number } };
    const ref = fitShiftedBetaGeometric(subscriptionCohorts(rows, { period: 'month', asOf: '2024-12-31' }));
    expect(out.cohorts).toHaveLength(6);
    expect(out.params.alpha).toBeCloseTo(ref.params.alpha, 10);
    expect(out.value.discountRatePerPeriod).toBeCloseTo(1.1 ** (1 / 12) - 1, 15);
  });

  it('errors name the file, line and column; the overlap names the other line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-'));
    const file = join(dir, 'subs.csv');
    writeFileSync(file, 'customer_id,start,end\n1,2024-01-01,2024-03-01\n2,2024-02-01,2024-01-15\n');
    const bad = cli(['retention', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3, column 3 (end): the subscription ends before it starts');
    writeFileSync(file, 'customer_id,start,end\n1,2024-01-01,2024-03-01\n2,2024-02-01,\n1,2024-02-15,\n');
    const overlap = cli(['retention', file]);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr).toContain('line 4, column 2 (start): overlaps the subscription of the same customer on line 2');
    expect(overlap.stderr).not.toContain('customer 1');
    writeFileSync(file, 'who,start,end\n1,2024-01-01,\n');
    const noColumn = cli(['retention', file]);
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toContain('no customer column');
    expect(cli(['retention', file, '--period', 'week']).code).toBe(2);
    expect(cli(['retention', join(dir, 'missing.csv')]).code).toBe(3);
  });
});

describe('docs/cli.md: the retention section against the command', () => {
  const help = ok(['retention', '--help']).stdout;

  it('every flag of --help is in the guide’s table, with the default --help states', () => {
    const flags = new Set(help.match(/--[a-z][a-z-]+/g));
    expect(flags.size).toBeGreaterThan(10);
    for (const f of flags) expect(section, f).toMatch(new RegExp(`\\| \`${f}[\` ]`));
    const cases: [string, string, string][] = [
      ['ids', '`auto`', '(default auto)'],
      ['period', '`month`', '(default month)'],
      ['as-of', 'the latest date in the file', '(default: latest date in the file)'],
      ['model', '`sbg`', '(default sbg)'],
      ['horizon', '`12`', '(default 12)'],
      ['discount-rate', '`0.1`', '(default 0.1)'],
      ['margin', '`1`', '(default 1)'],
      ['renewals', '`12`', '(default 12)'],
      ['format', '`text`', '(default text)'],
    ];
    for (const [flag, inDoc, inHelp] of cases) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`--${flag} `))!;
      expect(row.split('|')[2]!.trim(), flag).toContain(inDoc);
      const line = help.split('\n').find((l) => l.trimStart().startsWith(`--${flag} `))!;
      expect(line.replace(/\s+/g, ' '), flag).toContain(inHelp);
    }
    expect(ok(['--help']).stdout).toContain('retention <file>');
    expect(doc).toContain('| `retention <file>` |');
  });

  it('the worked example: the command as written, its output and the numbers the prose quotes', () => {
    const command = codeBlocks(section, 'sh')[0]!.replace(/^npx loyalty-score /, '').split(/\s+/);
    expect(command).toEqual(EXAMPLE_ARGS);
    const r = ok(command);
    expectOutputExcerpt(blockStartingWith(codeBlocks(section, 'text'), 'examples/data/subscriptions.csv:'), r.stdout);
    const out = JSON.parse(ok([...EXAMPLE_ARGS, '--format', 'json']).stdout) as { logLikelihood: number; curve: { survival: number }[]; value: { newCustomer: number; byRenewals: { clv: number }[] } };
    expectQuoted(section, '1611.1581', -out.logLikelihood);
    expectQuoted(section, '378', 1000 * out.curve[12]!.survival);
    expectQuoted(section, '0.3780', out.curve[12]!.survival);
    expectQuoted(section, '5.92225', out.value.newCustomer);
    expectQuoted(section, '6.61992', out.value.byRenewals[3]!.clv);
    expect(r.stdout).toContain('  12          0.3780      0.9568');
  });
});
