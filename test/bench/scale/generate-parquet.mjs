// Writes a large simulated transaction base as Parquet files through DuckDB, chunk by chunk,
// never holding more than one chunk of customers in JavaScript:
//   node test/bench/scale/generate-parquet.mjs [customers=10000000] [out=test/bench/.work/scale/tx_<customers>]
// Each chunk of 250,000 customers is the `loyalty-score simulate` process (simulateTransactions,
// seed 500 + chunk, 2020-01-01 to 2025-12-31: about 10 transactions a customer), written to a
// temporary CSV that DuckDB turns into `<out>/part-NNNN.parquet` (zstd) and deletes. Customer ids
// are `K<chunk>-C<n>`, unique across chunks. Needs `npm run build` (or LOYALTY_SCORE_LIB naming a
// build of src/index.ts) and @duckdb/node-api (a dev dependency).
import { mkdirSync, rmSync, statSync, readdirSync, createWriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const customers = Number(process.argv[2] ?? 10_000_000);
const out = resolve(process.argv[3] ?? resolve(ROOT, `test/bench/.work/scale/tx_${customers}`));
const CHUNK = 250_000;
const lib = await import(pathToFileURL(process.env.LOYALTY_SCORE_LIB ?? resolve(ROOT, 'dist/index.js')).href);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB' });
const db = await instance.connect();
const started = performance.now();
let rows = 0;
const chunks = Math.ceil(customers / CHUNK);
for (let k = 0; k < chunks; k++) {
  const n = Math.min(CHUNK, customers - k * CHUNK);
  const tx = lib.simulateTransactions({ customers: n, seed: 500 + k, start: '2020-01-01', end: '2025-12-31' });
  const csv = resolve(out, `chunk-${k}.csv`);
  const w = createWriteStream(csv);
  const prefix = `K${String(k).padStart(4, '0')}-`;
  let buf = 'customer_id,date,amount,cost\n';
  for (let i = 0; i < tx.length; i++) {
    const t = tx[i];
    buf += `${prefix}${t.customerId},${t.date},${t.amount},${t.cost}\n`;
    if (buf.length > 1 << 20) {
      if (!w.write(buf)) await once(w, 'drain');
      buf = '';
    }
  }
  w.end(buf);
  await once(w, 'finish');
  rows += tx.length;
  const part = resolve(out, `part-${String(k).padStart(4, '0')}.parquet`);
  await db.run(
    `COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE', 'cost': 'DOUBLE'})) TO '${part}' (FORMAT parquet, COMPRESSION zstd)`,
  );
  rmSync(csv);
  const s = (performance.now() - started) / 1000;
  process.stderr.write(`chunk ${k + 1}/${chunks}: ${rows} transactions so far, ${s.toFixed(0)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB\n`);
}
db.closeSync();
instance.closeSync();
const bytes = readdirSync(out).reduce((sum, f) => sum + statSync(resolve(out, f)).size, 0);
console.log(`${out}: ${rows} transactions of ${customers} customers in ${chunks} Parquet files, ${(bytes / 2 ** 20).toFixed(0)} MiB, ${((performance.now() - started) / 1000).toFixed(0)} s`);
