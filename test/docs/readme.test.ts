// The README's Quick start runs as written: its `// => value` lines are checked.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { ROOT } from '../cli/runCli.js';
import { instrument } from './extractExamples.js';

const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

function quickStart(): string {
  const section = readme.slice(readme.indexOf('## Quick start'));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README has no ```ts block under ## Quick start');
  return m[1]!;
}

describe('README', () => {
  it('Quick start runs and its results hold', async () => {
    const code = quickStart();
    const imports = [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'loyalty-score'/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()).filter(Boolean));
    const checks = (code.match(/\/\/ =>/g) ?? []).length;
    expect(checks).toBeGreaterThan(5);
    let seen = 0;
    const eq = (actual: unknown, expected: unknown, at: string): void => {
      seen++;
      expect(actual, at).toEqual(expected);
    };
    const js = ts.transpileModule(`return (async () => {\n${instrument({ file: 'README.md', line: 1, symbol: 'Quick start', code, imports })}\n})();`, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    for (const name of imports) expect(lib).toHaveProperty(name);
    await (new Function('lib', '__eq', '__close', js) as (...a: unknown[]) => Promise<void>)(lib, eq, () => {});
    expect(seen).toBe(checks);
  });
});
