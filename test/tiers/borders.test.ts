import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function importsOf(area: string): { file: string; from: string }[] {
  const out: { file: string; from: string }[] = [];
  for (const name of readdirSync(resolve(SRC, area))) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(resolve(SRC, area, name), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s*'([^']+)'/gm)) out.push({ file: `${area}/${name}`, from: m[1]! });
  }
  return out;
}

describe('area borders of rfm and tiers', () => {
  it('tiers imports nothing from rfm, and the summary input shape lives in summary/', () => {
    expect(importsOf('tiers').filter((i) => i.from.startsWith('../rfm/'))).toEqual([]);
    const shared = [...importsOf('rfm'), ...importsOf('tiers')].filter((i) => i.from.endsWith('/summaryInput.js'));
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const i of shared) expect(i.from, i.file).toBe('../summary/summaryInput.js');
  });

  it('neither imports the other nor the root index', () => {
    expect(importsOf('rfm').filter((i) => i.from.startsWith('../tiers/') || i.from === '../index.js')).toEqual([]);
    expect(importsOf('tiers').filter((i) => i.from === '../index.js')).toEqual([]);
  });
});
