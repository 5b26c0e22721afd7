// `score` and `fit` write the same bytes after the pipeline moved into the core as before it
// (test/fixtures/score-before, written by the command line at 2c3bef8). On stderr the old lines
// stay, in order; the only new lines are the documented fit warnings ('warning: ...'), the
// column mapping the reader chose ('columns: ...', issue 10) and the last line 'wrote N customers'
// (issue 11: written after the last row, so that a finished run can be told from a killed one).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../helpers/sharedData.js';
import { cli, ROOT } from './runCli.js';

const FIXTURES = resolve(ROOT, 'test/fixtures/score-before');
const MASTER = resolve(SHARED_DATA, 'CDNOW_master.txt');
const TX = 'examples/data/transactions.csv';
const SURVEY = 'examples/data/survey.csv';

const CASES: readonly (readonly [string, readonly string[]])[] = [
  ['cdnow-score.csv', ['score', MASTER, '--amount', '4', '--date-format', 'yyyyMMdd']],
  ['cdnow-best-explain.ndjson', ['score', MASTER, '--amount', '4', '--date-format', 'yyyyMMdd', '--model', 'best', '--explain', '--format', 'ndjson']],
  ['example-best-explain.csv', ['score', TX, '--survey', SURVEY, '--model', 'best', '--explain']],
  ['example-summary.txt', ['score', TX, '--survey', SURVEY, '--model', 'best', '--summary']],
  ['example-pnbd.json', ['score', TX, '--model', 'paretonbd', '--format', 'json', '--tier-by', 'profit', '--sort', 'clv', '--time-unit', 'day']],
  ['example-mbg.csv', ['score', TX, '--model', 'mbgnbd', '--periods', 'calendar', '--time-unit', 'month', '--rfm-method', 'rank', '--margin', '0.3', '--horizon', '18m', '--discount-rate', '0.05']],
  ['example-fit.txt', ['fit', TX, '--model', 'all']],
];

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return `line ${i + 1}:\n  before: ${x[i]?.slice(0, 400)}\n  after:  ${y[i]?.slice(0, 400)}`;
  return 'no line differs';
}

describe('score and fit output is unchanged by the move into the core', () => {
  for (const [fixture, args] of CASES) {
    it(`${args.slice(0, 1).join(' ')} ${fixture}`, () => {
      const before = gunzipSync(readFileSync(resolve(FIXTURES, `${fixture}.gz`))).toString('utf8');
      const beforeErr = readFileSync(resolve(FIXTURES, fixture.replace(/\.[a-z]+$/, '.err')), 'utf8');
      const r = cli(args);
      expect(r.code, r.stderr).toBe(0);
      if (r.stdout !== before) expect.fail(`stdout differs from the fixture at ${firstDifference(before, r.stdout)}`);
      const added = r.stderr.split('\n').filter((l) => l.length > 0);
      const old = beforeErr.split('\n').filter((l) => l.length > 0);
      let k = 0;
      for (const line of added) {
        if (line === old[k]) k++;
        else expect(line, "a new stderr line must be a documented warning or the reader's column line").toMatch(/^(warning|columns): |^wrote \d+ customers$/);
      }
      expect(k, `old stderr lines kept in order (stderr now:\n${r.stderr})`).toBe(old.length);
    });
  }
});
