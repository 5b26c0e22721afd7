// Packaging checks on the packed tarball, as a user receives it:
// publint (package.json and files), are-the-types-wrong (types for import and require, for the
// root and the loyalty-score/math subpath), and a smoke install into a temporary app that
// imports the package and its subpath by name from ESM and CJS, runs
// the bin, checks the browser build, type checks and runs every program in examples/, and loads
// the browser example in headless Chromium (required when CI=true, skipped locally without it).
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { bundleProblems, dumpDom, findChromium, readExamplePage, startExampleServer } from '../browser/headless.mjs';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const work = mkdtempSync(join(tmpdir(), 'loyalty-score-pack-'));
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const runAsync = promisify(execFile);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const inCi = process.env.CI === 'true';

let failed = 0;
let passed = 0;
let skipped = 0;
async function check(name, fn) {
  const started = performance.now();
  try {
    const note = await fn();
    passed++;
    console.log(`  ✓ ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`);
  }
}
function skip(name, why) {
  skipped++;
  console.log(`  - ${name} (skipped: ${why})`);
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// What each example must print (its first line), so an example that prints nothing useful fails.
// Programs added to examples/ later run too, and must exit 0 with some output.
const EXAMPLE_OUTPUT = {
  'summaries.mjs': /^3000 customers from 15398 transactions, as of 2025-12-31/,
  'rfm.mjs': /^RFM scores for 3000 customers \(k = 5/,
  'tiers.mjs': /^ABCD tiers of 3000 customers by profit \(total [\d.]+\), Gini 0\.\d+$/,
  'loyalty.mjs': /^loyalty of 3000 customers as of 2025-12-31 \(912 answered the survey\)$/,
  'score-everything.mjs': /^3000 customers scored as of 2025-12-31 with (bgnbd|paretonbd|mbgnbd) \(best of 3 on the holdout to 2025-12-31\)$/,
  'lifetime-value.mjs': /^BG\/NBD fitted on 3000 customers: r = [\d.]+, alpha = [\d.]+, a = [\d.]+, b = [\d.]+ \(log-likelihood -[\d.]+, converged: true\)$/,
};

try {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', work]));
  const tarball = join(work, filename);
  console.log(`package checks on ${filename}`);

  // The linters only read the tarball: run them side by side.
  const lint = (args) => runAsync(args[0], args.slice(1), { cwd: root, encoding: 'utf8' });
  const table = ['--format', 'table', '--no-emoji', '--no-color'];
  await Promise.all([
    check('publint: no errors or warnings', async () => {
      const { stdout } = await lint([bin('publint'), 'run', tarball, '--strict']);
      if (/warning|error/i.test(stdout.replace(/No issues found/i, ''))) throw new Error(stdout);
    }),
    check('are-the-types-wrong: types resolve for import and require in every resolution mode', () =>
      lint([bin('attw'), tarball, ...table, '--exclude-entrypoints', './browser']).then(() => undefined),
    ),
    // The browser build is ESM only, for browsers and bundlers: node10 and require() do not apply.
    check('are-the-types-wrong: loyalty-score/browser has types for ESM and bundlers', () =>
      lint([bin('attw'), tarball, ...table, '--entrypoints', './browser', '--profile', 'esm-only']).then(() => undefined),
    ),
  ]);

  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], app);
  await check('ESM import by package name', () => {
    writeFileSync(join(app, 'esm.mjs'), `import { summarizeCustomers } from 'loyalty-score';\nconst r = summarizeCustomers([{ customerId: 1, date: '2024-01-01', amount: 5 }]);\nif (r.customers.length !== 1) process.exit(1);\n`);
    run('node', ['esm.mjs'], app);
  });
  await check('CJS require by package name', () => {
    writeFileSync(join(app, 'cjs.cjs'), `const { parseTransactions } = require('loyalty-score');\nif (parseTransactions([]).table.length !== 0) process.exit(1);\n`);
    run('node', ['cjs.cjs'], app);
  });
  await check('loyalty-score/math subpath from ESM and CJS, sharing the root classes', () => {
    // The plumbing lives only under the subpath; an error it throws is the root's InvalidInputError.
    const probe = (load) => `${load}\nif (typeof math.logGamma !== 'function' || 'logGamma' in root) process.exit(1);\ntry { math.minimize((x) => x[0] ** 2, [1], { maxIterations: 0 }); process.exit(2); } catch (e) { if (!(e instanceof root.InvalidInputError)) process.exit(3); }\n`;
    writeFileSync(join(app, 'math-esm.mjs'), probe(`import * as math from 'loyalty-score/math';\nimport * as root from 'loyalty-score';`));
    writeFileSync(join(app, 'math-cjs.cjs'), probe(`const math = require('loyalty-score/math');\nconst root = require('loyalty-score');`));
    run('node', ['math-esm.mjs'], app);
    run('node', ['math-cjs.cjs'], app);
  });
  await check('loyalty-score/duckdb without its optional peer @duckdb/node-api: a clear error saying how to install it (ESM and CJS)', () => {
    // The app installs loyalty-score alone: npm does not install optional peers.
    assert(!existsSync(join(app, 'node_modules/@duckdb/node-api')), '@duckdb/node-api should not be installed in the app');
    const probe = (load) => `${load}\nduckdb.summarizeWithDuckDb({ csv: 'x.csv' }).then(() => process.exit(1), (e) => { if (!(e instanceof duckdb.DuckDbDriverMissingError) || !e.message.includes('npm install @duckdb/node-api')) { console.log(e); process.exit(2); } });\n`;
    writeFileSync(join(app, 'duckdb-esm.mjs'), probe(`import * as duckdb from 'loyalty-score/duckdb';`));
    writeFileSync(join(app, 'duckdb-cjs.cjs'), probe(`const duckdb = require('loyalty-score/duckdb');`));
    run('node', ['duckdb-esm.mjs'], app);
    run('node', ['duckdb-cjs.cjs'], app);
  });
  await check('bin: npx loyalty-score --help', () => {
    const out = run('npx', ['--no-install', 'loyalty-score', '--help'], app);
    if (!out.includes('summarize')) throw new Error(out);
  });

  const bundle = join(app, 'node_modules/loyalty-score/dist/browser/loyalty-score.js');
  await check('browser build: one self-contained ES module with a source map, no Node built-ins or require()', () => {
    assert(existsSync(bundle) && existsSync(`${bundle}.map`), 'dist/browser/loyalty-score.js or its .map is missing from the tarball');
    const problems = bundleProblems(readFileSync(bundle, 'utf8'));
    assert(problems.length === 0, problems.join('\n'));
    return `${(readFileSync(bundle).length / 1024).toFixed(0)} KiB`;
  });
  await check('browser build: loyalty-score/browser exports exactly what loyalty-score exports', () => {
    writeFileSync(
      join(app, 'browser-exports.mjs'),
      `const main = Object.keys(await import('loyalty-score')).sort();\nconst browser = Object.keys(await import('loyalty-score/browser')).sort();\nif (JSON.stringify(main) !== JSON.stringify(browser)) { console.log({ main, browser }); process.exit(1); }\nconsole.log(main.length);\n`,
    );
    return `${run('node', ['browser-exports.mjs'], app).trim()} exports`;
  });

  // The examples, as a user would copy them next to an install of the package.
  cpSync(join(root, 'examples'), join(app, 'examples'), { recursive: true });
  const programs = readdirSync(join(app, 'examples')).filter((f) => f.endsWith('.mjs')).sort();
  await check('examples: type check against the installed package types (tsc --checkJs)', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          allowJs: true,
          checkJs: true,
          noEmit: true,
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
        },
        include: ['examples/**/*.mjs'],
      }),
    );
    run('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    return `${programs.length} programs + the browser example's scripts`;
  });
  await Promise.all(
    programs.map((program) =>
      check(`examples: node examples/${program}`, async () => {
        const { stdout } = await runAsync('node', [join('examples', program)], { cwd: app, encoding: 'utf8', maxBuffer: 1 << 26 });
        const first = stdout.split('\n')[0] ?? '';
        const expected = EXAMPLE_OUTPUT[program];
        assert(expected ? expected.test(first) : first.trim().length > 0, `unexpected first line of output: ${JSON.stringify(first)}\n${stdout}`);
        return first;
      }),
    ),
  );
  for (const program of Object.keys(EXAMPLE_OUTPUT)) {
    if (!programs.includes(program)) await check(`examples: ${program} exists`, () => assert(false, `examples/${program} is missing`));
  }

  const chromium = findChromium();
  if (chromium === null && !inCi) {
    skip('examples: browser page in headless Chromium', 'no /usr/bin/chromium; CI installs it');
  } else {
    await check('examples: browser page in headless Chromium, served by examples/browser/serve.mjs from the installed package', async () => {
      assert(chromium !== null, 'no Chromium at /usr/bin/chromium (or $CHROMIUM)');
      const server = await startExampleServer(join('examples', 'browser', 'serve.mjs'), app);
      try {
        const [sample, example] = await Promise.all([dumpDom(chromium, server.url), dumpDom(chromium, `${server.url}?data=example`)]).then((pages) => pages.map(readExamplePage));
        for (const page of [sample, example]) assert(page.state === 'done' && page.error === '', `the page did not finish: ${JSON.stringify(page)}`);
        assert(sample.rows.length === 10 && sample.rows[0]?.[0] === 'dan', `inline sample: ${JSON.stringify(sample.rows)}`);
        assert(example.status?.startsWith('3000 customers from 15398 transactions') && example.rows.length === 500, `example data: ${example.status}`);
        return example.status;
      } finally {
        await server.stop();
      }
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\npackage: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
