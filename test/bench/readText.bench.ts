import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { TransactionTextReader } from '../../src/index.js';
import { generateCsv } from './generateTable.mjs';

// Peer: pandas' C parser reads the 5.09M-row tx_500k file (seven columns) in 1.8 s on this
// machine (issue #9). The file is test/bench/.work/tx_500000.csv (4.61M rows, 190 MB) or
// tx_500k.csv when present (made by `loyalty-score simulate --customers 500000 --start 2020-01-01
// --end 2025-12-31`), else a generated 1M-row CSV. Each run checks the row count, so the work
// cannot be skipped. Run: npx vitest bench --run test/bench/readText.bench.ts
const WORK = resolve(dirname(fileURLToPath(import.meta.url)), '.work');
const FILE = ['tx_500000.csv', 'tx_500k.csv'].map((f) => resolve(WORK, f)).find((f) => existsSync(f));
const bytes: Uint8Array = FILE !== undefined ? readFileSync(FILE) : new TextEncoder().encode(generateCsv(1_000_000, 100_000));
const CHUNK = 1 << 20;

function read(input: Uint8Array): number {
  const reader = new TransactionTextReader();
  for (let i = 0; i < input.length; i += CHUNK) reader.push(input.subarray(i, Math.min(input.length, i + CHUNK)));
  return reader.finish().table.length;
}

const expected = read(bytes);

describe(`TransactionTextReader, ${expected} rows, ${(bytes.length / 1e6).toFixed(0)} MB of CSV`, () => {
  bench('bytes in 1 MB chunks', () => {
    if (read(bytes) !== expected) throw new Error('row count changed');
  }, { iterations: 3, warmupIterations: 1 });
});
