// Packaging checks on the packed tarball, as a user receives it:
// publint (package.json and files), are-the-types-wrong (types for import and require),
// and a smoke install that imports the package by name from ESM and CJS and runs the bin.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const work = mkdtempSync(join(tmpdir(), 'loyalty-score-pack-'));
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let failed = 0;
let passed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n${e.stdout ?? ''}${e.message}`);
  }
}

try {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', work]));
  const tarball = join(work, filename);
  console.log(`package checks on ${filename}`);

  check('publint: no errors or warnings', () => {
    const out = run(bin('publint'), ['run', tarball, '--strict']);
    if (/warning|error/i.test(out.replace(/No issues found/i, ''))) throw new Error(out);
  });
  check('are-the-types-wrong: types resolve for import and require in every resolution mode', () => {
    run(bin('attw'), [tarball, '--format', 'table', '--no-emoji', '--no-color']);
  });

  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], app);
  check('ESM import by package name', () => {
    writeFileSync(join(app, 'esm.mjs'), `import { summarizeCustomers } from 'loyalty-score';\nconst r = summarizeCustomers([{ customerId: 1, date: '2024-01-01', amount: 5 }]);\nif (r.customers.length !== 1) process.exit(1);\n`);
    run('node', ['esm.mjs'], app);
  });
  check('CJS require by package name', () => {
    writeFileSync(join(app, 'cjs.cjs'), `const { parseTransactions } = require('loyalty-score');\nif (parseTransactions([]).table.length !== 0) process.exit(1);\n`);
    run('node', ['cjs.cjs'], app);
  });
  check('bin: npx loyalty-score --help', () => {
    const out = run('npx', ['--no-install', 'loyalty-score', '--help'], app);
    if (!out.includes('summarize')) throw new Error(out);
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\npackage: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
