/** Small per-query tables filled through DuckDB's appender: thousands of rows without parsing thousands of SQL literals. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from './types';

/** Creates `memory.main.<name>` with VARCHAR columns holding `rows`; callers cast in SQL. */
export async function textTable(connection: DuckDBConnection, name: string, columns: readonly string[], rows: readonly (readonly string[])[]): Promise<string> {
  await connection.run(`CREATE TABLE memory.main.${quoteIdent(name)} (${columns.map((c) => `${quoteIdent(c)} VARCHAR`).join(', ')})`);
  const appender = await connection.createAppender(name, 'main', 'memory');
  for (const row of rows) {
    for (const value of row) appender.appendVarchar(value);
    appender.endRow();
  }
  appender.closeSync();
  return `memory.main.${quoteIdent(name)}`;
}
