// docs/input.md: its TypeScript example runs and every `// =>` result holds (as the README's
// quick start is checked), and every flag it shows is one the command line reads.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { READ_FLAGS, READ_BOOLEANS } from '../../src/cli/readTransactionFile.js';
import { instrument } from '../docs/extractExamples.js';

const doc = readFileSync(resolve(__dirname, '../../docs/input.md'), 'utf8');

describe('docs/input.md', () => {
  it('runs its example and its results hold', async () => {
    const code = /```ts\n([\s\S]*?)```/.exec(doc)![1]!;
    const imports = [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'loyalty-score'/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()).filter(Boolean));
    const checks = (code.match(/\/\/ =>/g) ?? []).length;
    expect(checks).toBeGreaterThan(1);
    let seen = 0;
    const eq = (actual: unknown, expected: unknown, at: string): void => {
      seen++;
      expect(actual, at).toEqual(expected);
    };
    const js = ts.transpileModule(`return (async () => {\n${instrument({ file: 'docs/input.md', line: 1, symbol: 'example', code, imports })}\n})();`, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    await (new Function('lib', '__eq', '__close', js) as (...a: unknown[]) => Promise<void>)(lib, eq, () => {});
    expect(seen).toBe(checks);
  });

  it('shows only flags the reader knows', () => {
    const known = new Set<string>([...READ_FLAGS, ...READ_BOOLEANS, 'model', 'horizon', 'format', 'time-unit']);
    for (const m of doc.matchAll(/`--([a-z-]+)|\s--([a-z-]+)/g)) expect(known, m[0]).toContain(m[1] ?? m[2]);
  });
});
