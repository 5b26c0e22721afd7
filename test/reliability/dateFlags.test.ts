import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/runCli.js';

// Class "usage errors for dates in flags" (issue 11): an impossible calendar date in any
// date-valued flag is a usage error (exit 2) naming the flag, never a library message about
// options or epoch milliseconds. The list is checked against the help: every flag the help
// documents as taking a DATE is tried.

const DATA = 'examples/data/transactions.csv';
const dir = mkdtempSync(join(tmpdir(), 'loyalty-date-flags-'));
const SUBS = join(dir, 'subs.csv');
writeFileSync(SUBS, 'customer_id,start,end\na,2024-01-01,2024-03-01\nb,2024-01-01,\n');
const HTML = join(dir, 'report.html');

const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  summarize: [DATA],
  score: [DATA, '--model', 'best'],
  fit: [DATA, '--model', 'best'],
  report: [DATA, '--output', HTML, '--model', 'best'],
  retention: [SUBS],
  simulate: [],
};

/** `[command, flag]` for every `--flag DATE` line of every command's help. */
function documentedDateFlags(): [string, string][] {
  const out: [string, string][] = [];
  for (const command of Object.keys(COMMANDS)) {
    const help = cli([command, '--help']).stdout;
    for (const m of help.matchAll(/^\s+--([a-z-]+) DATE\b/gm)) out.push([command, m[1]!]);
  }
  return out;
}

const FLAGS = documentedDateFlags();

describe('date-valued flags', () => {
  it('the help documents the date flags this test tries', () => {
    expect(FLAGS.map(([c, f]) => `${c} --${f}`)).toEqual(
      expect.arrayContaining(['summarize --as-of', 'summarize --calibration-end', 'score --as-of', 'score --calibration-end', 'fit --as-of', 'report --compare-as-of', 'retention --as-of', 'simulate --start', 'simulate --end']),
    );
  });

  it.each(FLAGS.flatMap(([c, f]) => ['2024-02-30', '2023-02-29', '2024-13-01', '2024-2-3', 'yesterday'].map((v) => [c, f, v] as const)))(
    '%s --%s %s: exit 2 naming the flag',
    (command, flag, value) => {
      const r = cli([command, ...COMMANDS[command]!, `--${flag}`, value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--${flag} must be a calendar date yyyy-MM-dd (got ${value})`);
      expect(r.stderr).not.toMatch(/options, |epoch milliseconds/);
    },
  );

  it('a real date still works (2024-02-29 is a leap day)', () => {
    const r = cli(['summarize', DATA, '--as-of', '2024-02-29']);
    expect(r.code).toBe(0);
  });
});
