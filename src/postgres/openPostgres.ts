import { loadPgDriver } from './loadPgDriver.js';

/** A failure to reach or use the PostgreSQL server; the message never holds the password.*/
export class PostgresEngineError extends Error {
  override readonly name = 'PostgresEngineError';
}

/** A connection to PostgreSQL, closed with `close()`.*/
export interface PostgresSession {
  /** Runs one statement with optional parameters and returns its rows (BIGINT and NUMERIC as numbers, DATE as `yyyy-MM-dd`). */
  query(sql: string, params?: readonly unknown[]): Promise<{ readonly rows: Record<string, unknown>[]; readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[] }>;
  close(): Promise<void>;
}

/** OIDs of the types read as numbers (int8, numeric) and as text (date). */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/**
 * Where a connection string points, for messages: `host:port/database as user`, without the
 * password (from the URL, or the `PG*` variables pg falls back to).
 *
 */
export function describeTarget(connection: string | undefined): string {
  let host = process.env['PGHOST'] ?? 'localhost';
  let port = process.env['PGPORT'] ?? '5432';
  let database = process.env['PGDATABASE'];
  let user = process.env['PGUSER'];
  if (connection !== undefined) {
    try {
      const url = new URL(connection);
      if (url.hostname !== '') host = url.hostname;
      if (url.port !== '') port = url.port;
      if (url.pathname.length > 1) database = decodeURIComponent(url.pathname.slice(1));
      if (url.username !== '') user = decodeURIComponent(url.username);
      host = url.searchParams.get('host') ?? host;
    } catch {
      return 'the server of an unreadable connection string (expected postgres://user@host:port/database)';
    }
  }
  return `${host}:${port}${database === undefined ? '' : `/${database}`}${user === undefined ? '' : ` as user ${user}`}`;
}

/** The reason of a failed connection in words, from the socket's error code. */
function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused (is the server running and listening there?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (code === '28P01' || code === '28000') return 'authentication failed (check the user and password; PGPASSWORD or ~/.pgpass keep a password off the command line)';
  if (code === '3D000') return 'no such database';
  // Server messages name users and databases but never a password.
  return e instanceof Error ? e.message : String(e);
}

/**
 * Connects to PostgreSQL: `connection` is a `postgres://` URL; without it, pg's `PG*`
 * environment variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) apply.
 * @throws {PgDriverMissingError} when `pg` is not installed.
 * @throws {PostgresEngineError} naming host and port (never the password) when the connection fails.
 *
 */
export async function openPostgres(connection: string | undefined): Promise<PostgresSession> {
  const pg = await loadPgDriver();
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const client = new pg.Client({ ...(connection === undefined ? {} : { connectionString: connection }), types, application_name: 'loyalty-score' });
  // A dropped connection emits 'error' on the client; the pending query rejects with it too.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw new PostgresEngineError(`cannot connect to PostgreSQL at ${describeTarget(connection)}: ${reasonOf(e)}`, { cause: e });
  }
  return {
    query: async (sql, params) => {
      const result = await client.query(sql, params === undefined ? undefined : [...params]);
      return { rows: result.rows as Record<string, unknown>[], fields: result.fields };
    },
    close: () => client.end(),
  };
}

/**
 * Runs `work` on a fresh connection and closes it afterwards, also on failure.
 *
 */
export async function withPostgres<T>(connection: string | undefined, work: (session: PostgresSession) => Promise<T>): Promise<T> {
  const session = await openPostgres(connection);
  try {
    return await work(session);
  } finally {
    await session.close().catch(() => {});
  }
}
