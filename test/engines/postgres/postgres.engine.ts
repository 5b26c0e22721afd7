import type pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkEngineResults, engineQueries, tables, type EngineRow } from '../engineCases.js';
import { connect, load, skipWithoutServer } from './pgTestServer.js';

// The SQL of src/sql on a real PostgreSQL server (started on loopback by .ci/run through
// test/engines/postgres-server.sh, which prints LOYALTY_SCORE_PG_URL): every summary, the
// compressed fits, the closed-form P(alive) and the score join equal the JS path (engineCases).
// Without a server the suite is skipped with the reason printed; under CI=true it fails instead.
describe.skipIf(skipWithoutServer('test/engines/postgres'))('PostgreSQL: summarySql, compressedSummarySql, probabilityAliveSql and scoreSql', () => {
  let client: pg.Client;
  const results = new Map<string, EngineRow[]>();
  beforeAll(async () => {
    client = await connect();
    const schema = `loyalty_${process.pid}`;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    for (const t of Object.values(tables)) await load(client, `"${t.name}"`, t.table);
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
