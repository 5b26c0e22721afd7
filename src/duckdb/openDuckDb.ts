import { invalidOption } from '../errors/InvalidInputError.js';
import { loadDuckDbDriver } from './loadDuckDbDriver.js';

/** How to start the embedded DuckDB. */
export interface DuckDbEngineOptions {
  /**
   * DuckDB's memory limit, e.g. `'2GB'` or `'512MiB'`; past it DuckDB spills to `tempDirectory`.
   * @defaultValue DuckDB's own (80 % of the machine's memory)
   */
  readonly memoryLimit?: string;
  /** Worker threads. @defaultValue DuckDB's own (the number of cores) */
  readonly threads?: number;
  /** Folder DuckDB spills to past the memory limit. @defaultValue DuckDB's own (`.tmp` beside a database file, else none) */
  readonly tempDirectory?: string;
}

/** A connection to an embedded DuckDB, closed with `close()`. */
export interface DuckDbSession {
  /** The driver's connection (`@duckdb/node-api`'s `DuckDBConnection`). */
  readonly connection: import('@duckdb/node-api').DuckDBConnection;
  /** Runs statements for their effect. */
  run(sql: string): Promise<void>;
  /** Closes the connection and the database. */
  close(): void;
}

const MEMORY = /^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;

/**
 * Opens an in-memory DuckDB with the given limits.
 * @throws {DuckDbDriverMissingError} when `@duckdb/node-api` is not installed.
 * @throws {InvalidInputError} `invalid_option` for a malformed `memoryLimit` or `threads`.
 * @internal
 */
export async function openDuckDb(options: DuckDbEngineOptions = {}): Promise<DuckDbSession> {
  const config: Record<string, string> = {};
  if (options.memoryLimit !== undefined) {
    if (typeof options.memoryLimit !== 'string' || !MEMORY.test(options.memoryLimit)) invalidOption('memoryLimit', 'expected a size such as 2GB, 512MB or 1.5GiB');
    config['memory_limit'] = options.memoryLimit.replace(/\s+/g, '');
  }
  if (options.threads !== undefined) {
    if (!(Number.isInteger(options.threads) && options.threads >= 1)) invalidOption('threads', 'expected a whole number of threads >= 1');
    config['threads'] = String(options.threads);
  }
  if (options.tempDirectory !== undefined) config['temp_directory'] = options.tempDirectory;
  const { DuckDBInstance } = await loadDuckDbDriver();
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return {
    connection,
    run: async (sql) => {
      await connection.run(sql);
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Runs `work` on a fresh session and closes it afterwards, also on failure.
 * @internal
 */
export async function withDuckDb<T>(options: DuckDbEngineOptions, work: (session: DuckDbSession) => Promise<T>): Promise<T> {
  const session = await openDuckDb(options);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}
