// `loyalty-score score --engine duckdb` on a large Parquet base (written by generate-parquet.mjs),
// as a user runs it, under `/usr/bin/time -v`: wall time and peak resident memory of the process
// (DuckDB is embedded, so this one figure holds Node and DuckDB together), the step timings the
// CLI prints, the number of compressed rows, the size of the output file, and the load average
// before and after (2 shared cores):
//   node test/bench/scale/score-duckdb.mjs [dir=test/bench/.work/scale/tx_10000000] [memory=2GB] [extra CLI flags, e.g. --time-unit week --periods calendar]
// Without extra flags the unit is days. Uses dist/cli.js (npm run build) or the build named by LOYALTY_SCORE_CLI.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = process.env.LOYALTY_SCORE_CLI ?? resolve(ROOT, 'dist/cli.js');
const dir = resolve(process.argv[2] ?? resolve(ROOT, 'test/bench/.work/scale/tx_10000000'));
const memory = process.argv[3] ?? '2GB';
const extra = process.argv.slice(4);
const output = resolve(dir, '..', `${dir.split('/').at(-1)}-scores.parquet`);
const input = readdirSync(dir).filter((f) => f.endsWith('.parquet')).reduce((s, f) => s + statSync(resolve(dir, f)).size, 0);
const args = ['score', `${dir}/*.parquet`, '--engine', 'duckdb', '--memory-limit', memory, ...(extra.length > 0 ? extra : ['--time-unit', 'day']), '--output', output];
console.log(`loyalty-score ${args.join(' ')}  (input ${(input / 2 ** 20).toFixed(0)} MiB of Parquet)`);
const before = loadavg();
const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, ...args], { encoding: 'utf8' });
const after = loadavg();
if (r.status !== 0) throw new Error(`score failed (${r.status}): ${r.stderr}`);
const field = (name) => r.stderr.split('\n').find((l) => l.trim().startsWith(name))?.split(': ').at(-1)?.trim();
const [h, m, s] = field('Elapsed (wall clock) time').split(':').map(Number).reverse().concat([0, 0]).slice(0, 3).reverse();
const wall = s === undefined ? NaN : h * 3600 + m * 60 + s;
const kb = Number(field('Maximum resident set size (kbytes)'));
console.log(r.stderr.split('\n').filter((l) => !l.startsWith('\t')).join('\n').trim());
console.log(`wall ${wall.toFixed(1)} s; peak RSS ${(kb / 2 ** 10).toFixed(0)} MiB (Node + embedded DuckDB, --memory-limit ${memory}); user ${field('User time (seconds)')} s, system ${field('System time (seconds)')} s; output ${(statSync(output).size / 2 ** 20).toFixed(0)} MiB`);
console.log(`load average (1, 5, 15 min) before ${before.map((x) => x.toFixed(1)).join(', ')}; after ${after.map((x) => x.toFixed(1)).join(', ')}`);
