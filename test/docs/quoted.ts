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

/** The fenced code blocks of a guide whose info string is `lang` (e.g. ```text), without the fences. */
export function codeBlocks(doc: string, lang: string): string[] {
  const out: string[] = [];
  const re = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm');
  for (let m = re.exec(doc); m !== null; m = re.exec(doc)) out.push(m[1]!.replace(/\n$/, ''));
  return out;
}

/** The block of `blocks` that starts with `start`; fails the test when the guide has none. */
export function blockStartingWith(blocks: readonly string[], start: string): string {
  const found = blocks.find((b) => b.startsWith(start));
  expect(found, `the guide should have a code block starting with ${JSON.stringify(start)}`).toBeDefined();
  return found!;
}

// A number as a program prints it: optional minus, digits (with or without thousands
// separators), decimals, exponent. Not part of a word, a date or a longer number.
const NUMBER = /(?<![\w.\-])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.]|,\d{3}|-\d)/gi;

/** A line split into its words (runs of spaces count as one) and its numbers as printed. */
function tokenize(line: string): { words: string[]; numbers: string[] } {
  const numbers = line.match(NUMBER) ?? [];
  const words = line.split(NUMBER).map((w) => w.replace(/\s+/g, ' ').trim());
  return { words, numbers };
}

/** Whether a number printed in a guide's output excerpt stands for the number the program printed. */
function sameNumber(quoted: string, printed: string, relTol: number): boolean {
  const q = Number(quoted.replace(/,/g, ''));
  const p = Number(printed.replace(/,/g, ''));
  if (/e/i.test(quoted)) return p !== 0 && Math.abs(Math.log10(Math.abs(p / q))) <= 1 && Math.sign(p) === Math.sign(q);
  if (!quoted.includes('.')) return p === q;
  return Math.abs(p - q) <= Math.max(halfUnit(quoted.replace(/,/g, '')), relTol * Math.abs(q)) * (1 + 1e-9);
}

function sameLine(quoted: string, printed: string, relTol: number): boolean {
  const a = tokenize(quoted);
  const b = tokenize(printed);
  return (
    a.numbers.length === b.numbers.length &&
    a.words.length === b.words.length &&
    a.words.every((w, i) => w === b.words[i]) &&
    a.numbers.every((n, i) => sameNumber(n, b.numbers[i]!, relTol))
  );
}

/**
 * Checks an output excerpt quoted in a guide against what the command printed: every non-empty
 * line of `excerpt` must match a line of `output`, in order (lines may be skipped in between).
 * Words must be the same (runs of spaces count as one, so column alignment may differ). Numbers:
 * whole numbers exactly; decimals to half a unit in the last printed digit or `relTol` relative,
 * whichever is larger (the default 1e-5 keeps an excerpt of 6-digit estimates valid when a change
 * in the numerics moves their last digits, while a changed value, default or format fails);
 * numbers in e-notation (gradient norms, which any change in the numerics moves) within a factor
 * of 10.
 */
export function expectOutputExcerpt(excerpt: string, output: string, relTol = 1e-5): void {
  const lines = output.split(/\r?\n/);
  let from = 0;
  for (const want of excerpt.split('\n')) {
    if (want.trim() === '') continue;
    const at = lines.findIndex((got, i) => i >= from && sameLine(want, got, relTol));
    expect(at, `the guide quotes the line\n  ${want}\nbut the command printed (from line ${from + 1}):\n${lines.slice(from, from + 8).map((l) => `  ${l}`).join('\n')}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}
