// `loyalty-score score` WITHOUT an engine at 5M, 20M and 50M transactions: wall time and peak
// resident memory of the whole process by /usr/bin/time, one run at a time, with the load average
// (2 shared cores: read the figures against it). Two series tell whether memory follows the
// customers or the rows:
//   A: the simulator's process (generate-parquet.mjs, about 9.2 transactions per customer):
//      545k, 2.18M and 5.45M customers for about 5M, 20M and 50M rows;
//   B: the 545k customers of A's 5M-row file with each transaction repeated 4 times a week apart
//      (copies past 2025-12-31 dropped): about 4x the rows, the same customers.
// Every file is in date order (then customer id), as shop exports usually are.
// `run --low-memory` scores with `--low-memory` (the two-reading summary that holds no rows);
// plain `run` with `--no-low-memory` (the whole table in memory, whatever the file's size).
// Usage (after npm run build, or LOYALTY_SCORE_CLI / LOYALTY_SCORE_MATH naming builds):
//   node test/bench/scale/score-in-process.mjs prepare     # writes test/bench/.work/scale-inproc/*.csv
//   node test/bench/scale/score-in-process.mjs run [a5m a20m a50m b20m]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = process.env.LOYALTY_SCORE_CLI ?? resolve(ROOT, 'dist/cli.js');
const DIR = resolve(ROOT, 'test/bench/.work/scale-inproc');
const SERIES = { a5m: 545_000, a20m: 2_180_000, a50m: 5_450_000 };
const [mode = 'run', ...rest] = process.argv.slice(2);
const lowMemory = rest.includes('--low-memory');
const names = rest.filter((a) => a !== '--low-memory');

async function prepare() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  mkdirSync(DIR, { recursive: true });
  const db = await (await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '2GB' })).connect();
  for (const [name, customers] of Object.entries(SERIES)) {
    const parquet = resolve(DIR, `${name}-parquet`);
    if (existsSync(resolve(DIR, `${name}.csv`)) && (name !== 'a5m' || existsSync(parquet))) continue;
    execFileSync(process.execPath, [resolve(ROOT, 'test/bench/scale/generate-parquet.mjs'), String(customers), parquet], { stdio: 'inherit' });
    await db.run(`COPY (SELECT customer_id, strftime("date", '%Y-%m-%d') AS "date", amount, cost FROM read_parquet('${parquet}/*.parquet') ORDER BY "date", customer_id) TO '${DIR}/${name}.csv' (HEADER)`);
    if (name !== 'a5m') rmSync(parquet, { recursive: true, force: true });
  }
  await db.run(`COPY (SELECT customer_id, strftime(CAST("date" + CAST(7 * k AS INTEGER) AS DATE), '%Y-%m-%d') AS "date", amount, cost
    FROM read_parquet('${DIR}/a5m-parquet/*.parquet') CROSS JOIN range(4) AS r(k) WHERE "date" + CAST(7 * k AS INTEGER) <= DATE '2025-12-31' ORDER BY 2, 1) TO '${DIR}/b20m.csv' (HEADER)`);
  rmSync(resolve(DIR, 'a5m-parquet'), { recursive: true, force: true });
}

function run(list) {
  for (const name of list) {
    const file = resolve(DIR, `${name}.csv`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run prepare first`);
    const rows = Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]) - 1;
    const before = loadavg()[0];
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, 'score', file, '--time-unit', 'day', '--model', 'bgnbd', lowMemory ? '--low-memory' : '--no-low-memory'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`score ${name} failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const [wall, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    const customersLine = /(\d+) customers/.exec(r.stderr);
    console.log(`${name}${lowMemory ? ' --low-memory' : ''}: ${rows} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB CSV)${customersLine ? `, ${customersLine[1]} customers` : ''}: wall ${wall.toFixed(1)} s, peak RSS ${(kb / 1024).toFixed(0)} MiB; load average ${before.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`);
  }
}

if (mode === 'prepare') await prepare();
else run(names.length > 0 ? names : ['a5m', 'b20m', 'a20m', 'a50m']);
