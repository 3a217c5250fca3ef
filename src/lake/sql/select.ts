/**
 * Runs one SELECT on a locked DuckDB session: the catalog tables it names become views over their
 * Parquet files (partitions pruned by the WHERE), the result is materialised once and read back as
 * Athena prints values. Failures become QueryFailure with DuckDB's reason, object-store file paths
 * replaced by the objects' s3:// URIs.
 */
import type { ObjectStore } from '../../objects';
import { COMPACTION_MIN_FILES, type Compactor, type CopiesLease } from '../compaction';
import type { DataCatalog } from '../glue/catalog';
import type { StoredTable } from '../glue/types';
import type { DataFile } from '../locations';
import { cteNames, isBaseTable, parseSelect, rejectTableFunctions, tableRefOf, walk, type AstNode } from './ast';
import { LAKE_CATALOG, openLockedSession } from './duckdb-session';
import { prunePartitions, tableUses } from './partition-pruning';
import { QueryFailure } from './query-error';
import type { StatementResult } from './result';
import { createTableView, firstLine } from './table-views';
import { athenaTypeOf, textExpression } from './types';

export interface SelectContext {
  catalog: DataCatalog;
  objects: ObjectStore;
  database: string;
  signal?: AbortSignal;
  /** Reads compacted copies of small partitions and makes new ones. @default - every file read as it is */
  compactor?: Compactor;
}

export async function runSelect(sql: string, ctx: SelectContext): Promise<StatementResult> {
  const database = ctx.database.toLowerCase();
  const session = await openLockedSession({ allowedDirectory: ctx.objects.filesDirectory, schemas: [database, ...ctx.catalog.databaseNames()] });
  const { connection } = session;
  const onAbort = (): void => connection.interrupt();
  ctx.signal?.addEventListener('abort', onAbort);
  const files: DataFile[] = [];
  const toCompact: StoredTable[] = [];
  const leases: CopiesLease[] = [];
  try {
    const root = await parseSelect(connection, sql);
    rejectTableFunctions(root);
    const tables = referencedTables(root, ctx.catalog, database);
    let scratch = 0;
    for (const { table, matches } of tables) {
      const keyed = (table.PartitionKeys ?? []).length > 0;
      const partitions = keyed ? await prunePartitions(connection, table, ctx.catalog.partitions(table), tableUses(root, matches), `__keys_${scratch++}`) : undefined;
      // Held until the query is done: a compaction finishing meanwhile must not delete a copy it reads.
      const lease = keyed ? ctx.compactor?.lease(table) : undefined;
      if (lease) leases.push(lease);
      const copies = lease?.copies ?? [];
      const directFiles = await createTableView(connection, ctx.objects, table, { partitions, copies, read: (read) => files.push(...read) }, `__view_${scratch++}`);
      // Many small files read one by one are what compaction is for; it starts once this query is done.
      if (keyed && directFiles >= COMPACTION_MIN_FILES) toCompact.push(table);
    }
    if (ctx.signal?.aborted) throw new QueryFailure('Query was cancelled.');
    await connection.run(`CREATE TEMP TABLE __result AS ${stripSemicolons(sql)}`);
    const described = (await connection.runAndReadAll('DESCRIBE __result')).getRowObjectsJS() as { column_name: string; column_type: string }[];
    const columns = described.map((c) => ({ name: c.column_name, ...athenaTypeOf(c.column_type) }));
    const text = described.length === 0 ? [] : (await connection.runAndReadAll(`SELECT ${described.map((c) => textExpression(c.column_name, c.column_type)).join(', ')} FROM __result`)).getRows();
    const rows = text.map((row) => row.map((value) => (value === null ? null : String(value))));
    for (const table of toCompact) ctx.compactor?.schedule(table);
    return { statementType: 'DML', columns, rows, header: true, dataScannedBytes: files.reduce((sum, f) => sum + f.size, 0) };
  } catch (err) {
    if (err instanceof QueryFailure) throw new QueryFailure(withUris(err.message, files, ctx.objects.filesDirectory), err.category);
    if (ctx.signal?.aborted) throw new QueryFailure('Query was cancelled.');
    throw new QueryFailure(withUris(firstLine(err), files, ctx.objects.filesDirectory));
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
    session.close();
    for (const lease of leases) lease.release();
  }
}

interface ReferencedTable {
  table: StoredTable;
  matches: (ref: AstNode) => boolean;
}

/** The catalog tables a query reads, each once; a name that is neither a CTE nor in the catalog fails as Athena does. */
function referencedTables(root: AstNode, catalog: DataCatalog, database: string): ReferencedTable[] {
  const ctes = cteNames(root);
  const found = new Map<string, ReferencedTable>();
  for (const node of walk(root)) {
    if (!isBaseTable(node)) continue;
    const ref = tableRefOf(node);
    if (!ref.schema && ctes.has(ref.table.toLowerCase())) continue;
    if (ref.catalog && ref.catalog.toLowerCase() !== LAKE_CATALOG) throw new QueryFailure(`Catalog '${ref.catalog}' does not exist`);
    const schema = (ref.schema || database).toLowerCase();
    const key = `${schema}.${ref.table.toLowerCase()}`;
    if (found.has(key)) continue;
    if (!catalog.findDatabaseByName(schema)) throw new QueryFailure(`Schema '${schema}' does not exist`);
    const table = catalog.findTable(schema, ref.table);
    if (!table) throw new QueryFailure(`Table '${LAKE_CATALOG}.${key}' does not exist`);
    const matches = (candidate: AstNode): boolean => {
      const r = tableRefOf(candidate);
      return `${(r.schema || database).toLowerCase()}.${r.table.toLowerCase()}` === key && !(!r.schema && ctes.has(r.table.toLowerCase()));
    };
    found.set(key, { table, matches });
  }
  return [...found.values()];
}

function stripSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/** Object-store file paths in a message become the objects' URIs; no machine path leaves the lake. */
function withUris(message: string, files: readonly DataFile[], directory: string): string {
  let text = message;
  for (const file of files) text = text.split(file.path).join(file.uri);
  return text.split(directory).join('<objects>');
}
