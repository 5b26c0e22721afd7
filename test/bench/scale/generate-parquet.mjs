// Writes a large simulated transaction base as Parquet files through DuckDB, chunk by chunk,
// never holding more than one chunk of customers in JavaScript, and never as row objects:
//   node test/bench/scale/generate-parquet.mjs [customers=10000000] [out=test/bench/.work/scale/tx_<customers>] [--start=2020-01-01] [--string-ids]
// The process is `simulateTransactions`' (the library's `loyalty-score simulate`): each customer
// acquired on a uniform day of the first third of --start (2020-01-01)..2025-12-31, weekly purchase rate
// λ ~ Gamma(0.75, 7.5) (raised by a Beta promotion propensity), dropout after each purchase with
// p ~ Beta(0.8, 4), spend Gamma(6, ν) with ν ~ Gamma(4, 22.5), a Beta margin for the cost; drawn
// with the library's seeded samplers (loyalty-score/math) into typed arrays, seed 500 + chunk.
// Each chunk of 500,000 customers (about 5M transactions) goes to DuckDB as a numbers-only CSV
// (customer, day number, amount, cost), which DuckDB reads in parallel and writes as
// `<out>/part-NNNN.parquet` (zstd; customer_id BIGINT, date DATE, amount and cost DOUBLE) before
// the CSV is deleted. With --string-ids the ids are text (`K0001-C0000042`), as many exports are.
// Needs a build of src/math.ts (npm run build, or LOYALTY_SCORE_MATH naming one) and
// @duckdb/node-api (a dev dependency).
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const stringIds = process.argv.includes('--string-ids');
const customers = Number(args[0] ?? 10_000_000);
const out = resolve(args[1] ?? resolve(ROOT, `test/bench/.work/scale/tx_${customers}`));
const CHUNK = 500_000;
const math = await import(pathToFileURL(process.env.LOYALTY_SCORE_MATH ?? resolve(ROOT, 'dist/math.js')).href);
const { createRng, sampleBeta, sampleExponential, sampleGamma } = math;

const startFlag = process.argv.find((a) => a.startsWith('--start='));
const START = Date.parse(startFlag === undefined ? '2020-01-01' : startFlag.slice(8)) / 86_400_000;
const END = Date.UTC(2025, 11, 31) / 86_400_000;
const ACQUISITION = Math.floor((END - START + 1) / 3);
const cents = (x) => Math.round(x * 100) / 100;

/** One chunk of customers as columns: the simulateTransactions process, default parameters. */
function simulateChunk(n, seed) {
  const rng = createRng(seed);
  let cap = n * 12;
  let customer = new Int32Array(cap);
  let day = new Int32Array(cap);
  let amount = new Float64Array(cap);
  let cost = new Float64Array(cap);
  let k = 0;
  const grow = () => {
    cap *= 2;
    const g = (a, T) => {
      const b = new T(cap);
      b.set(a);
      return b;
    };
    customer = g(customer, Int32Array);
    day = g(day, Int32Array);
    amount = g(amount, Float64Array);
    cost = g(cost, Float64Array);
  };
  for (let c = 0; c < n; c++) {
    const weeklyRate = sampleGamma(rng, 0.75, 7.5);
    const pDrop = sampleBeta(rng, 0.8, 4);
    const nu = sampleGamma(rng, 4, 22.5);
    const margin = sampleBeta(rng, 6, 14);
    const promoPropensity = sampleBeta(rng, 0.4, 1.6);
    const dailyRate = (weeklyRate * (1 + promoPropensity)) / 7;
    let t = START + Math.floor(rng() * ACQUISITION);
    for (;;) {
      const promo = rng() < promoPropensity;
      const list = sampleGamma(rng, 6, nu);
      const depth = promo ? 0.1 + 0.2 * rng() : 0;
      if (k === cap) grow();
      customer[k] = c;
      day[k] = t;
      amount[k] = cents(list * (1 - depth));
      cost[k] = cents(list * (1 - margin));
      k++;
      // The simulator also draws the quantity here: kept, so that the stream of draws is the same.
      sampleExponential(rng, 1 / Math.max(0.5, list / 40));
      if (rng() < pDrop) break;
      t += Math.max(1, Math.round(sampleExponential(rng, dailyRate)));
      if (t > END) break;
    }
  }
  return { length: k, customer, day, amount, cost };
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB' });
const db = await instance.connect();
const started = performance.now();
let rows = 0;
const chunks = Math.ceil(customers / CHUNK);
for (let k = 0; k < chunks; k++) {
  const n = Math.min(CHUNK, customers - k * CHUNK);
  const tx = simulateChunk(n, 500 + k);
  const csv = resolve(out, `chunk-${k}.csv`);
  const w = createWriteStream(csv);
  const base = k * CHUNK;
  let buf = '';
  for (let i = 0; i < tx.length; i++) {
    buf += `${base + tx.customer[i]},${tx.day[i]},${tx.amount[i]},${tx.cost[i]}\n`;
    if (buf.length > 1 << 20) {
      if (!w.write(buf)) await once(w, 'drain');
      buf = '';
    }
  }
  w.end(buf);
  await once(w, 'finish');
  rows += tx.length;
  const part = resolve(out, `part-${String(k).padStart(4, '0')}.parquet`);
  const id = stringIds ? `printf('K%04d-C%07d', CAST(c // ${CHUNK} AS INTEGER), CAST(c % ${CHUNK} AS INTEGER))` : 'c';
  await db.run(
    `COPY (SELECT ${id} AS customer_id, CAST(DATE '1970-01-01' + d AS DATE) AS "date", amount, cost
      FROM read_csv('${csv}', header = false, columns = {'c': 'BIGINT', 'd': 'INTEGER', 'amount': 'DOUBLE', 'cost': 'DOUBLE'}))
     TO '${part}' (FORMAT parquet, COMPRESSION zstd)`,
  );
  rmSync(csv);
  const s = (performance.now() - started) / 1000;
  process.stderr.write(`chunk ${k + 1}/${chunks}: ${rows} transactions so far, ${s.toFixed(0)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB\n`);
}
db.closeSync();
instance.closeSync();
const bytes = readdirSync(out).reduce((sum, f) => sum + statSync(resolve(out, f)).size, 0);
console.log(`${out}: ${rows} transactions of ${customers} customers in ${chunks} Parquet files, ${(bytes / 2 ** 20).toFixed(0)} MiB, ${((performance.now() - started) / 1000).toFixed(0)} s`);
