// `loyalty-score score` end to end on a 500k-customer file, as a user runs it: wall time and
// peak resident memory of the whole process (Node start-up, reading, scoring, writing), by
// /usr/bin/time. Then the pipeline's own memory: the resident set scoreCustomers adds above the
// input table, per customer, on the same simulated buy-till-you-die file (the simulator's process,
// so the BG/NBD fit is a realistic one and not a walk to a boundary). Run after `npm run build`:
//   node test/bench/score-end-to-end.mjs [customers=500000] [runs=3]
// LOYALTY_SCORE_DIST=<dir with cli.js and index.js> measures another build (a private devbuild).
// The file is simulated once into test/bench/.work/ (seed 500, 2020-01-01 to 2025-12-31: about 5M rows).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = resolve(process.env.LOYALTY_SCORE_DIST ?? resolve(ROOT, 'dist'));
const CLI = resolve(DIST, 'cli.js');
const customers = Number(process.argv[2] ?? 500_000);
const runs = Number(process.argv[3] ?? 3);
const file = resolve(ROOT, `test/bench/.work/tx_${customers}.csv`);

if (!existsSync(file)) {
  mkdirSync(dirname(file), { recursive: true });
  execFileSync('sh', ['-c', `node "${CLI}" simulate --customers ${customers} --seed 500 --start 2020-01-01 --end 2025-12-31 > "${file}"`], { stdio: 'inherit' });
}
const lines = Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]) - 1;
console.log(`${file}: ${lines} transactions, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, ${customers} customers`);

const walls = [];
const peaks = [];
for (let i = 0; i < runs; i++) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, 'score', file, '--time-unit', 'day', '--model', 'bgnbd'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`score failed: ${r.stderr}`);
  const [wall, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  walls.push(wall);
  peaks.push(kb / 1024);
  const rows = r.stdout.split('\n').length - 2;
  if (rows !== customers && rows < customers * 0.99) throw new Error(`expected about ${customers} rows, got ${rows}`);
}
const fmt = (xs, d) => `min ${Math.min(...xs).toFixed(d)}, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(d)}`;
console.log(`score --time-unit day: wall ${fmt(walls, 2)} s; peak RSS ${fmt(peaks, 0)} MiB (${runs} runs)`);

// Memory above the input table, in a fresh process: the same simulated file (a buy-till-you-die
// base, so the BG/NBD fit is a realistic one) read by the library's reader into a table, without
// row objects; the resident set is sampled at every progress step of scoreCustomers.
const probe = `
  import { openSync, readSync } from 'node:fs';
  import { scoreCustomers, TransactionTextReader } from '${resolve(DIST, 'index.js')}';
  const reader = new TransactionTextReader({});
  const fd = openSync(${JSON.stringify(file)}, 'r');
  const buf = new Uint8Array(1 << 22);
  for (let got; (got = readSync(fd, buf, 0, buf.length, null)) > 0; ) reader.push(buf.subarray(0, got));
  const { table } = reader.finish();
  globalThis.gc();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
  const t0 = performance.now();
  const s = scoreCustomers(table, { timeUnit: 'week', onProgress: sample });
  const ms = performance.now() - t0;
  sample();
  console.log('scoreCustomers on ' + table.length + ' transactions of ' + s.length + ' customers, weekly: ' + ms.toFixed(0) + ' ms (BG/NBD ' + s.model.evaluations + ' evaluations, Gamma-Gamma ' + s.spendModel.evaluations + '; warnings: ' + (s.warnings.map((w) => w.code).join(', ') || 'none') + '); resident set above the input table ' + ((peak - before) / 2 ** 20).toFixed(0) + ' MiB = ' + ((peak - before) / s.length).toFixed(0) + ' B per customer (sampled at each stage)');
`;
const p = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', probe], { encoding: 'utf8' });
process.stdout.write(p.stdout + p.stderr);
