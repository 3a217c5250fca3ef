/** One statement of the lake's SQL: the DDL the lake implements itself, or a SELECT run on DuckDB. */
import type { ObjectStore } from '../../objects';
import type { Compactor } from '../compaction';
import type { DataCatalog } from '../glue/catalog';
import { runDdl } from './ddl';
import { parseDdl } from './ddl-parser';
import type { StatementResult } from './result';
import { runSelect } from './select';

export interface StatementContext {
  catalog: DataCatalog;
  objects: ObjectStore;
  /** The database unqualified table names resolve in. */
  database: string;
  signal?: AbortSignal;
  compactor?: Compactor;
}

export async function runStatement(sql: string, ctx: StatementContext): Promise<StatementResult> {
  const ddl = parseDdl(sql);
  return ddl ? runDdl(ddl, ctx) : runSelect(sql, ctx);
}

/** Athena's StatementType for a query text, known before it runs. */
export function statementTypeOf(sql: string): 'DDL' | 'DML' {
  try {
    return parseDdl(sql) ? 'DDL' : 'DML';
  } catch {
    return 'DDL';
  }
}
