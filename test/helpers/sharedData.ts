import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared reference data folder: `../shared/data` beside the project root. */
export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

/** Reads a shared data file as text. */
export function readShared(name: string): string {
  return readFileSync(resolve(SHARED_DATA, name), 'utf8');
}

/** Parses a small CSV with a header into records of strings. */
export function readSharedCsv(name: string): Record<string, string>[] {
  const lines = readShared(name).split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

interface ReferenceValue {
  id: string;
  inputs: Record<string, unknown>;
  expected: Record<string, unknown>;
  tolerance: unknown;
}

/** One entry of `reference-values.json` by id. */
export function referenceValue(id: string): ReferenceValue {
  const all = JSON.parse(readShared('reference-values.json')) as ReferenceValue[];
  const found = all.find((r) => r.id === id);
  if (!found) throw new Error(`no reference value ${id}`);
  return found;
}

/** CDNOW sample rows: sample id as customerId, yyyyMMdd date, dollars. */
export function cdnowSampleRows(): { customerId: number; date: string; amount: number; quantity: number }[] {
  return readShared('CDNOW_sample.txt')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [, sampleId, date, cds, dollars] = l.trim().split(/\s+/);
      return { customerId: Number(sampleId), date: date!, amount: Number(dollars), quantity: Number(cds) };
    });
}

/** CDNOW master rows (69,659): master id as customerId, yyyyMMdd date, dollars. */
export function cdnowMasterRows(): { customerId: number; date: string; amount: number }[] {
  return readShared('CDNOW_master.txt')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [id, date, , dollars] = l.trim().split(/\s+/);
      return { customerId: Number(id), date: date!, amount: Number(dollars) };
    });
}

/** Rounds half-up to 2 decimals on the exact value (as the published files do). */
export function round2HalfUp(x: number): number {
  return Math.floor(x * 100 + 0.5 + 1e-9) / 100;
}
