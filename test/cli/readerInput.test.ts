// What a user sees of the transaction reader's input errors, through the real command line:
// bytes that are not UTF-8 (issue 10), numbers that are not decimal numbers and files that cannot
// be read as transactions (issue 11).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, CLI } from './runCli.js';

const DIR = mkdtempSync(join(tmpdir(), 'loyalty-reader-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(DIR, name);
  writeFileSync(path, content);
  return path;
}

describe.runIf(existsSync(CLI))('the reader through the command line', () => {
  it('refuses bytes that are not UTF-8 in a column it does not even use, naming byte, line and column; --encoding reads them', () => {
    const head = new TextEncoder().encode('customer,date,amount,city\nA,2024-01-02,3,Par');
    const bytes = Uint8Array.from([...head, 0xe9, ...new TextEncoder().encode('s\nB,2024-01-03,4,Lyon\n')]);
    const path = file('latin1.csv', bytes);
    for (const command of ['summarize', 'score', 'fit']) {
      const r = cli([command, path]);
      expect([r.code, r.stderr.split('\n')[0]], command).toEqual([
        1,
        `loyalty-score ${command}: ${path}: line 2, column 4: byte ${head.length} (0-based) of the input is not valid UTF-8 (expected UTF-8 text; give the file's encoding with the encoding option, --encoding latin1, windows-1252 or utf-16le on the command line)`,
      ]);
      expect(r.stderr).not.toContain('\uFFFD');
    }
    const ok = cli(['summarize', path, '--encoding', 'latin1']);
    expect([ok.code, ok.stdout.split('\n').slice(1, 3).map((l) => l.split(',')[0])]).toEqual([0, ['A', 'B']]);
    const id = file('latin1-id.csv', Uint8Array.from([...new TextEncoder().encode('customer,date,amount\nJos'), 0xe9, ...new TextEncoder().encode(',2024-01-02,3\n')]));
    const r = cli(['summarize', id, '--on-invalid', 'collect']);
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining(`${id}: line 2, column 1 (customer): byte 24 (0-based) of the input is not valid UTF-8`) as unknown as string]);
    expect(r.stdout).toBe('');
  });

  it('reads only decimal numbers: 0x1A, 0b101, Infinity and a no-break space are errors naming line and column', () => {
    const cases: [string, string][] = [
      ['customer,date,amount\nA,2024-01-02,0x1A\n', 'line 2, column 3 (amount): not a number (expected a decimal number such as -1234.50 or 1,234.50); hexadecimal, binary and octal numbers are not read'],
      ['customer,date,amount,cost\nA,2024-01-02,5,0b101\n', 'line 2, column 4 (cost): not a number (expected a decimal number such as -1234.50 or 1,234.50, or empty); hexadecimal'],
      ['customer,date,amount\nA,2024-01-02,Infinity\n', 'line 2, column 3 (amount): not a number (expected a decimal number such as -1234.50 or 1,234.50); Infinity and NaN'],
      ['customer,date,amount\nA,2024-01-02,\u00a0\n', 'line 2, column 3 (amount): not a number (expected a decimal number such as -1234.50 or 1,234.50); blanks other than spaces and tabs (such as a no-break space)'],
      ['customer;date;amount\nA;2024-01-02;12.50\n', 'line 2, column 3 (amount): not a number (expected a decimal number such as -1234,50 or 1.234,50); it looks like a decimal point'],
    ];
    for (const [text, message] of cases) {
      const args = text.includes(';') ? ['summarize', '-', '--decimal', 'comma'] : ['summarize', '-'];
      const r = cli(args, text);
      expect([r.code, r.stderr], text).toEqual([1, expect.stringContaining(`loyalty-score summarize: <stdin>: ${message}`) as unknown as string]);
      expect(r.stdout).toBe('');
    }
    const ok = cli(['summarize', '-', '--decimal', 'comma'], 'customer;date;amount\nA;2024-01-02;1.234,50\nA;2024-01-03; 1e-1 \n');
    expect([ok.code, ok.stdout.split('\n')[1]?.split(',').slice(0, 1)]).toEqual([0, ['A']]);
  });

  it('names the file and says what is wrong: empty, header only, blank lines, binary (exit 1); missing, a directory (exit 3)', () => {
    const cases: [string, string | Uint8Array, number, string][] = [
      ['empty.csv', '', 1, 'the file is empty (0 bytes; expected a header line and lines of transactions)'],
      ['header.csv', 'customer,date,amount\n', 1, 'only a header line, no transactions (expected lines of transactions after the header)'],
      ['header-blank.csv', 'customer,date,amount\r\n\r\n   \n', 1, 'only a header line, no transactions (expected lines of transactions after the header)'],
      ['blank.csv', '\n\n', 1, 'no transactions: every line is blank'],
      ['orders.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), 1, 'line 1: byte 5 (0-based) is a NUL byte: this is binary data, not delimited text (expected text such as CSV'],
      ['orders.csv.gz', Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), 1, 'line 1: byte 3 (0-based) is a NUL byte: this is binary data'],
    ];
    for (const [name, content, code, message] of cases) {
      const path = file(name, content);
      for (const command of ['summarize', 'score', 'fit']) {
        const r = cli([command, path]);
        expect([r.code, r.stderr.split('\n')[0]], `${command} ${name}`).toEqual([code, expect.stringContaining(`loyalty-score ${command}: ${path}: ${message}`) as unknown as string]);
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+|ENOENT|EISDIR|options, asOf/);
      }
    }
    const stdin = cli(['summarize', '-'], '');
    expect([stdin.code, stdin.stderr]).toEqual([1, 'loyalty-score summarize: <stdin>: the file is empty (0 bytes; expected a header line and lines of transactions)\n']);
    const missing = join(DIR, 'no-such.csv');
    const dir = join(DIR, 'a-folder');
    mkdirSync(dir);
    for (const [path, what] of [
      [missing, 'no such file (check the path)'],
      [join(file('plain.txt', 'x'), 'orders.csv'), 'no such file (a folder on the path is a file)'],
      [dir, 'a directory, not a file (expected a transaction file such as orders.csv)'],
    ] as const) {
      for (const command of ['summarize', 'score', 'fit']) {
        const r = cli([command, path]);
        expect([r.code, r.stderr], `${command} ${path}`).toEqual([3, `loyalty-score ${command}: cannot read file: ${path}: ${what}\n`]);
      }
    }
  });

  it('names a file without read permission (exit 3)', () => {
    const path = file('secret.csv', 'customer,date,amount\nA,2024-01-02,3\n');
    chmodSync(path, 0o000);
    chmodSync(DIR, 0o755);
    // Root reads any file: run the command line as nobody then.
    const asRoot = process.getuid?.() === 0;
    const r = spawnSync(process.execPath, [CLI, 'summarize', path], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect([r.status, r.stderr]).toEqual([3, `loyalty-score summarize: cannot read file: ${path}: permission denied (the file cannot be opened for reading)\n`]);
  });

  it('says a quoted field is never closed, naming the line where its record starts', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['customer,date,amount,note', 'A,2024-01-01,3,ok', 'B,2024-01-02,4,"a note', 'that never ends', 'C,2024-01-03,5,x', ''].join(eol);
      const r = cli(['summarize', '-'], text);
      expect([r.code, r.stderr]).toEqual([1, 'loyalty-score summarize: <stdin>: line 3: a quoted field opened on this line is never closed (expected a closing " before the end of the input; lines 3 to 5 were read as one record)\n']);
      const collected = cli(['summarize', '-', '--on-invalid', 'collect'], text);
      expect([collected.code, collected.stdout.split('\n').slice(1, -1).map((l) => l.split(',')[0])]).toEqual([0, ['A']]);
      expect(collected.stderr).toContain('line 3: a quoted field opened on this line is never closed');
    }
  });
});
