import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEngineResults, engineQueries, tables, type EngineRow } from '../engineCases.js';
import { writeCsv } from '../tables.js';

// The spark dialect's SQL run by Spark itself (PySpark in local mode, one JVM for the whole batch
// through run_queries.py): every summary, the compressed fits, the closed-form P(alive) and the
// score join equal the JS path (engineCases). .ci/run installs pyspark from PyPI into a cached
// virtual environment and names its python in LOYALTY_SCORE_PYTHON. Without PySpark the suite is
// skipped with the reason printed; under CI=true it fails instead.
const inCi = process.env['CI'] === 'true';
const cached = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'loyalty-score/pyspark-venv/bin/python');
const PYTHON = process.env['LOYALTY_SCORE_PYTHON'] ?? (existsSync(cached) ? cached : undefined);
const hasPySpark = PYTHON !== undefined && spawnSync(PYTHON, ['-c', 'import pyspark'], { encoding: 'utf8' }).status === 0;
if (!hasPySpark && !inCi) console.log(`test/engines/spark: skipped: no python with pyspark (LOYALTY_SCORE_PYTHON, or ${cached}; .ci/run installs it)`);
const SCRIPT = resolve(import.meta.dirname, 'run_queries.py');

describe.skipIf(!hasPySpark && !inCi)('Spark (PySpark local mode): summarySql, compressedSummarySql, probabilityAliveSql and scoreSql', () => {
  let dir: string;
  const results = new Map<string, EngineRow[]>();
  beforeAll(() => {
    expect(hasPySpark, `CI=true but no python with pyspark (${PYTHON ?? 'LOYALTY_SCORE_PYTHON unset'}): .ci/run installs it`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'loyalty-spark-'));
    const request = {
      tables: Object.values(tables).map((t) => {
        const csv = join(dir, `${t.name}.csv`);
        writeCsv(t.table, csv);
        const numericIds = t.table.customerIds.every((id) => typeof id === 'number');
        return { name: t.name, csv, schema: `customer_id ${numericIds ? 'BIGINT' : 'STRING'}, \`date\` DATE, amount DOUBLE${t.table.cost !== null ? ', cost DOUBLE' : ''}` };
      }),
      queries: engineQueries('spark'),
    };
    writeFileSync(join(dir, 'request.json'), JSON.stringify(request));
    const run = spawnSync(PYTHON!, [SCRIPT, join(dir, 'request.json'), join(dir, 'result.json')], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, PYSPARK_PYTHON: PYTHON! } });
    expect(run.status, `run_queries.py failed:\n${run.stderr}`).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Record<string, { columns: string[]; rows: unknown[][] }>;
    for (const [name, { columns, rows }] of Object.entries(out)) {
      results.set(name, rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] as number | string | null]))));
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every summary case equals summarizeCustomers / calibrationAndHoldout for every customer and field', () => checkEngineResults(results, 'summaries'));
  it('the fits on the compressed rows equal the per-customer fits and the published CDNOW estimates', () => checkEngineResults(results, 'fits'));
  it('P(alive) in closed form (1e-12) and the score join (1e-9) equal the JS models', () => checkEngineResults(results, 'scores'));
});
