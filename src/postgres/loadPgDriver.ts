/** The part of `pg` this area uses. */
export type PgDriver = typeof import('pg');

/**
 * Thrown by the PostgreSQL engine (`--engine postgres`) when the optional peer dependency `pg` is
 * not installed: its message says how to install it.
 *
 */
export class PgDriverMissingError extends Error {
  override readonly name = 'PgDriverMissingError';
  constructor(cause: unknown) {
    super('the PostgreSQL engine needs the optional peer dependency pg, which is not installed: run `npm install pg` beside loyalty-score', { cause });
  }
}

let loaded: Promise<PgDriver> | undefined;

/**
 * Loads `pg` once (a dynamic import, so the rest of the package never needs it).
 * @throws {PgDriverMissingError} when the package cannot be found.
 *
 */
export function loadPgDriver(): Promise<PgDriver> {
  loaded ??= import('pg').then(
    // pg is CommonJS: its exports arrive as the default export of the ES module namespace.
    (m) => ((m as unknown as { default?: PgDriver }).default ?? (m as unknown as PgDriver)),
    (e: unknown) => {
      loaded = undefined;
      const code = (e as { code?: unknown } | null)?.code;
      if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new PgDriverMissingError(e);
      throw e;
    },
  );
  return loaded;
}
