import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOW_MEMORY_BYTES, wantsLowMemory } from '../../src/cli/streamSummary.js';
import { SHARED_DATA } from '../helpers/sharedData.js';
import { cli, ROOT } from './runCli.js';

// `score --low-memory` summarises the file in two readings without holding its rows. Its output
// must be the very bytes of the in-memory `score`; stderr differs only by the low-memory note.

const MASTER = resolve(SHARED_DATA, 'CDNOW_master.txt');
const CDNOW = [MASTER, '--amount', '4', '--date-format', 'yyyyMMdd'];
const TX = 'examples/data/transactions.csv';
const SURVEY = 'examples/data/survey.csv';
const NOTE = /^low memory: the file was read twice, holding no rows \(\d+ transactions\)\n/m;
const dir = mkdtempSync(join(tmpdir(), 'loyalty-low-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function both(args: readonly string[]) {
  return { table: cli(['score', ...args]), low: cli(['score', ...args, '--low-memory']) };
}

describe('score --low-memory', () => {
  const cases: readonly (readonly string[])[] = [
    CDNOW,
    [...CDNOW, '--time-unit', 'day', '--format', 'ndjson', '--explain'],
    [...CDNOW, '--periods', 'calendar', '--time-unit', 'month', '--as-of', '1997-12-31', '--intervals', '0.8'],
    [TX, '--survey', SURVEY, '--explain', '--tier-by', 'profit'],
    [TX, '--model', 'paretonbd', '--format', 'json', '--sort', 'clv', '--time-unit', 'day', '--as-of', '2025-06-30'],
    [TX, '--model', 'mbgnbd', '--summary', '--rfm-method', 'rank', '--margin', '0.3'],
  ];
  for (const args of cases) {
    it(`writes the in-memory output byte for byte: ${args.slice(1).join(' ') || 'defaults'} on ${args[0]!.split('/').at(-1)}`, () => {
      const { table, low } = both(args);
      expect(table.code).toBe(0);
      expect(low.code).toBe(0);
      expect(low.stdout).toBe(table.stdout);
      expect(low.stderr).toMatch(NOTE);
      expect(low.stderr.replace(NOTE, '')).toBe(table.stderr);
    });
  }

  it('reads a file whose customers go back in time into memory, with a note, and gives the same output', () => {
    const file = join(dir, 'unsorted.csv');
    writeFileSync(file, 'customer_id,date,amount\na,2024-01-05,10\nb,2024-01-02,4\na,2024-01-03,6\nb,2024-02-01,8\na,2024-03-01,2\n');
    const { table, low } = both([file, '--time-unit', 'day']);
    expect(low.code).toBe(0);
    expect(low.stdout).toBe(table.stdout);
    expect(low.stderr).toContain('low memory: transaction 3 is dated before an earlier transaction of the same customer; the file is read into memory instead (sort it by date to stream it)');
    expect(low.stderr).not.toMatch(NOTE);
  });

  it('says why it reads stdin, --model best and --order-ids lenient into memory', () => {
    const stdin = cli(['score', '-', '--low-memory'], readFileSync(resolve(ROOT, TX), 'utf8'));
    expect(stdin.code).toBe(0);
    expect(stdin.stderr).toContain('low memory: stdin can be read only once; the file is read into memory instead');
    const best = cli(['score', TX, '--model', 'best', '--low-memory']);
    expect(best.code).toBe(0);
    expect(best.stderr).toContain('low memory: --model best splits the transactions into calibration and holdout; the file is read into memory instead');
    const lenient = cli(['score', TX, '--order-ids', 'lenient', '--low-memory']);
    expect(lenient.stderr).toContain('low memory: --order-ids lenient');
  });

  it('reports rejected lines, the as-of warning and reading errors as the in-memory path does', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'customer_id,date,amount\na,2024-01-05,10\nb,2024-01-06,x\na,2024-02-03,6\nc,2024-02-04,3\n');
    const collect = both([file, '--on-invalid', 'collect', '--as-of', '2026-01-01']);
    expect(collect.low.code).toBe(collect.table.code);
    expect(collect.low.stdout).toBe(collect.table.stdout);
    expect(collect.low.stderr.replace(NOTE, '')).toBe(collect.table.stderr);
    expect(collect.low.stderr).toMatch(/line 3/);
    expect(collect.low.stderr).toMatch(/warning: --as-of 2026-01-01/);
    const strict = both([file]);
    expect(strict.low.code).toBe(1);
    expect(strict.low.stderr).toBe(strict.table.stderr);
    const header = join(dir, 'header.csv');
    writeFileSync(header, 'customer_id,date,amount\n');
    const empty = both([header]);
    expect(empty.low.code).toBe(1);
    expect(empty.low.stderr).toBe(empty.table.stderr);
  });

  it('refuses --low-memory with --no-low-memory, and with an engine (which holds no rows anyway)', () => {
    const both = cli(['score', TX, '--low-memory', '--no-low-memory']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--low-memory and --no-low-memory exclude each other');
    const engine = cli(['score', TX, '--engine', 'duckdb', '--low-memory']);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain('--low-memory is not used with --engine duckdb');
    const table = cli(['score', TX, '--no-low-memory']);
    expect(table.code).toBe(0);
    expect(table.stderr).not.toMatch(NOTE);
  });

  it('is chosen for files of 1 GiB or more, and never for stdin', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, LOW_MEMORY_BYTES); // sparse: no disk used
    expect(await wantsLowMemory(big, false)).toBe(true);
    truncateSync(big, LOW_MEMORY_BYTES - 1);
    expect(await wantsLowMemory(big, false)).toBe(false);
    expect(await wantsLowMemory(big, true)).toBe(true);
    expect(await wantsLowMemory('-', false)).toBe(false);
  });
});
