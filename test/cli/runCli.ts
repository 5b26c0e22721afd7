import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root and the built command line (npm test builds before running vitest). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The command line under test: `dist/cli.js`, or a private build named by LOYALTY_SCORE_CLI (parallel development). */
export const CLI = process.env.LOYALTY_SCORE_CLI ?? resolve(ROOT, 'dist/cli.js');

/** Runs the built CLI with arguments and optional stdin. */
export function cli(args: readonly string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses RFC 4180 CSV (quoted fields with commas, doubled quotes) into records by header. */
export function parseCsvRecords<K extends string = string>(text: string): { header: string[]; rows: Record<K, string>[] } {
  const table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      table.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    table.push(row);
  }
  const [header = [], ...body] = table;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])) as Record<K, string>) };
}
