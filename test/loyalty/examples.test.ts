import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/loyalty/index.js';
import { extractExamples, instrument } from '../docs/extractExamples.js';

// The @examples of src/loyalty, run against the loyalty module's own exports (the same
// instrumentation as test/docs/examples.test.ts, which runs them against the package index).
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/loyalty');
const examples = extractExamples(SRC);

describe('loyalty doc examples', () => {
  it('every exported function has an example that uses it', () => {
    const used = new Set(examples.flatMap((e) => e.imports));
    const fns = Object.entries(lib).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(fns.filter((k) => !used.has(k))).toEqual([]);
    expect(examples.length).toBeGreaterThanOrEqual(fns.length);
  });
  for (const ex of examples) {
    it(`${ex.file}:${ex.line} (${ex.symbol})`, async () => {
      const js = ts.transpileModule(`return (async () => {\n${instrument(ex)}\n})();`, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      for (const name of ex.imports) expect(lib, `${ex.file}: '${name}' is not exported`).toHaveProperty(name);
      const run = new Function('lib', '__eq', '__close', js) as (...a: unknown[]) => Promise<void>;
      await run(
        lib,
        (actual: unknown, expected: unknown, at: string) => expect(actual, at).toEqual(expected),
        (actual: number, expected: number, tol: number, at: string) => expect(Math.abs(actual - expected), at).toBeLessThanOrEqual(tol),
      );
    });
  }
});
