// The built package, as users run it (`npm run bench` builds first). Benchmarks of hot loops load
// it instead of `src/`: through vitest's module transform every imported binding in a loop (the
// summary scan's record offsets, the log caches of P(alive)) becomes a property load on a module
// object, which made the 1M-customer summary and the 500k P(alive) about 2x slower than the
// bundle: a figure about vitest, not about the library.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Library = typeof import('../../src/index.js');

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');

/** The root export of `dist/`; throws, saying what to run, when it has not been built. */
export async function builtPackage(): Promise<Library> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run build first`);
  return (await import(pathToFileURL(DIST).href)) as Library;
}
