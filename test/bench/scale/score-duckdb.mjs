// `loyalty-score score --engine duckdb` on a large Parquet base (written by generate-parquet.mjs),
// as a user runs it: wall time and peak resident memory of the process by /usr/bin/time (DuckDB is
// embedded, so this one figure holds Node and DuckDB together), the step timings the CLI prints,
// the number of compressed rows, and the size of the output file:
//   node test/bench/scale/score-duckdb.mjs [dir=test/bench/.work/scale/tx_10000000] [memory=2GB]
// Uses dist/cli.js (npm run build) or the build named by LOYALTY_SCORE_CLI.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = process.env.LOYALTY_SCORE_CLI ?? resolve(ROOT, 'dist/cli.js');
const dir = resolve(process.argv[2] ?? resolve(ROOT, 'test/bench/.work/scale/tx_10000000'));
const memory = process.argv[3] ?? '2GB';
const output = resolve(dir, '..', `${dir.split('/').at(-1)}-scores.parquet`);
const input = readdirSync(dir).filter((f) => f.endsWith('.parquet')).reduce((s, f) => s + statSync(resolve(dir, f)).size, 0);
const args = ['score', `${dir}/*.parquet`, '--engine', 'duckdb', '--memory-limit', memory, '--time-unit', 'day', '--output', output];
console.log(`loyalty-score ${args.join(' ')}  (input ${(input / 2 ** 20).toFixed(0)} MiB of Parquet)`);
const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, ...args], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(`score failed (${r.status}): ${r.stderr}`);
const lines = r.stderr.trim().split('\n');
const [wall, kb] = lines.at(-1).split(' ').map(Number);
console.log(lines.slice(0, -1).join('\n'));
console.log(`wall ${wall.toFixed(1)} s; peak RSS ${(kb / 2 ** 10).toFixed(0)} MiB (Node + embedded DuckDB, --memory-limit ${memory}); output ${(statSync(output).size / 2 ** 20).toFixed(0)} MiB`);
