// Test helpers: an in-memory DuckDB, transaction tables loaded into it, and query results as plain rows.
import { DuckDBInstance, dateValue, type DuckDBConnection } from '@duckdb/node-api';
import type { TransactionTable } from '../../src/index.js';

/** A fresh in-memory database. */
export async function openDuckDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

/**
 * Loads a parsed table into `name` (customer_id, date, amount, cost, order_id), row for row, so
 * that SQL and JS read the very same records. Ids are BIGINT when all are numbers, else VARCHAR.
 */
export async function loadTable(conn: DuckDBConnection, name: string, table: TransactionTable): Promise<void> {
  const numericIds = table.customerIds.every((id) => typeof id === 'number');
  const hasCost = table.cost !== null;
  const hasOrder = table.order !== null;
  await conn.run(
    `CREATE OR REPLACE TABLE "${name}" (customer_id ${numericIds ? 'BIGINT' : 'VARCHAR'}, "date" DATE, amount DOUBLE${hasCost ? ', cost DOUBLE' : ''}${hasOrder ? ', order_id VARCHAR' : ''})`,
  );
  const appender = await conn.createAppender(name);
  for (let i = 0; i < table.length; i++) {
    const id = table.customerIds[table.customer[i]!]!;
    if (numericIds) appender.appendBigInt(BigInt(id));
    else appender.appendVarchar(String(id));
    appender.appendDate(dateValue(table.day[i]!));
    appender.appendDouble(table.amount[i]!);
    if (hasCost) {
      const c = table.cost![i]!;
      if (c === c) appender.appendDouble(c);
      else appender.appendNull();
    }
    if (hasOrder) {
      const o = table.order![i]!;
      if (o >= 0) appender.appendVarchar(String(table.orderIds[o]));
      else appender.appendNull();
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** A query's rows as objects of numbers, strings and nulls (dates as `yyyy-MM-dd`, BIGINT as number). */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Record<string, number | string | null>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjects().map((row) => {
    const out: Record<string, number | string | null> = {};
    for (const [k, v] of Object.entries(row)) {
      if (v === null) out[k] = null;
      else if (typeof v === 'bigint') out[k] = Number(v);
      else if (typeof v === 'number' || typeof v === 'string') out[k] = v;
      else out[k] = String(v);
    }
    return out;
  });
}
