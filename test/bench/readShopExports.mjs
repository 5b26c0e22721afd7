// The 1M-row CSV read end to end by TransactionTextReader (bytes in 1 MB chunks to a table), in
// three layouts: plain (customer_id,date,amount,cost, as readText.bench.ts), quantity x price
// (--price/--quantity), and semicolons with decimal commas (--decimal comma). Builds given on the
// command line are run interleaved in one process, so a loaded machine slows them alike:
//   node test/bench/readShopExports.mjs [runs=5] <index.js of a build> [<index.js of another build> ...]
// e.g. a private build (bash test/bench/.work/devbuild.sh NAME) against one made from an older commit.
// With `cli` first, the same files go through `loyalty-score summarize` end to end (Node start-up,
// reading, summarising, writing the CSV to /dev/null), each command line a separate process:
//   node test/bench/readShopExports.mjs cli [runs=3] <cli.js> [<cli.js> ...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCsv } from './generateTable.mjs';

const cliMode = process.argv[2] === 'cli';
const args = cliMode ? process.argv.slice(3) : process.argv.slice(2);
const runs = Number(args[0] ?? 5);
const builds = args.slice(1);
if (builds.length === 0) throw new Error('name at least one build (its index.js, or cli.js with cli)');
const readers = cliMode ? [] : await Promise.all(builds.map(async (b) => (await import(pathToFileURL(resolve(b)).href)).TransactionTextReader));

const plain = generateCsv(1_000_000, 100_000);
const lines = plain.split('\n');
// quantity x price: the amount split into a whole quantity 1..4 and a unit price (cents kept exact).
const priced = ['customer_id,date,quantity,price,cost', ...lines.slice(1, -1).map((l, i) => {
  const [c, d, a, cost] = l.split(',');
  const q = (i % 4) + 1;
  return `${c},${d},${q},${(Math.round((Number(a) * 100) / q) / 100).toFixed(2)},${cost}`;
})].join('\n') + '\n';
const comma = plain.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2');
const CASES = [
  ['plain', new TextEncoder().encode(plain), {}],
  ['quantity x price', new TextEncoder().encode(priced), {}],
  ['decimal comma', new TextEncoder().encode(comma), { decimal: 'comma' }],
];
const CHUNK = 1 << 20;

if (cliMode) {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '.work');
  mkdirSync(dir, { recursive: true });
  const flags = { plain: [], 'quantity x price': ['--price', 'price', '--quantity', 'quantity'], 'decimal comma': ['--decimal', 'comma'] };
  for (const [name, bytes] of CASES) {
    const file = resolve(dir, `shop-${name.replace(/\W+/g, '-')}.csv`);
    writeFileSync(file, bytes);
    const times = builds.map(() => []);
    for (let r = 0; r < runs; r++) {
      builds.forEach((cli, k) => {
        const t0 = performance.now();
        const p = spawnSync(process.execPath, [cli, 'summarize', file, ...flags[name]], { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'] });
        if (p.status === 0) times[k].push(performance.now() - t0);
        else if (r === 0) console.log(`  ${cli}: ${name}: ${String(p.stderr).split('\n')[0].slice(0, 100)}`);
      });
    }
    console.log(`summarize, ${name} (${(bytes.length / 1e6).toFixed(0)} MB):`);
    builds.forEach((b, k) => {
      const t = times[k];
      if (t.length > 0) console.log(`  ${b}: mean ${(t.reduce((a, x) => a + x, 0) / t.length / 1000).toFixed(3)} s, min ${(Math.min(...t) / 1000).toFixed(3)} s (${t.length} runs)`);
    });
  }
  process.exit(0);
}

function read(Reader, bytes, options) {
  const reader = new Reader(options);
  for (let i = 0; i < bytes.length; i += CHUNK) reader.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
  return reader.finish().table.length;
}

for (const [name, bytes, options] of CASES) {
  const times = builds.map(() => []);
  for (let r = 0; r < runs + 1; r++) {
    readers.forEach((Reader, k) => {
      if (name !== 'plain' && options.decimal === undefined && name !== 'quantity x price') return;
      const t0 = performance.now();
      let rows;
      try {
        rows = read(Reader, bytes, options);
      } catch (e) {
        if (r === 0) console.log(`  ${builds[k]}: ${name}: ${e.message.slice(0, 80)}`);
        return;
      }
      if (rows !== 1_000_000) throw new Error(`${builds[k]} ${name}: ${rows} rows`);
      if (r > 0) times[k].push(performance.now() - t0);
    });
  }
  console.log(`${name} (${(bytes.length / 1e6).toFixed(0)} MB):`);
  builds.forEach((b, k) => {
    const t = times[k];
    if (t.length === 0) return;
    console.log(`  ${b}: mean ${(t.reduce((a, x) => a + x, 0) / t.length / 1000).toFixed(3)} s, min ${(Math.min(...t) / 1000).toFixed(3)} s (${t.length} runs)`);
  });
}
