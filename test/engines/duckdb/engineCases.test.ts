import { describe, it } from 'vitest';
import { loadTable, openDuckDb, queryRows } from '../../sql/duckdb.js';
import { checkEngineResults, engineQueries, tables, type EngineRow } from '../engineCases.js';

// The batch the PostgreSQL and Spark suites run (test/engines/*.engine.ts), on the embedded
// DuckDB: the same checks, in npm test, so the batch itself is known to be right.
describe('the engine batch on DuckDB', () => {
  it('every summary, the compressed fits, the closed-form P(alive) and the score join equal the JS path', async () => {
    const conn = await openDuckDb();
    for (const t of Object.values(tables)) await loadTable(conn, t.name, t.table);
    const results = new Map<string, EngineRow[]>();
    for (const q of engineQueries('duckdb')) results.set(q.name, await queryRows(conn, q.sql));
    checkEngineResults(results);
  });
});
