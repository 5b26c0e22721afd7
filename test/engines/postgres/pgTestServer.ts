// The PostgreSQL server of the engine tests: LOYALTY_SCORE_PG_URL (printed by
// test/engines/postgres-server.sh, which .ci/run starts), a client that reads BIGINT and NUMERIC
// as numbers and DATE as text, and a loader of parsed transaction tables.
import pg from 'pg';
import type { TransactionTable } from '../../../src/index.js';
import { isoFromDay } from '../../../src/time/days.js';

export const PG_URL = process.env['LOYALTY_SCORE_PG_URL'];
export const inCi = process.env['CI'] === 'true';
/** Skip locally without a server (the reason printed once per file); fail under CI=true. */
export function skipWithoutServer(suite: string): boolean {
  if (PG_URL === undefined && !inCi) console.log(`${suite}: skipped: no LOYALTY_SCORE_PG_URL (start a server with: eval "$(bash test/engines/postgres-server.sh start)")`);
  return PG_URL === undefined && !inCi;
}

// BIGINT and NUMERIC as numbers, DATE as its yyyy-MM-dd text (never a local-time Date).
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export async function connect(): Promise<pg.Client> {
  if (PG_URL === undefined) throw new Error('CI=true but no LOYALTY_SCORE_PG_URL: .ci/run starts PostgreSQL with test/engines/postgres-server.sh');
  const client = new pg.Client({ connectionString: PG_URL, types });
  await client.connect();
  return client;
}

/** A quoted identifier ("" doubled), for the tests' own statements. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Loads a table as (customer_id, date, amount[, cost]) with one INSERT of arrays; `names` renames the columns. */
export async function load(client: pg.Client, name: string, table: TransactionTable, names: { customer?: string; date?: string; amount?: string; cost?: string } = {}): Promise<void> {
  const numericIds = table.customerIds.every((id) => typeof id === 'number');
  const hasCost = table.cost !== null;
  const n = { customer: 'customer_id', date: 'date', amount: 'amount', cost: 'cost', ...names };
  await client.query(`DROP TABLE IF EXISTS ${name}`);
  await client.query(`CREATE TABLE ${name} (${ident(n.customer)} ${numericIds ? 'BIGINT' : 'TEXT'}, ${ident(n.date)} DATE, ${ident(n.amount)} DOUBLE PRECISION${hasCost ? `, ${ident(n.cost)} DOUBLE PRECISION` : ''})`);
  const ids: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  const costs: (number | null)[] = [];
  for (let i = 0; i < table.length; i++) {
    ids.push(String(table.customerIds[table.customer[i]!]));
    dates.push(isoFromDay(table.day[i]!));
    amounts.push(table.amount[i]!);
    if (hasCost) costs.push(Number.isNaN(table.cost![i]!) ? null : table.cost![i]!);
  }
  // float8 arrays travel as text: String(x) round-trips every double exactly.
  await client.query(
    `INSERT INTO ${name} SELECT * FROM unnest($1::${numericIds ? 'bigint' : 'text'}[], $2::date[], $3::float8[]${hasCost ? ', $4::float8[]' : ''})`,
    hasCost ? [ids, dates, amounts, costs] : [ids, dates, amounts],
  );
}
