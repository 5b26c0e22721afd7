import * as os from 'node:os';
import * as path from 'node:path';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import * as math from '../../src/math.js';
import * as duckdb from '../../src/duckdb/index.js';
import { extractExamples, instrument } from './extractExamples.js';

// Every @example in src/ runs here: `EXPR; // => VALUE` checks deep equality,
// `EXPR; // ~> NUMBER (TOL)` checks |EXPR - NUMBER| <= TOL.
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const examples = extractExamples(SRC);
/** The package's subpath exports, as examples import them: 'loyalty-score/math' -> math. */
const SUBPATHS: Record<string, object> = { math, duckdb };
/** What examples may import besides the root: the subpaths, and the Node built-ins the Node-only subpaths' examples use (a temporary folder for an output file). */
const IMPORTABLE: Record<string, object> = { ...SUBPATHS, 'node:os': os, 'node:path': path };

function __eq(actual: unknown, expected: unknown, at: string): void {
  expect(actual, at).toEqual(expected);
}
function __close(actual: unknown, expected: number, tol: number, at: string): void {
  expect(typeof actual, at).toBe('number');
  expect(Math.abs((actual as number) - expected), `${at}: got ${String(actual)}, expected ${expected} ± ${tol}`).toBeLessThanOrEqual(tol);
}

describe('doc examples', () => {
  it('finds examples', () => {
    expect(examples.length).toBeGreaterThan(10);
  });
  for (const ex of examples) {
    it(`${ex.file}:${ex.line} (${ex.symbol})`, async () => {
      const js = ts.transpileModule(`return (async () => {\n${instrument(ex)}\n})();`, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      for (const name of ex.imports) expect(lib, `${ex.file}: '${name}' is not exported`).toHaveProperty(name);
      for (const [subpath, names] of Object.entries(ex.subpathImports ?? {})) {
        expect(IMPORTABLE, `${ex.file}: no subpath 'loyalty-score/${subpath}'`).toHaveProperty(subpath);
        for (const name of names) expect(IMPORTABLE[subpath], `${ex.file}: '${name}' is not exported by 'loyalty-score/${subpath}'`).toHaveProperty(name);
      }
      const run = new Function('lib', '__eq', '__close', '__subpaths', js) as (...a: unknown[]) => Promise<void>;
      await run(lib, __eq, __close, IMPORTABLE);
    });
  }
  it('every exported function and class has an @example that uses it', () => {
    const used = new Set(examples.flatMap((e) => e.imports));
    const missing = Object.entries(lib)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .filter((k) => !used.has(k));
    expect(missing).toEqual([]);
  });
  it('every function and class of a subpath export has an @example that imports it from there', () => {
    for (const [subpath, module] of Object.entries(SUBPATHS)) {
      const used = new Set(examples.flatMap((e) => e.subpathImports?.[subpath] ?? []));
      const missing = Object.entries(module)
        .filter(([, v]) => typeof v === 'function')
        .map(([k]) => `loyalty-score/${subpath}: ${k}`)
        .filter((k) => !used.has(k.slice(k.indexOf(': ') + 2)));
      expect(missing).toEqual([]);
    }
  });
});
