import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cli, ROOT } from '../cli/runCli.js';

// `loyalty-score report` as a process: usage errors, stdout output, the help. The browser test
// (report.browser.test.ts) checks the page itself.
const example = resolve(ROOT, 'examples/data/transactions.csv');

describe.runIf(existsSync(CLI) || process.env.CI === 'true')('loyalty-score report', () => {
  it('is listed in the top-level help, with its own --help', () => {
    expect(cli(['--help']).stdout).toContain('report <file>');
    const help = cli(['report', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--output FILE', '--compare-as-of DATE', '--top N', '--calibration-end DATE', '--survey', '--horizon']) expect(help.stdout).toContain(flag);
  });

  it('needs --output and exactly one file (exit 2), and a valid comparison date', () => {
    const noOutput = cli(['report', example]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('needs --output');
    expect(cli(['report', '--output', '-']).code).toBe(2);
    const badDate = cli(['report', example, '--compare-as-of', '2025-02-30', '--output', '-']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--compare-as-of must be a calendar date');
    const late = cli(['report', example, '--compare-as-of', '2026-01-31', '--output', '-']);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/compareAsOf/);
  });

  it('writes the HTML to stdout with --output -, one document with seven sections', () => {
    const r = cli(['report', example, '--output', '-', '--top', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout.match(/<section /g)).toHaveLength(7);
    expect(r.stdout.match(/<table class="numbers" data-table="top-customers">.*?<\/table>/s)![0].match(/<tr>/g)).toHaveLength(4);
    expect(r.stdout).toContain('--compare-as-of');
  }, 60_000);
});
