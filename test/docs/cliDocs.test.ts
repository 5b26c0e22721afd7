/**
 * docs/cli.md against the built command line (dist/cli.js, built by `npm test` before vitest):
 * every flag the commands' --help lists is in the guide with the same default, the defaults
 * behave as documented, the exit codes match, and every number of the worked examples (CDNOW
 * master: score with --model best, the --summary report, customer 00004; CDNOW sample: fit and
 * the holdout comparison) is recomputed by running the commands the guide shows.
 *
 * Numbers in prose are checked with `expectQuoted` (the printed digits); output excerpts with
 * `expectOutputExcerpt` (same words and lines; decimals to 1e-5 relative or the printed digits).
 *
 * Outside CI the suite is skipped when dist/cli.js has not been built; in CI (CI=true) it runs
 * and fails instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';
import { SCORE_STEPS } from '../../src/cli/scoreCommand.js';
import { discountStep } from '../../src/pipeline/discountStep.js';
import { dayFromIso } from '../../src/time/days.js';
import { cli, CLI, ROOT } from '../cli/runCli.js';
import { referenceValue, SHARED_DATA } from '../helpers/sharedData.js';
import { blockStartingWith, codeBlocks, docText, expectOutputExcerpt, expectQuoted } from './quoted.js';

// The data paths exactly as the guide writes them (the commands run in the project root).
const MASTER = relative(ROOT, resolve(SHARED_DATA, 'CDNOW_master.txt'));
const SAMPLE = relative(ROOT, resolve(SHARED_DATA, 'CDNOW_sample.txt'));
const EXAMPLE = 'examples/data/transactions.csv';
const MASTER_FLAGS = ['--amount', '4', '--date-format', 'yyyyMMdd'];
const SAMPLE_FLAGS = ['--customer', '2', '--date', '3', '--amount', '5', '--date-format', 'yyyyMMdd', '--no-header'];

const doc = docText('cli.md');
const textBlocks = codeBlocks(doc, 'text');
const fmt = (n: number): string => n.toLocaleString('en-US');

type Run = ReturnType<typeof cli>;

/** Runs the CLI and insists on exit code 0. */
function ok(args: readonly string[], input?: string): Run {
  const r = cli(args, input);
  expect(r.code, `loyalty-score ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

/** The table row of the guide for a flag: the line starting with "| `--flag". */
function docRow(flag: string): string {
  const row = doc.split('\n').find((l) => l.startsWith(`| \`--${flag} `) || l.startsWith(`| \`--${flag}\``));
  expect(row, `docs/cli.md should have a table row for --${flag}`).toBeDefined();
  return row!;
}

/** The help text of one flag: its line and the continuation lines up to the next flag or heading. */
function helpOf(help: string, flag: string): string {
  const lines = help.split('\n');
  const i = lines.findIndex((l) => new RegExp(`^\\s+(?:--[a-z-]+ [A-Z]+, )*--${flag}(?![a-z-])`).test(l));
  expect(i, `--help should describe --${flag}`).toBeGreaterThanOrEqual(0);
  const out = [lines[i]!];
  for (let j = i + 1; j < lines.length && /^ {4,}[^-\s]/.test(lines[j]!); j++) out.push(lines[j]!);
  return out.join(' ');
}

/** One row of a model comparison printed on stderr. */
interface ComparisonRow {
  rmse: number;
  mae: number;
  bucketMae: number;
  expected: number;
  actual: number;
  logLikelihood: number;
  best: boolean;
}

function parseComparison(stderr: string): Record<string, ComparisonRow> {
  const out: Record<string, ComparisonRow> = {};
  for (const line of stderr.split('\n')) {
    const m = /^\s+(BG\/NBD|Pareto\/NBD|MBG\/NBD)( \*)?\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(line);
    if (!m) continue;
    const [rmse, mae, bucketMae, expected, actual, logLikelihood] = m.slice(3, 9).map(Number) as [number, number, number, number, number, number];
    out[m[1]!] = { rmse, mae, bucketMae, expected, actual, logLikelihood, best: m[2] !== undefined };
  }
  expect(Object.keys(out).sort()).toEqual(['BG/NBD', 'MBG/NBD', 'Pareto/NBD']);
  return out;
}

describe.runIf(existsSync(CLI) || process.env.CI === 'true')('docs/cli.md', () => {
  it('runs against the built command line (npm test builds dist/cli.js first)', () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build`).toBe(true);
  });

  describe('flags, defaults and exit codes', () => {
    const help: Record<string, string> = {};
    beforeAll(() => {
      for (const c of ['score', 'fit', 'summarize', 'simulate']) help[c] = ok([c, '--help']).stdout;
      help.top = ok(['--help']).stdout;
    }, 60_000);

    it('every flag of every command is in the guide', () => {
      for (const c of ['score', 'fit', 'summarize', 'simulate']) {
        const flags = new Set(help[c]!.match(/--[a-z][a-z-]+/g));
        expect(flags.size, c).toBeGreaterThan(4);
        for (const f of flags) expect(doc, `${c} ${f}`).toMatch(new RegExp(`\`${f}[\` ]`));
      }
      // Parsed by the commands but not in --help.
      expect(doc).toMatch(/`--reveal-values`/);
      for (const c of ['score <file>', 'fit <file>', 'summarize <file>', 'simulate']) expect(help.top).toContain(c);
      for (const c of ['`score <file>`', '`fit <file>`', '`summarize <file>`', '`simulate`']) expect(doc).toContain(c);
    });

    it('the defaults in the guide are the defaults --help states', () => {
      // [command, flag, default as the guide's table writes it, as --help writes it]
      const cases: [string, string, string, string][] = [
        ['score', 'delimiter', '`auto`', '(default auto)'],
        ['score', 'date-format', '`iso`', '(default iso)'],
        ['score', 'returns', '`net`', '(default net)'],
        ['score', 'on-invalid', '`throw`', '(default throw)'],
        ['score', 'ids', '`auto`', '(default auto)'],
        ['score', 'as-of', 'the latest date in the file', '(default: latest date in the file)'],
        ['score', 'time-unit', '`week`', '(default week)'],
        ['score', 'periods', '`exact`', '(default exact)'],
        ['score', 'model', '`bgnbd`', '(default bgnbd)'],
        ['score', 'calibration-end', 'two thirds of the way from the first purchase', 'plus two thirds of the span'],
        ['score', 'l2-penalty', '`0`', '(default 0)'],
        ['score', 'max-iterations', '`500`', '(default 500)'],
        ['score', 'horizon', '`1y`', '(default 1y)'],
        ['score', 'discount-rate', '`0.1`', '(default 0.1)'],
        ['score', 'discount-per', '`year`', '(default year)'],
        ['score', 'margin', "each customer's profit / revenue when the file has a cost column, else 1", "each customer's profit / revenue when the file has a cost column, else 1"],
        ['score', 'rfm-method', '`quantile`', '(default quantile)'],
        ['score', 'tier-by', '`revenue`', '(default revenue)'],
        ['score', 'survey-scale', '`1-5`', '(default 1-5)'],
        ['score', 'format', '`csv`', '(default csv)'],
        ['score', 'sort', '`id`', '(default id)'],
        ['score', 'top', '`10`', '(default 10)'],
        ['fit', 'format', '`text`', '(default text)'],
        ['simulate', 'customers', '`3000`', '(default 3000)'],
        ['simulate', 'start', '`2024-01-01`', '(default 2024-01-01)'],
        ['simulate', 'end', '`2025-12-31`', '(default 2025-12-31)'],
        ['simulate', 'seed', '`2024`', '(default 2024)'],
      ];
      for (const [command, flag, inDoc, inHelp] of cases) {
        const cell = (command === 'score' ? docRow(flag) : docRowIn(command, flag)).split('|')[2]!.trim();
        if (inDoc.startsWith('`')) expect(cell, `guide: --${flag}`).toBe(inDoc);
        else expect(cell, `guide: --${flag}`).toContain(inDoc);
        expect(helpOf(help[command]!, flag).replace(/\s+/g, ' '), `${command} --help: --${flag}`).toContain(inHelp);
      }
      expect(help.fit).toContain('bgnbd | paretonbd | mbgnbd | best | all');
      expect(doc).toContain('where `--model` also accepts `all`');
      expect(helpOf(help.summarize!, 'time-unit')).toContain('(default day)');
      expect(doc).toContain('`--time-unit` (default **`day`**,');
      expect(helpOf(help.fit!, 'time-unit')).toContain('(default week)');
      expect(doc).toContain('`--time-unit` (default `week`)');
    });

    it('the defaults behave as documented: no flag gives the same output as the default written out', () => {
      const plain = ok(['score', EXAMPLE]);
      const explicit = ok([
        'score', EXAMPLE, '--delimiter', 'auto', '--date-format', 'iso', '--returns', 'net', '--on-invalid', 'throw', '--ids', 'auto',
        '--time-unit', 'week', '--periods', 'exact', '--model', 'bgnbd', '--l2-penalty', '0', '--max-iterations', '500',
        '--horizon', '1y', '--discount-rate', '0.1', '--discount-per', 'year', '--rfm-method', 'quantile', '--tier-by', 'revenue',
        '--survey-scale', '1-5', '--format', 'csv', '--sort', 'id',
      ]);
      expect(explicit.stdout).toBe(plain.stdout);
      expect(explicit.stderr).toBe(plain.stderr);
      // As of the latest date in the file: 2025-12-31 for the example data.
      expect(plain.stderr).toContain('as of 2025-12-31');
      expect(ok(['score', EXAMPLE, '--as-of', '2025-12-31']).stdout).toBe(plain.stdout);
      expect(ok(['score', EXAMPLE, '--summary']).stdout).toContain('Top 10 customers by lifetime value');
      const fit = ok(['fit', EXAMPLE]);
      expect(ok(['fit', EXAMPLE, '--model', 'bgnbd', '--time-unit', 'week', '--periods', 'exact', '--l2-penalty', '0', '--max-iterations', '500', '--format', 'text']).stdout).toBe(fit.stdout);
      expect(ok(['summarize', EXAMPLE]).stdout).toBe(ok(['summarize', EXAMPLE, '--time-unit', 'day', '--format', 'csv']).stdout);
      const sim = ok(['simulate']).stdout;
      expect(ok(['simulate', '--customers', '3000', '--start', '2024-01-01', '--end', '2025-12-31', '--seed', '2024', '--format', 'csv']).stdout).toBe(sim);
      expect(sim.split('\n')[0]).toBe('customer_id,date,amount,cost,quantity,promo,discount');
      expect(doc).toContain('`customer_id, date, amount, cost, quantity, promo, discount`');
      // --version prints the name only; no command prints the help and exits 2.
      expect(ok(['--version']).stdout).toBe(`loyalty-score ${JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version}\n`);
      const none = cli([]);
      expect(none.code).toBe(2);
      expect(none.stdout).toBe(help.top);
    });

    it('the exit codes are the ones --help lists', () => {
      const section = help.top!.slice(help.top!.indexOf('Exit codes:'));
      const codes = [...section.matchAll(/^ {2}(\d+) +\S/gm)].map((m) => Number(m[1]));
      expect(codes).toEqual([0, 1, 2, 3, 4, 70]);
      const documented = [...doc.matchAll(/^\| (\d+) \| /gm)].map((m) => Number(m[1]));
      expect(documented).toEqual(codes);
      // One run per code that the guide describes and test/cli does not already run this way.
      expect(cli(['score', MASTER]).code).toBe(1);
      expect(cli(['score', '-', '--tier-by', 'profit'], 'customer,date,amount\nA,2024-01-01,5\n').code).toBe(2);
      expect(cli(['score', EXAMPLE, '--survey', 'no-such-survey.csv']).code).toBe(3);
      expect(cli(['score', '-', '--as-of', '2023-01-01'], 'customer,date,amount\nA,2024-01-01,5\n').code).toBe(4);
    });

    it('the error message example, with and without --reveal-values', () => {
      const input = 'customer,date,amount\nA,2024-01-01,5\nA,2024-02-30,5\n';
      const r = cli(['score', '-'], input);
      expect(r.code).toBe(1);
      const line = 'loyalty-score score: <stdin>: line 3, column 2 (date): not a valid date (expected yyyy-MM-dd)';
      expect(r.stderr.trim()).toBe(line);
      expect(blockStartingWith(textBlocks, 'loyalty-score score: <stdin>')).toBe(line);
      expect(cli(['score', '-', '--reveal-values'], input).stderr.trim()).toBe(`${line} (got "2024-02-30")`);
      expect(doc).toContain('With `--reveal-values`, ` (got "2024-02-30")` is added.');
      // Twelve bad lines among good ones: counted when thrown, the first ten listed when collected.
      const many = `customer,date,amount\nA,2024-01-01,5\n${Array.from({ length: 12 }, (_, i) => `B${i},2024-02-30,5\n`).join('')}C,2024-01-05,7\n`;
      const thrown = cli(['summarize', '-'], many);
      expect(thrown.code).toBe(1);
      expect(thrown.stderr).toContain('line 3, column 2 (date): not a valid date (expected yyyy-MM-dd) (and 11 more issues)');
      expect(doc).toContain('(`(and 11 more issues)`)');
      const collected = cli(['summarize', '-', '--on-invalid', 'collect'], many);
      expect(collected.code).toBe(0);
      const lines = collected.stderr.split('\n');
      expect(lines[0]).toBe('12 invalid lines skipped:');
      expect(lines.filter((l) => l.startsWith('  line '))).toHaveLength(10);
      expect(lines).toContain('  … and 2 more lines');
      expect(doc).toContain('(`12 invalid lines skipped:`, ten issues, `… and 2 more lines`)');
      expect(collected.stdout.trim().split('\n')).toHaveLength(3);
    });

    it('money is written without binary noise; discounting steps lengthen past 60 units', () => {
      expect(70.1 + 7.32).toBe(77.41999999999999);
      const r = ok(['summarize', '-'], 'customer,date,amount\nA,2024-01-01,70.1\nA,2024-01-02,7.32\n');
      expect(r.stdout.split('\n')[1]!.split(',')[3]).toBe('77.42');
      expect(doc).toContain('(77.41999999999999 is written 77.42)');
      // A year is 52.3 weeks (steps of 1 week) but 366 days (steps of ceil(366 / 60) = 7 days).
      expect(doc).toContain('longer steps when the horizon spans more\nthan 60 units, for example a year in days');
      expect(discountStep(dayFromIso('2024-01-01'), { amount: 1, unit: 'year' }, 'week')).toBe(1);
      expect(discountStep(dayFromIso('2024-01-01'), { amount: 60, unit: 'day' }, 'day')).toBe(1);
      expect(discountStep(dayFromIso('2024-01-01'), { amount: 61, unit: 'day' }, 'day')).toBe(2);
      expect(discountStep(dayFromIso('2024-01-01'), { amount: 1, unit: 'year' }, 'day')).toBe(7);
    });

    it('the progress bar example is drawn as shown', () => {
      // score's steps with --model best: reading 40, summarizing 5, classifying 5, comparing 30,
      // fitting 10, scoring 10 (src/cli/scoreCommand.ts); 58% is 27% of the way through the comparison.
      let text = '';
      const stream = { isTTY: true, columns: 80, write: (t: string): boolean => ((text += t), true) };
      let now = 0;
      const p = new Progress(
        SCORE_STEPS,
        stream,
        () => now,
      );
      p.start('comparing models');
      now += 1000;
      p.update(0.27);
      const shown = blockStartingWith(textBlocks, '[#');
      expect(text.endsWith(`\r\x1b[2K${shown}`)).toBe(true);
    });
  });

  describe('worked example: score on the CDNOW cohort', () => {
    let run: Run;
    let rows: Record<string, unknown>[];
    let comparison: Record<string, ComparisonRow>;
    let report: Run;
    beforeAll(() => {
      run = ok(['score', MASTER, ...MASTER_FLAGS, '--model', 'best', '--format', 'json']);
      rows = JSON.parse(run.stdout) as Record<string, unknown>[];
      comparison = parseComparison(run.stderr);
      report = ok(['score', MASTER, ...MASTER_FLAGS, '--model', 'best', '--summary', '--top', '5']);
    }, 60_000);

    it('the first try fails on the unnamed amount column, as shown', () => {
      const r = cli(['score', MASTER]);
      expect(r.code).toBe(1);
      const block = blockStartingWith(textBlocks, `$ npx loyalty-score score ${MASTER}\n`);
      expect(block.split('\n')[1]).toBe(r.stderr.trim());
      expect(doc).toContain('`customer_id  date number_of_cds  dollar_value`');
      expect(doc).toContain(`npx loyalty-score score ${MASTER} --amount 4 --date-format yyyyMMdd \\\n  --model best > cdnow-scores.csv`);
    });

    it('the default split, the comparison on stderr and the choice', () => {
      const first = rows.reduce((m, r) => ((r.first_purchase as string) < m ? (r.first_purchase as string) : m), '9999');
      expect(first).toBe('1997-01-01');
      const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
      const span = day('1998-06-30') - day(first);
      expectQuoted(doc, '545', span);
      const calibration = Math.floor((2 * span) / 3);
      expectQuoted(doc, '363', calibration);
      expect(new Date((day(first) + calibration) * 86_400_000).toISOString().slice(0, 10)).toBe('1997-12-30');
      expect(doc).toContain('on 1997-12-30, which leaves a 26-week holdout');
      expect((day('1998-06-30') - day('1997-12-30')) / 7).toBe(26);
      expectOutputExcerpt(blockStartingWith(textBlocks, 'model selection: calibration to 1997-12-30'), run.stderr);

      const bg = comparison['BG/NBD']!;
      const mbg = comparison['MBG/NBD']!;
      expect(bg.best).toBe(true);
      expect(rows.every((r) => r.model === 'bgnbd')).toBe(true);
      expect(doc).toContain('BG/NBD predicts the customers\' holdout purchases best (RMSE 1.1172\nagainst 1.1175 for MBG/NBD)');
      expectQuoted(doc, '1.1172', bg.rmse);
      expectQuoted(doc, '1.1175', mbg.rmse);
      expect(mbg.logLikelihood).toBeGreaterThan(bg.logLikelihood);
      expect(mbg.mae).toBeLessThan(bg.mae);
      expect(mbg.bucketMae).toBeLessThan(bg.bucketMae);
    });

    it('a complete table; customer 00004 row by row', () => {
      expectQuoted(doc, '23,570', rows.length);
      const empty = rows.flatMap((r) => Object.entries(r).filter(([k, v]) => k !== 'cost' && k !== 'profit' && (v === null || v === '')).map(([k]) => `${String(r.customer_id)} ${k}`));
      expect(empty).toEqual([]);
      expect(rows.every((r) => r.cost === null && r.profit === null && r.margin === 1)).toBe(true);

      const c = rows.find((r) => r.customer_id === 4)!;
      const n = (k: string): number => c[k] as number;
      expect([c.first_purchase, c.last_purchase]).toEqual(['1997-01-01', '1997-12-12']);
      expect(doc).toContain('bought on 1997-01-01, 1997-01-18, 1997-08-02 and 1997-12-12, for $100.50 in all');
      expectQuoted(doc, '100.50', n('revenue'));
      const example = doc.slice(doc.indexOf('**One customer.**'));
      const row = (name: string): string => {
        const found = example.split('\n').find((l) => l.startsWith(`| ${name} |`));
        expect(found, `the row of customer 00004 for ${name}`).toBeDefined();
        return found!;
      };
      const cells = (name: string): string => row(name).split('|')[2]!.trim();
      const rfm = cells('`rfm_recency`, `rfm_frequency`, `rfm_monetary`');
      expect(rfm).toBe('28.57 weeks (200 days), 4, 100.50');
      expectQuoted(rfm, '28.57', n('rfm_recency'));
      expect(n('rfm_recency') * 7).toBeCloseTo(200, 6);
      expect(n('rfm_frequency')).toBe(4);
      expectQuoted(rfm, '100.50', n('rfm_monetary'));
      const btyd = cells('`btyd_frequency`, `btyd_recency`, `btyd_T`, `btyd_monetary_value`');
      expect(btyd).toBe('3, 49.29, 77.86, 23.72');
      expect(n('btyd_frequency')).toBe(3);
      expectQuoted(btyd, '49.29', n('btyd_recency'));
      expectQuoted(btyd, '77.86', n('btyd_T'));
      expectQuoted(btyd, '23.72', n('btyd_monetary_value'));
      expect(cells('`rfm_cell`, `rfm_segment`')).toBe(`\`${String(c.rfm_cell)}\`, ${String(c.rfm_segment)}`);
      expect(cells('`tier`, `tier_rank`')).toBe(`${String(c.tier)}, ${fmt(n('tier_rank'))}`);
      expect(cells('`pyramid_level`, `pyramid_rule`, `pyramid_reasons`')).toBe(
        `${n('pyramid_level')} (${String(c.pyramid_label).replace('-', ' ')}), ${String(c.pyramid_rule)}, \`${(c.pyramid_reasons as string[]).join(';')}\``,
      );
      expect(cells('`loyalty_type`, `loyalty_rule`, `pyramid_confidence`')).toBe(`${String(c.loyalty_type)}, ${String(c.loyalty_rule)}, ${n('pyramid_confidence')}`);
      const pAlive = cells('`p_alive`');
      expectQuoted(pAlive, pAlive, n('p_alive'));
      expect(cells('`expected_purchases`')).toBe('1.263 in the next year');
      expectQuoted(doc, '1.263', n('expected_purchases'));
      expect(cells('`expected_spend`')).toBe('25.75 per purchase');
      expectQuoted(doc, '25.75', n('expected_spend'));
      expect(cells('`clv`')).toBe('31.07 (margin 1: the file has no cost)');
      expectQuoted(doc, '31.07', n('clv'));
      // Undiscounted: E[spend] x E[purchases]; the discounting takes it to the clv.
      expectQuoted(doc, '32.53', n('expected_spend') * n('expected_purchases'));
      expect(n('clv')).toBeLessThan(n('expected_spend') * n('expected_purchases'));
      // The population mean spend: every customer without a repeat purchase gets it.
      const once = rows.filter((r) => r.btyd_frequency === 0);
      const spends = new Set(once.map((r) => r.expected_spend));
      expect(spends.size).toBe(1);
      expectQuoted(doc, '36.09', once[0]!.expected_spend as number);
    });

    it('the --summary report, and the readings of it', () => {
      expectOutputExcerpt(blockStartingWith(textBlocks, `${MASTER}: 23,570 customers`), report.stdout);
      expectOutputExcerpt(blockStartingWith(textBlocks, 'Top 5 customers by lifetime value'), report.stdout);
      const sum = (f: (r: Record<string, unknown>) => boolean, k: string): number => rows.filter(f).reduce((s, r) => s + (r[k] as number), 0);
      const all = (): boolean => true;
      const tierA = (r: Record<string, unknown>): boolean => r.tier === 'A';
      expectQuoted(doc, '15.9', (100 * sum(tierA, 'revenue')) / sum(all, 'revenue'));
      expectQuoted(doc, '21.3', (100 * sum(tierA, 'clv')) / sum(all, 'clv'));
      expect(doc).toContain('"Expected active customers 18,784 (79.7%)"');
      expectQuoted(doc, '18,784', sum(all, 'p_alive'));
      expectQuoted(doc, '79.7', (100 * sum(all, 'p_alive')) / rows.length);
      const once = rows.filter((r) => r.btyd_frequency === 0);
      expectQuoted(doc, '12,054', once.length);
      expect(once.every((r) => r.p_alive === 1)).toBe(true);
    });
  });

  describe('worked example: fit on the CDNOW sample', () => {
    interface FitJson {
      asOf: string;
      customers: number;
      models: { model: string; params: Record<string, number>; logLikelihood: number }[];
      spend: { params: Record<string, number>; customers: number };
      comparison?: { best: string; scores: { model: string; rmse: number; mae: number; bucketMae: number; expected: number; actual: number; logLikelihood: number }[] };
    }
    let text: Run;
    let calibration: FitJson;
    let best: Run;
    let bestJson: FitJson;
    beforeAll(() => {
      text = ok(['fit', SAMPLE, ...SAMPLE_FLAGS, '--as-of', '1997-09-30']);
      calibration = JSON.parse(ok(['fit', SAMPLE, ...SAMPLE_FLAGS, '--as-of', '1997-09-30', '--format', 'json']).stdout) as FitJson;
      best = ok(['fit', SAMPLE, ...SAMPLE_FLAGS, '--model', 'best', '--calibration-end', '1997-09-30', '--format', 'json']);
      bestJson = JSON.parse(best.stdout) as FitJson;
    }, 60_000);

    it('the commands as the guide writes them', () => {
      expect(doc).toContain(`npx loyalty-score fit ${SAMPLE} \\\n  --customer 2 --date 3 --amount 5 --date-format yyyyMMdd --no-header --as-of 1997-09-30\n`);
      expect(doc).toContain(`npx loyalty-score fit ${SAMPLE} \\\n  --customer 2 --date 3 --amount 5 --date-format yyyyMMdd --no-header \\\n  --model best --calibration-end 1997-09-30\n`);
    });

    it('the fit report, and the published values it reproduces', () => {
      expectOutputExcerpt(blockStartingWith(textBlocks, `${SAMPLE}: 2357 customers as of 1997-09-30`), text.stdout);
      const bg = calibration.models[0]!;
      expect(bg.model).toBe('bgnbd');
      const paper = referenceValue('bgnbd.cdnow.params_paper').expected as Record<string, number>;
      const quoted: [string, string][] = [['r', '0.243'], ['alpha', '4.414'], ['a', '0.793'], ['b', '2.426']];
      for (const [k, printed] of quoted) {
        expect(Number(printed), `published ${k}`).toBe(paper[k]);
        expectQuoted(doc, printed, bg.params[k]!);
        expect(doc).toContain(`${k} = ${printed}`);
      }
      expect(paper.log_likelihood).toBe(-9582.4);
      expectQuoted(doc, '-9582.4', bg.logLikelihood);
      const gg = referenceValue('gg.cdnow.params').expected as Record<string, number>;
      const spend: [string, string, string][] = [['p', 'p', '6.25'], ['q', 'q', '3.74'], ['gamma', 'gamma(v)', '15.44']];
      for (const [k, ref, printed] of spend) {
        expect(Number(printed), `published ${k}`).toBe(gg[ref]);
        expect(doc).toContain(`${k} = ${printed}`);
        expectQuoted(doc, printed, calibration.spend.params[k]!);
      }
      expectQuoted(doc, '946', calibration.spend.customers);
    });

    it('the holdout comparison: Pareto/NBD fits worst and predicts best', () => {
      expectOutputExcerpt(blockStartingWith(textBlocks, 'model selection: calibration to 1997-09-30'), best.stderr);
      const c = parseComparison(best.stderr);
      const s = Object.fromEntries(bestJson.comparison!.scores.map((x) => [x.model, x]));
      expect(bestJson.comparison!.best).toBe('paretonbd');
      expect(c['Pareto/NBD']!.best).toBe(true);
      for (const k of ['rmse', 'mae', 'bucketMae'] as const) {
        expect(s.paretonbd![k], k).toBeLessThan(Math.min(s.bgnbd![k], s.mbgnbd![k]));
      }
      expect(doc).toContain('(log-likelihood -9595.0 against\n-9582.4 and -9582.1)');
      expectQuoted(doc, '-9595.0', s.paretonbd!.logLikelihood);
      expectQuoted(doc, '-9582.1', s.mbgnbd!.logLikelihood);
      expect(s.paretonbd!.logLikelihood).toBeLessThan(Math.min(s.bgnbd!.logLikelihood, s.mbgnbd!.logLikelihood));
      expectQuoted(doc, '1,882', s.bgnbd!.actual);
      for (const m of ['bgnbd', 'paretonbd', 'mbgnbd']) expect(s[m]!.expected).toBeLessThan(s[m]!.actual);
      // Refitted on the whole file: all 78 weeks to 1998-06-30.
      expect(bestJson.asOf).toBe('1998-06-30');
      expect(bestJson.models.map((m) => m.model)).toEqual(['paretonbd']);
      expect(doc).toContain('(39.00 weeks)');
    });
  });
});

/** The table row for a flag within the section of a command other than `score` (fit, simulate). */
function docRowIn(command: string, flag: string): string {
  const start = doc.indexOf(command === 'fit' ? '## `fit <file>`' : '## `summarize <file>` and `simulate`');
  expect(start).toBeGreaterThanOrEqual(0);
  const row = doc.slice(start).split('\n').find((l) => l.startsWith(`| \`--${flag} `));
  expect(row, `docs/cli.md should document ${command} --${flag}`).toBeDefined();
  return row!;
}

