import { describe, expect, it } from 'vitest';
import { InvalidInputError, SQL_DIALECTS, SUMMARY_SQL_COLUMNS, summarySql, type SqlDialect, type SummarySqlOptions } from '../../src/index.js';
import { parseSql } from './parseSql.js';

function issueOf(f: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues[0];
  }
  throw new Error('expected an InvalidInputError');
}

const VARIANTS: Omit<SummarySqlOptions, 'dialect' | 'source'>[] = [
  { asOf: '1997-09-30', timeUnit: 'week' },
  { timeUnit: 'month', periods: 'calendar', calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', returns: 'reject' },
  { timeUnit: 'year', dateFormat: 'yyyyMMdd', returns: 'drop', rfmMonetary: 'mean', columns: { cost: 'cost', orderId: 'order' } },
  { timeUnit: 'day', dateFormat: 'iso', calibrationEnd: '2024-06-30', afterAsOf: 'reject' },
];

describe('summarySql: the generated SQL parses in each dialect grammar', () => {
  for (const dialect of ['bigquery', 'snowflake', 'postgres', 'duckdb'] as const) {
    it.each(VARIANTS)(`${dialect}: one statement reading the source, %o`, (options) => {
      const parsed = parseSql(summarySql({ dialect, source: 'sales.orders', ...options }), dialect);
      expect(parsed.statements).toBe(1);
      expect(parsed.tables).toContain('select::sales::orders');
    });
  }
});

describe('summarySql: names cannot inject SQL', () => {
  // The double-quoting dialects (DuckDB, PostgreSQL, Snowflake) are proven on DuckDB itself in
  // summarySql.duckdb.test.ts; here the parsers see one statement whose table and column are the
  // hostile names, whole.
  const hostile: Record<'bigquery' | 'snowflake' | 'postgres', string> = {
    bigquery: `t"x'; DROP TABLE z; --/*`,
    // node-sql-parser's Snowflake and PostgreSQL grammars do not read "" inside a quoted name.
    snowflake: "tx'; DROP TABLE z; --`\\",
    postgres: "tx'; DROP TABLE z; --`\\",
  };
  for (const [dialect, name] of Object.entries(hostile) as ['bigquery' | 'snowflake' | 'postgres', string][]) {
    it(`${dialect}: ${name}`, () => {
      const parsed = parseSql(summarySql({ dialect, source: [name], asOf: '1997-09-30', columns: { amount: name, customerId: name } }), dialect);
      expect(parsed.statements).toBe(1);
      expect(parsed.tables).toContain(`select::null::${name}`);
      expect(parsed.tables.filter((t) => t.includes('z'))).toEqual([`select::null::${name}`]);
      expect(parsed.columns).toContain(`select::${name}::${name}`);
    });
  }
  it('every dialect refuses control characters in a name, and BigQuery a backtick or backslash', () => {
    for (const dialect of SQL_DIALECTS) {
      expect(issueOf(() => summarySql({ dialect, source: 'a\nb' })).path).toEqual(['options', 'source']);
      expect(issueOf(() => summarySql({ dialect, source: 't', columns: { amount: 'x\u0000' } })).path).toEqual(['options', 'columns.amount']);
    }
    expect(issueOf(() => summarySql({ dialect: 'bigquery', source: 'a`b' })).path).toEqual(['options', 'source']);
    expect(issueOf(() => summarySql({ dialect: 'bigquery', source: 't', columns: { date: 'a\\b' } })).path).toEqual(['options', 'columns.date']);
    expect(summarySql({ dialect: 'spark', source: 'a`b' })).toContain('FROM `a``b` AS src');
  });
  it('dates are parsed and rendered, never pasted', () => {
    expect(summarySql({ dialect: 'duckdb', source: 't', asOf: new Date(Date.UTC(1997, 8, 30, 23)) })).toContain("DATE '1997-09-30'");
    expect(issueOf(() => summarySql({ dialect: 'duckdb', source: 't', asOf: "1997-09-30'; DROP TABLE t; --" }))).toMatchObject({ code: 'invalid_date', path: ['options', 'asOf'] });
    // A real instant, but outside the accepted date range (1900-01-01..2199-12-31).
    expect(issueOf(() => summarySql({ dialect: 'duckdb', source: 't', asOf: Date.UTC(10000, 0, 1) }))).toMatchObject({ code: 'date_out_of_range', path: ['options', 'asOf'] });
  });
});

describe('summarySql: options', () => {
  it('names the output columns of the summary (holdout ones only with calibrationEnd)', () => {
    const plain = summarySql({ dialect: 'postgres', source: 't', asOf: '2020-01-01' });
    for (const c of SUMMARY_SQL_COLUMNS.slice(0, 13)) expect(plain).toContain(`AS "${c}"`);
    expect(plain).not.toContain('holdout_');
    const split = summarySql({ dialect: 'postgres', source: 't', calibrationEnd: '2020-01-01' });
    for (const c of SUMMARY_SQL_COLUMNS) expect(split).toContain(`AS "${c}"`);
  });
  it('refuses unknown values, asOf beside calibrationEnd, observationEnd alone or too early', () => {
    const cases: [Partial<SummarySqlOptions>, string][] = [
      [{ dialect: 'mysql' as SqlDialect }, 'dialect'],
      [{ timeUnit: 'quarter' as 'day' }, 'timeUnit'],
      [{ periods: 'iso' as 'exact' }, 'periods'],
      [{ returns: 'keep' as 'net' }, 'returns'],
      [{ rfmMonetary: 'median' as 'mean' }, 'rfmMonetary'],
      [{ afterAsOf: 'keep' as 'exclude' }, 'afterAsOf'],
      [{ dateFormat: 'dd/MM/yyyy' as 'iso' }, 'dateFormat'],
      [{ asOf: '2020-01-01', calibrationEnd: '2020-01-01' }, 'asOf'],
      [{ observationEnd: '2020-01-01' }, 'observationEnd'],
      [{ calibrationEnd: '2020-01-01', observationEnd: '2020-01-01' }, 'observationEnd'],
      [{ source: '' }, 'source'],
      [{ source: [] }, 'source'],
      [{ source: { query: '  ' } }, 'source'],
      [{ source: 42 as unknown as string }, 'source'],
      [{ columns: { customerId: '' } }, 'columns.customerId'],
    ];
    for (const [options, name] of cases) {
      expect(issueOf(() => summarySql({ dialect: 'duckdb', source: 't', ...options } as SummarySqlOptions)).path, name).toEqual(['options', name]);
    }
  });
  it('the body is shared: the dialects differ only in the function table', () => {
    const shapes = SQL_DIALECTS.map((dialect) =>
      summarySql({ dialect, source: 't', asOf: '2020-01-01', timeUnit: 'week' })
        .split('\n')
        .map((line) => line.replace(/\S+\(.*$/, '').trim()),
    );
    for (const shape of shapes) expect(shape.length).toBe(shapes[0]!.length);
  });
  it('a sub-query source is wrapped as a derived table', () => {
    expect(summarySql({ dialect: 'duckdb', source: { query: "SELECT * FROM read_parquet('tx/*.parquet')" } })).toContain("FROM (\nSELECT * FROM read_parquet('tx/*.parquet')\n) AS src");
  });
});

describe('compressedSummarySql and scoreSql parse in the BigQuery and Snowflake grammars', () => {
  const model = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
  for (const dialect of ['bigquery', 'snowflake', 'postgres'] as const) {
    it(dialect, async () => {
      const { bgNbd, gammaGamma, compressedSummarySql, scoreSql, probabilityAliveSql } = await import('../../src/index.js');
      const c = compressedSummarySql({ dialect, source: 'sales.orders', asOf: '1997-09-30', timeUnit: 'week' });
      expect(parseSql(c.purchases, dialect).statements).toBe(1);
      expect(parseSql(c.spend, dialect).statements).toBe(1);
      expect(parseSql(compressedSummarySql({ dialect, summary: 'sales.summary' }).purchases, dialect).tables).toContain('select::sales::summary');
      const out = scoreSql(bgNbd(model.params), {
        dialect,
        purchases: { frequency: Float64Array.of(0, 2), recency: Float64Array.of(0, 30.43), T: Float64Array.of(38.86, 38.86) },
        spend: { frequency: Float64Array.of(2), monetaryValue: Float64Array.of(22.345) },
        spendModel: gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 }),
        asOf: '1997-09-30',
        horizon: { amount: 39, unit: 'week' },
        summary: 'sales.summary',
      });
      const parsed = parseSql(out.joinSql, dialect);
      expect(parsed.statements).toBe(1);
      expect(parsed.tables).toContain('select::sales::summary');
      expect(parseSql(`SELECT ${probabilityAliveSql(model, dialect)} AS p FROM t`, dialect).statements).toBe(1);
    });
  }
});
