import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionTable } from '../../../src/index.js';
import { isoFromDay } from '../../../src/time/days.js';
import { checkEngineResults, engineQueries, tables, type EngineRow } from '../engineCases.js';

// The SQL of src/sql on a real PostgreSQL server (started on loopback by .ci/run through
// test/engines/postgres-server.sh, which prints LOYALTY_SCORE_PG_URL): every summary, the
// compressed fits, the closed-form P(alive) and the score join equal the JS path (engineCases).
// Without a server the suite is skipped with the reason printed; under CI=true it fails instead.
const URL = process.env['LOYALTY_SCORE_PG_URL'];
const inCi = process.env['CI'] === 'true';
if (URL === undefined && !inCi) console.log('test/engines/postgres: skipped: no LOYALTY_SCORE_PG_URL (start a server with: eval "$(bash test/engines/postgres-server.sh start)")');

// BIGINT and NUMERIC as numbers, DATE as its yyyy-MM-dd text (never a local-time Date).
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

/** Loads a table as (customer_id, date, amount[, cost]) with one INSERT of arrays. */
async function load(client: pg.Client, name: string, table: TransactionTable): Promise<void> {
  const numericIds = table.customerIds.every((id) => typeof id === 'number');
  const hasCost = table.cost !== null;
  await client.query(`DROP TABLE IF EXISTS "${name}"`);
  await client.query(`CREATE TABLE "${name}" (customer_id ${numericIds ? 'BIGINT' : 'TEXT'}, "date" DATE, amount DOUBLE PRECISION${hasCost ? ', cost DOUBLE PRECISION' : ''})`);
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
    `INSERT INTO "${name}" SELECT * FROM unnest($1::${numericIds ? 'bigint' : 'text'}[], $2::date[], $3::float8[]${hasCost ? ', $4::float8[]' : ''})`,
    hasCost ? [ids, dates, amounts, costs] : [ids, dates, amounts],
  );
}

describe.skipIf(URL === undefined && !inCi)('PostgreSQL: summarySql, compressedSummarySql, probabilityAliveSql and scoreSql', () => {
  let client: pg.Client;
  const results = new Map<string, EngineRow[]>();
  beforeAll(async () => {
    expect(URL, 'CI=true but no LOYALTY_SCORE_PG_URL: .ci/run starts PostgreSQL with test/engines/postgres-server.sh').toBeDefined();
    client = new pg.Client({ connectionString: URL, types });
    await client.connect();
    const schema = `loyalty_${process.pid}`;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    for (const t of Object.values(tables)) await load(client, t.name, t.table);
    for (const q of engineQueries('postgres')) {
      try {
        results.set(q.name, (await client.query(q.sql)).rows as EngineRow[]);
      } catch (e) {
        throw new Error(`${q.name}: ${(e as Error).message}\n${q.sql}`);
      }
    }
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
  });
  afterAll(async () => {
    await client?.end();
  });

  it('every summary case equals summarizeCustomers / calibrationAndHoldout for every customer and field', () => checkEngineResults(results, 'summaries'));
  it('the fits on the compressed rows equal the per-customer fits and the published CDNOW estimates', () => checkEngineResults(results, 'fits'));
  it('P(alive) in closed form (1e-12) and the score join (1e-9) equal the JS models', () => checkEngineResults(results, 'scores'));
});
