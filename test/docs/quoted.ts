import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs');

/** The text of a guide in docs/. */
export function docText(name: string): string {
  return readFileSync(resolve(DOCS, name), 'utf8');
}

/** Half a unit in the last printed digit of a number written as `text` (`30.43` -> 0.005, `2.1e-4` -> 0.05e-4). */
function halfUnit(text: string): number {
  const [mantissa, exponent] = text.split(/e/i) as [string, string | undefined];
  const decimals = (mantissa.split('.')[1] ?? '').length;
  return 0.5 * 10 ** (-decimals + (exponent === undefined ? 0 : Number(exponent)));
}

/**
 * Checks a number quoted in a guide: the guide contains `text` (as printed, thousands separators
 * and all), and `value`, computed by the calling test, rounds to it (|value - printed| is at most
 * half a unit in the last printed digit). So a guide cannot drift from the code silently.
 */
export function expectQuoted(doc: string, text: string, value: number): void {
  expect(doc, `the guide should quote ${text}`).toContain(text);
  const printed = Number(text.replace(/,/g, ''));
  expect(Number.isFinite(printed), `${text} is not a number`).toBe(true);
  const tol = halfUnit(text.replace(/,/g, '')) * (1 + 1e-9);
  expect(Math.abs(value - printed), `${text}: computed ${value}, printed ${text} (± ${tol})`).toBeLessThanOrEqual(tol);
}

/** Checks an error bound printed in a guide: the guide contains `text` and `error <= Number(text)`. */
export function expectBound(doc: string, text: string, error: number): void {
  expect(doc, `the guide should quote ${text}`).toContain(text);
  expect(Math.abs(error), `measured error ${error} exceeds the printed bound ${text}`).toBeLessThanOrEqual(Number(text));
}
