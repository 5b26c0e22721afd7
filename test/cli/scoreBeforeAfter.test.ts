// `score` and `fit` write the same output after the pipeline moved into the core as before it
// (test/fixtures/score-before, written by the command line at 2c3bef8). Same output means the same
// text, cell for cell, and the same numbers: since the fits take Newton steps after BFGS
// (fitByMaximumLikelihood), the estimates sit closer to the maximum: on the example data they moved
// by up to 5.3e-7 relative from the 2c3bef8 ones (Pareto/NBD in days, along its flat s–β ridge),
// and a customer's CLV or P(alive) moves by a few times that. So a number may differ by 1e-5
// relative (20 times the parameters' move) or by one unit of its last printed digit, and a printed
// gradient norm must stay below 1e-7. On stderr the old lines
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

/** Numbers and the text between them, split so that text is at even and numbers at odd indices. */
const tokens = (s: string): string[] => s.split(/(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)/);

/** One unit of the last digit `v` is printed with: 10^(exponent - decimals). */
function lastDigitUnit(v: string): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e([-+]?\d+))?$/.exec(v);
  return 10 ** (Number(m?.[2] ?? 0) - (m?.[1]?.length ?? 0));
}

/**
 * Where `after` departs from `before` beyond the tolerance above, or null: text must be equal,
 * numbers within 1e-5 relative or one unit of the fixture's last printed digit, gradient norms
 * below 1e-7 both.
 */
function numericMismatch(before: string, after: string): string | null {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length !== b.length) return `the number of fields (${a.length} against ${b.length})`;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (i % 2 === 0) return `text ${JSON.stringify(a[i])} against ${JSON.stringify(b[i])}`;
    const x = Number(a[i]);
    const y = Number(b[i]);
    if (/gradient norm $/.test(a[i - 1]!)) {
      if (x <= 1e-7 && y <= 1e-7) continue;
      return `gradient norm ${a[i]} against ${b[i]}`;
    }
    if (Math.abs(x - y) <= Math.max(1e-5 * Math.abs(x), lastDigitUnit(a[i]!) * (1 + 1e-9))) continue;
    return `number ${a[i]} against ${b[i]} (after ${JSON.stringify(a[i - 1]!.slice(-40))})`;
  }
  return null;
}

describe('score and fit output is unchanged by the move into the core', () => {
  for (const [fixture, args] of CASES) {
    it(`${args.slice(0, 1).join(' ')} ${fixture}`, () => {
      const before = gunzipSync(readFileSync(resolve(FIXTURES, `${fixture}.gz`))).toString('utf8');
      const beforeErr = readFileSync(resolve(FIXTURES, fixture.replace(/\.[a-z]+$/, '.err')), 'utf8');
      const r = cli(args);
      expect(r.code, r.stderr).toBe(0);
      if (r.stdout !== before) {
        const mismatch = numericMismatch(before, r.stdout);
        if (mismatch !== null) expect.fail(`stdout differs from the fixture at ${mismatch}\n${firstDifference(before, r.stdout)}`);
      }
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
