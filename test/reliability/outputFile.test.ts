import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, ROOT } from '../cli/runCli.js';

// Class "output integrity" (issue 11): `--output FILE` writes to a temporary file in the same
// folder and renames it only when the run succeeds, so a failed or killed run never leaves a
// plausible partial FILE (nor the temporary file); on stdout the final stderr line
// `wrote N customers` comes after the last row, so a finished run can be told from a killed one.

const DATA = 'examples/data/transactions.csv';
const dir = mkdtempSync(join(tmpdir(), 'loyalty-output-'));
const BIG = join(dir, 'big.csv');

/** Files in `dir` whose name starts with `name` or `.name` (the file and its temporary file). */
const traces = (folder: string, name: string): string[] => readdirSync(folder).filter((f) => f === name || f.startsWith(`.${name}.`));

beforeAll(() => {
  // a base large enough that writing its summaries takes a while (to be killed while writing)
  const r = cli(['simulate', '--customers', '60000', '--seed', '7']);
  expect(r.code).toBe(0);
  writeFileSync(BIG, r.stdout);
});

describe('--output FILE', () => {
  it.each([
    ['summarize', [DATA], 3000],
    ['score', [DATA], 3000],
  ] as const)('%s: the file holds exactly what stdout would, and the last stderr line says so', (command, args, customers) => {
    const file = join(dir, `${command}.csv`);
    const r = cli([command, ...args, '--output', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(cli([command, ...args]).stdout);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`wrote ${customers} customers to ${file}`);
    expect(traces(dir, `${command}.csv`)).toEqual([`${command}.csv`]);
  });

  it('report --output FILE is written whole the same way', () => {
    const file = join(dir, 'report.html');
    const r = cli(['report', DATA, '--output', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/<\/html>\s*$/);
    expect(traces(dir, 'report.html')).toEqual(['report.html']);
  });

  it('a run that fails while writing (the file-size limit) leaves no FILE and no temporary file, exit 3', () => {
    const sub = mkdtempSync(join(dir, 'fail-'));
    const file = join(sub, 'scores.csv');
    // 100 blocks of 512 bytes: the 1 MB of scores cannot be written (EFBIG), in the middle of the rows
    const r = spawnSync('sh', ['-c', `ulimit -f 100 && exec "${process.execPath}" "${CLI}" score ${DATA} --output "${file}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain(`cannot write ${file}: EFBIG`);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('a failed run keeps an earlier FILE as it was', () => {
    const sub = mkdtempSync(join(dir, 'keep-'));
    const file = join(sub, 'scores.csv');
    writeFileSync(file, 'the earlier run\n');
    const r = spawnSync('sh', ['-c', `ulimit -f 100 && exec "${process.execPath}" "${CLI}" score ${DATA} --output "${file}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe('the earlier run\n');
    expect(readdirSync(sub)).toEqual(['scores.csv']);
  });

  it('a folder that does not exist: one message, exit 3', () => {
    const r = cli(['summarize', DATA, '--output', join(dir, 'no-such-folder', 'x.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write .*x\.csv: ENOENT/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a run killed with SIGTERM while writing leaves no FILE and no temporary file', async () => {
    const sub = mkdtempSync(join(dir, 'kill-'));
    const file = join(sub, 'summaries.json');
    const child = spawn(process.execPath, [CLI, 'summarize', BIG, '--format', 'json', '--output', file], { cwd: ROOT, stdio: 'ignore' });
    let sawTemporary = false;
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const poll = setInterval(() => {
      if (!sawTemporary && readdirSync(sub).some((f) => f.startsWith('.summaries.json.'))) {
        sawTemporary = true;
        child.kill('SIGTERM');
      }
    }, 1);
    const signal = await ended;
    clearInterval(poll);
    expect(sawTemporary, 'the temporary file appeared while the rows were written').toBe(true);
    expect(signal).toBe('SIGTERM');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
  }, 120_000);
});

describe('stdout: the last stderr line comes after the last row', () => {
  it('summarize and score end with "wrote N customers" once the rows are out', () => {
    for (const command of ['summarize', 'score']) {
      const r = cli([command, DATA]);
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`wrote ${lines.length - 1} customers`);
    }
  });

  it('a run killed before the end prints no "wrote" line', async () => {
    const child = spawn(process.execPath, [CLI, 'summarize', BIG], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let rows = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      rows += d.toString().split('\n').length - 1;
      if (rows > 100) child.kill('SIGTERM');
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, s) => resolve(s)));
    expect(signal).toBe('SIGTERM');
    expect(stderr).not.toMatch(/^wrote /m);
  }, 120_000);
});
