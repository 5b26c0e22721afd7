import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, CLI, ROOT } from './runCli.js';

const EXAMPLE = resolve(ROOT, 'examples/data/transactions.csv');

describe.runIf(existsSync(CLI))('score and fit: exit codes, messages, help, progress, demo', () => {
  it('exit 1: invalid data, naming the file, line and column', () => {
    const r = cli(['score', '-'], 'customer,date,amount\nA,2024-01-01,5\nA,2024-02-30,5\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('loyalty-score score: <stdin>: line 3, column 2 (date): not a valid date (expected yyyy-MM-dd)');
    const empty = cli(['score', '-'], 'customer,date,amount\n');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('<stdin>: only a header line, no transactions (expected lines of transactions after the header)');
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-fit-'));
    try {
      const file = join(dir, 'orders.tsv');
      writeFileSync(file, 'customer\tdate\tamount\nA\t2024-01-01\t5\nB\t2024-01-02\tten\n');
      const f = cli(['fit', file]);
      expect(f.code).toBe(1);
      expect(f.stderr).toContain(`loyalty-score fit: ${file}: line 3, column 3 (amount): `);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exit 2: usage errors name the flag and print the help', () => {
    const cases = [
      ['score'],
      ['score', EXAMPLE, '--model', 'weibull'],
      ['score', EXAMPLE, '--model', 'all'],
      ['score', EXAMPLE, '--horizon', 'forever'],
      ['score', EXAMPLE, '--margin', '1.5'],
      ['score', EXAMPLE, '--discount-rate', '-0.1'],
      ['score', EXAMPLE, '--as-of', '2025-13-01'],
      ['score', EXAMPLE, '--calibration-end', 'soon'],
      ['score', EXAMPLE, '--survey-scale', '5-1'],
      ['score', EXAMPLE, '--frobnicate'],
      ['score', EXAMPLE, '--format', 'xml'],
    ];
    for (const args of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('loyalty-score score <file> [options]');
    }
    expect(cli(['score', EXAMPLE, '--horizon', 'forever']).stderr).toContain('--horizon must be a whole number of d, w, m or y');
  });

  it('exit 3: a file that cannot be read', () => {
    expect(cli(['score', 'no-such-file.csv']).code).toBe(3);
    expect(cli(['fit', 'examples']).code).toBe(3);
  });

  it('documents flags, defaults and exit codes in --help', () => {
    const top = cli(['--help']).stdout;
    expect(top).toContain('score <file>');
    expect(top).toContain('fit <file>');
    for (const code of ['0  success', '1  invalid data', '2  usage error', '3  a file cannot be read', '4  a model cannot be fitted']) expect(top).toContain(code);
    const score = cli(['score', '--help']).stdout;
    for (const flag of ['--model M', '--calibration-end', '--horizon SPAN', '(default 1y)', '--discount-rate', '(default 0.1)', '--margin', '--survey FILE', '--tier-by', '--summary', '--time-unit U', '(default week)', '--format F']) {
      expect(score).toContain(flag);
    }
    expect(cli(['fit', '--help']).stdout).toContain('bgnbd | paretonbd | mbgnbd | best | all');
  });

  it('is silent on stderr progress when stderr is not a terminal', () => {
    const r = cli(['score', EXAMPLE, '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    expect(r.stderr).not.toContain('%');
  });

  it('writes the readable summary for npm run demo in well under 10 s', () => {
    const script = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.demo!;
    const command = script.split('&&').pop()!.trim().split(/\s+/);
    expect(command.slice(0, 3)).toEqual(['node', 'dist/cli.js', 'score']);
    const t0 = Date.now();
    const r = cli(command.slice(2));
    const seconds = (Date.now() - t0) / 1000;
    expect(r.code).toBe(0);
    expect(seconds).toBeLessThan(10);
    for (const section of ['3,000 customers', 'ABCD tiers (by revenue)', 'RFM segments', 'Loyalty pyramid', 'Loyalty types', 'Top 10 customers by lifetime value']) expect(r.stdout).toContain(section);
    // Tier shares: 30 / 120 / 450 / 2,400 customers of 3,000.
    expect(r.stdout).toMatch(/\n {2}A +30 +1\.0%/);
    expect(r.stdout).toMatch(/\n {2}D +2,400 +80\.0%/);
    // The top list is in decreasing lifetime value.
    const top = r.stdout.slice(r.stdout.indexOf('Top 10')).trim().split('\n').slice(2);
    expect(top).toHaveLength(10);
    const values = top.map((l) => Number(l.trim().split(/\s+/).pop()!.replace(/,/g, '')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
