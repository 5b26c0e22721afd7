// `npm run bench:peers`: loyalty-score beside lifetimes on the same file, for developers (not CI).
//
// 1. Creates a Python virtual environment in test/bench/.work/peers-venv (once) and installs lifetimes and
//    pandas from PyPI into it. Checked with lifetimes 0.11.3 on pandas 3.1, numpy 2.4, scipy 1.17
//    (Python 3.11): no older pins were needed.
// 2. Simulates the transaction file once with the built command line (seed 500, 2020-01-01 to
//    2025-12-31, as the tx_500k benchmark file: about 10 rows a customer).
// 3. Runs `loyalty-score score FILE --time-unit day` and lifetimes_pipeline.py (summary, BG/NBD,
//    Gamma-Gamma, P(alive), expected purchases over 365 days, CLV) on it, each under
//    /usr/bin/time -v, writing their per-customer rows to test/bench/.work/, and prints wall time and peak
//    resident memory of both, and their ratio, in one table.
//
// Usage (after `npm run build`): npm run bench:peers -- [--customers N] [--runs R] [--python PY]
//   --customers  customers in the simulated file (default 500000)
//   --runs       runs of each side; the table shows the fastest run (default 1)
//   --python     the Python that creates the virtual environment (default python3)
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TMP = resolve(ROOT, 'test/bench/.work');
const CLI = resolve(ROOT, 'dist/cli.js');
const VENV = resolve(TMP, 'peers-venv');
const VENV_PYTHON = resolve(VENV, 'bin/python');
const SCRIPT = resolve(ROOT, 'test/bench/peers/lifetimes_pipeline.py');

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '500000' },
    runs: { type: 'string', default: '1' },
    python: { type: 'string', default: 'python3' },
  },
});
const customers = Number(values.customers);
const runs = Number(values.runs);
if (!Number.isInteger(customers) || customers < 1) throw new Error(`--customers: expected a whole number >= 1, got ${values.customers}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number >= 1, got ${values.runs}`);
if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing (Debian/Ubuntu: apt-get install time)');
mkdirSync(TMP, { recursive: true });

// 1. The Python side, once.
if (!existsSync(VENV_PYTHON)) {
  console.log(`creating ${VENV} and installing lifetimes and pandas from PyPI ...`);
  execFileSync(values.python, ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', 'lifetimes', 'pandas'], { stdio: 'inherit' });
}
const versions = execFileSync(
  VENV_PYTHON,
  ['-c', "import sys, importlib.metadata as m; print(f\"Python {sys.version.split()[0]}, \" + ', '.join(f'{p} {m.version(p)}' for p in ['lifetimes', 'pandas', 'numpy', 'scipy']))"],
  { encoding: 'utf8' },
).trim();

// 2. The file, once per size.
const file = resolve(TMP, `tx_${customers}.csv`);
if (!existsSync(file)) {
  console.log(`simulating ${customers} customers into ${file} ...`);
  const fd = openSync(file, 'w');
  try {
    execFileSync(process.execPath, [CLI, 'simulate', '--customers', String(customers), '--seed', '500', '--start', '2020-01-01', '--end', '2025-12-31'], {
      stdio: ['ignore', fd, 'inherit'],
    });
  } finally {
    closeSync(fd);
  }
}
const rows = Number(execFileSync('wc', ['-l', file], { encoding: 'utf8' }).trim().split(/\s+/)[0]) - 1;
const version = JSON.parse(execFileSync(process.execPath, ['-e', "process.stdout.write(JSON.stringify(require('./package.json').version))"], { cwd: ROOT, encoding: 'utf8' }));

/** Runs a command under /usr/bin/time -v with stdout to a file; returns wall seconds and peak RSS in MiB. */
function measure(label, command, args, out) {
  const fd = openSync(out, 'w');
  let r;
  try {
    r = spawnSync('/usr/bin/time', ['-v', command, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  } finally {
    closeSync(fd);
  }
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}):\n${r.stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (wall === null || rss === null) throw new Error(`${label}: no figures from /usr/bin/time -v:\n${r.stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const note = r.stderr.split('\n').find((line) => line.startsWith('lifetimes:'));
  return { seconds, mib: Number(rss[1]) / 1024, note, bytes: statSync(out).size };
}

function best(label, command, args, out) {
  const all = Array.from({ length: runs }, () => measure(label, command, args, out));
  return all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

console.log(`${file}: ${rows} transactions, ${customers} customers, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`);
console.log(`peers: ${versions}; loyalty-score ${version} on Node ${process.versions.node}`);
const ours = best('loyalty-score score', process.execPath, [CLI, 'score', file, '--time-unit', 'day'], resolve(TMP, `peers-score_${customers}.csv`));
const theirs = best('lifetimes', VENV_PYTHON, [SCRIPT, file, resolve(TMP, `peers-lifetimes_${customers}.csv`)], resolve(TMP, `peers-lifetimes_${customers}.log`));
if (theirs.note) console.log(theirs.note);

const pad = (s, n) => String(s).padEnd(n);
const table = [
  ['', 'wall (s)', 'peak RSS (MiB)'],
  ['loyalty-score score --time-unit day', ours.seconds.toFixed(2), ours.mib.toFixed(0)],
  ['lifetimes (summary, BG/NBD, Gamma-Gamma, P(alive), 365-day purchases, CLV)', theirs.seconds.toFixed(2), theirs.mib.toFixed(0)],
  ['ratio lifetimes / loyalty-score', (theirs.seconds / ours.seconds).toFixed(2), (theirs.mib / ours.mib).toFixed(2)],
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(`\n${runs === 1 ? 'one run each' : `fastest of ${runs} runs each`}; ratio > 1: loyalty-score is faster or smaller`);
for (const row of table) console.log(`| ${row.map((cell, i) => pad(cell, widths[i])).join(' | ')} |`);
