/**
 * A catalog table as DuckDB sees it during one query: a view over `read_parquet` of exactly the
 * files of its (pruned) partitions, read in place from the object store, each column cast to its
 * catalog type and the partition keys joined in from a small file → values table (the files' own
 * paths carry no `key=value`, since objects are stored by id).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ObjectStore } from '../../objects';
import type { StoredPartition, StoredTable } from '../glue/types';
import { dataFiles, type DataFile } from '../locations';
import { LAKE_CATALOG } from './duckdb-session';
import { QueryFailure } from './query-error';
import { duckTypeOf, quoteIdent, quoteString } from './types';

const FILE_COLUMN = '__lake_file';

/** `read` receives the table's files before DuckDB opens any, so that errors can name them by URI. */
export async function createTableView(connection: DuckDBConnection, objects: ObjectStore, table: StoredTable, partitions: StoredPartition[] | undefined, scratch: string, read: (files: DataFile[]) => void): Promise<void> {
  const name = `${table.DatabaseName}.${table.Name}`;
  const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => ({ name: c.Name.toLowerCase(), type: columnType(name, c.Name, c.Type) }));
  const keys = (table.PartitionKeys ?? []).map((c) => ({ name: c.Name.toLowerCase(), type: columnType(name, c.Name, c.Type) }));
  const target = `${LAKE_CATALOG}.${quoteIdent(table.DatabaseName)}.${quoteIdent(table.Name)}`;
  const fileValues: { file: DataFile; values: readonly string[] }[] = [];
  if (partitions === undefined) {
    for (const file of dataFiles(objects, table.StorageDescriptor?.Location ?? '', `Table ${name}`)) fileValues.push({ file, values: [] });
  } else {
    for (const partition of partitions) {
      const owner = `Partition ${keys.map((k, i) => `${k.name}=${partition.Values[i]}`).join('/')} of table ${name}`;
      const location = partition.StorageDescriptor?.Location ?? '';
      const files = dataFiles(objects, location, owner);
      if (files.length === 0) throw new QueryFailure(`${owner} has no data files under ${location}.`);
      for (const file of files) fileValues.push({ file, values: partition.Values });
    }
  }
  const files = fileValues.map((f) => f.file);
  read(files);
  const casts = columns.map((c) => `CAST(d.${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`);
  let body: string;
  if (files.length === 0) {
    body = `SELECT ${[...columns, ...keys].map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ')} WHERE false`;
  } else if (keys.length === 0) {
    body = `SELECT ${casts.join(', ')} FROM read_parquet([${files.map((f) => quoteString(f.path)).join(', ')}], binary_as_string = true) d`;
  } else {
    await connection.run(`CREATE TABLE ${scratch} (${FILE_COLUMN} VARCHAR, ${keys.map((k) => `${quoteIdent(k.name)} ${k.type}`).join(', ')})`);
    const rows = fileValues.map(({ file, values }) => `(${quoteString(file.path)}, ${keys.map((k, i) => `TRY_CAST(${quoteString(values[i] ?? '')} AS ${k.type})`).join(', ')})`);
    await connection.run(`INSERT INTO ${scratch} VALUES ${rows.join(', ')}`);
    const keyColumns = keys.map((k) => `f.${quoteIdent(k.name)}`);
    body = `SELECT ${[...casts, ...keyColumns].join(', ')} FROM read_parquet([${files.map((f) => quoteString(f.path)).join(', ')}], binary_as_string = true, filename = '${FILE_COLUMN}') d JOIN ${scratch} f ON d.${FILE_COLUMN} = f.${FILE_COLUMN}`;
  }
  try {
    await connection.run(`CREATE VIEW ${target} AS ${body}`);
  } catch (err) {
    throw new QueryFailure(`Table ${name} does not match its Parquet files: ${firstLine(err)}`);
  }
}

function columnType(table: string, column: string, type: string | undefined): string {
  const duck = duckTypeOf(type ?? '');
  if (!duck) throw new QueryFailure(`Column ${column} of table ${table} has a type the local lake cannot read: ${type ?? 'none'}.`);
  return duck;
}

export function firstLine(err: unknown): string {
  // DuckDB's errors may come from another realm (jest), so `instanceof Error` is not a test.
  const message = typeof (err as { message?: unknown })?.message === 'string' ? (err as { message: string }).message : String(err);
  return message.split('\n')[0]!.trim();
}
