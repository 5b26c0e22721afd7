// The dialect-aware parser of the tests (node-sql-parser): BigQuery and Snowflake cannot run here,
// so their SQL is at least parsed by a grammar of that dialect.
import pkg from 'node-sql-parser';
import type { SqlDialect } from '../../src/index.js';

const { Parser } = pkg;
const parser = new Parser();

/** node-sql-parser's name of each dialect's grammar (Spark's is not covered: PySpark runs it). */
export const PARSER_DATABASE: Partial<Record<SqlDialect, string>> = { bigquery: 'BigQuery', snowflake: 'Snowflake', postgres: 'PostgresQL', duckdb: 'PostgresQL' };

/** Parses `sql` in the dialect's grammar: the number of statements, the tables and the columns it reads. */
export function parseSql(sql: string, dialect: SqlDialect): { statements: number; tables: string[]; columns: string[] } {
  const database = PARSER_DATABASE[dialect];
  if (database === undefined) throw new Error(`no parser grammar for ${dialect}`);
  const ast = parser.astify(sql, { database });
  return {
    statements: Array.isArray(ast) ? ast.length : 1,
    tables: parser.tableList(sql, { database }),
    columns: parser.columnList(sql, { database }),
  };
}
