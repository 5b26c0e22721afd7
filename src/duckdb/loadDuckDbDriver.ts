/** The part of `@duckdb/node-api` this subpath uses. */
export type DuckDbDriver = typeof import('@duckdb/node-api');

/**
 * Thrown by every function of `loyalty-score/duckdb` when the optional peer dependency
 * `@duckdb/node-api` is not installed: its message says how to install it.
 * @example
 * ```ts
 * import { DuckDbDriverMissingError } from 'loyalty-score/duckdb';
 * const error = new DuckDbDriverMissingError(new Error("Cannot find package '@duckdb/node-api'"));
 * error.message.includes('npm install @duckdb/node-api'); // => true
 * ```
 */
export class DuckDbDriverMissingError extends Error {
  override readonly name = 'DuckDbDriverMissingError';
  constructor(cause: unknown) {
    super('loyalty-score/duckdb needs the optional peer dependency @duckdb/node-api, which is not installed: run `npm install @duckdb/node-api` beside loyalty-score', { cause });
  }
}

let loaded: Promise<DuckDbDriver> | undefined;

/**
 * Loads `@duckdb/node-api` once (a dynamic import, so the rest of the package never needs it).
 * @throws {DuckDbDriverMissingError} when the package cannot be found.
 * @internal
 */
export function loadDuckDbDriver(): Promise<DuckDbDriver> {
  loaded ??= import('@duckdb/node-api').catch((e: unknown) => {
    loaded = undefined;
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new DuckDbDriverMissingError(e);
    throw e;
  });
  return loaded;
}
