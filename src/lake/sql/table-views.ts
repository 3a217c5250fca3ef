/**
 * A catalog table as DuckDB sees it during one query: a view over `read_parquet` of exactly the
 * files of its (pruned) partitions, read in place from the object store, each column cast to its
 * catalog type and the partition keys joined in from a small file → values table (the files' own
 * paths carry no `key=value`, since objects are stored by id). Partitions held unchanged in a
 * compacted copy are read from the copy instead, in a second branch of the view.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ObjectStore } from '../../objects';
import { fingerprint, keyColumn, type CompactedFile } from '../compaction';
import type { StoredPartition, StoredTable } from '../glue/types';
import { TableFiles, type DataFile } from '../locations';
import { LAKE_CATALOG } from './duckdb-session';
import { QueryFailure } from './query-error';
import { textTable } from './scratch-table';
import { duckTypeOf, quoteIdent, quoteString } from './types';

const FILE_COLUMN = '__lake_file';

interface ViewColumn {
  name: string;
  type: string;
}

export interface ViewSources {
  /** The table's partitions to read (pruned); undefined for a table without partition keys. */
  partitions: readonly StoredPartition[] | undefined;
  /** The table's compacted copies. */
  copies: readonly CompactedFile[];
  /** Receives the files the view reads before DuckDB opens any, so that errors can name them by URI. */
  read: (files: DataFile[]) => void;
}

/** Creates the view; returns how many of the table's own (uncompacted) files it reads. */
export async function createTableView(connection: DuckDBConnection, objects: ObjectStore, table: StoredTable, sources: ViewSources, scratch: string): Promise<number> {
  const name = `${table.DatabaseName}.${table.Name}`;
  const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => ({ name: c.Name.toLowerCase(), type: columnType(name, c.Name, c.Type) }));
  const keys = (table.PartitionKeys ?? []).map((c) => ({ name: c.Name.toLowerCase(), type: columnType(name, c.Name, c.Type) }));
  const direct: { file: DataFile; values: readonly string[] }[] = [];
  const fromCopies = new Map<CompactedFile, (readonly string[])[]>();
  const listing = new TableFiles(objects, table.StorageDescriptor?.Location ?? '');
  if (sources.partitions === undefined) {
    for (const file of listing.filesOf(table.StorageDescriptor?.Location ?? '', `Table ${name}`)) direct.push({ file, values: [] });
  } else {
    for (const partition of sources.partitions) {
      const owner = `Partition ${keys.map((k, i) => `${k.name}=${partition.Values[i]}`).join('/')} of table ${name}`;
      const location = partition.StorageDescriptor?.Location ?? '';
      const files = listing.filesOf(location, owner);
      if (files.length === 0) throw new QueryFailure(`${owner} has no data files under ${location}.`);
      const id = JSON.stringify(partition.Values);
      const copy = sources.copies.length === 0 ? undefined : sources.copies.find((c) => c.partitions.get(id) === fingerprint(files));
      if (copy) fromCopies.set(copy, [...(fromCopies.get(copy) ?? []), partition.Values]);
      else for (const file of files) direct.push({ file, values: partition.Values });
    }
  }
  sources.read([...direct.map((d) => d.file), ...[...fromCopies.keys()].map((c) => c.file)]);
  const branches: string[] = [];
  if (direct.length > 0) branches.push(await directBranch(connection, columns, keys, direct, `${scratch}_files`));
  let n = 0;
  for (const [copy, values] of fromCopies) branches.push(await copyBranch(connection, columns, keys, copy, values, `${scratch}_copy${n++}`));
  const body = branches.length > 0 ? branches.join(' UNION ALL ') : `SELECT ${[...columns, ...keys].map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ')} WHERE false`;
  try {
    await connection.run(`CREATE VIEW ${LAKE_CATALOG}.${quoteIdent(table.DatabaseName)}.${quoteIdent(table.Name)} AS ${body}`);
  } catch (err) {
    throw new QueryFailure(`Table ${name} does not match its Parquet files: ${firstLine(err)}`);
  }
  return direct.length;
}

async function directBranch(connection: DuckDBConnection, columns: ViewColumn[], keys: ViewColumn[], direct: { file: DataFile; values: readonly string[] }[], scratch: string): Promise<string> {
  const casts = columns.map((c) => `CAST(d.${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`);
  const paths = direct.map((d) => quoteString(d.file.path)).join(', ');
  if (keys.length === 0) return `SELECT ${casts.join(', ')} FROM read_parquet([${paths}], binary_as_string = true) d`;
  const map = await textTable(connection, scratch, [FILE_COLUMN, ...keys.map((k) => k.name)], direct.map(({ file, values }) => [file.path, ...keys.map((_, i) => values[i] ?? '')]));
  const keyColumns = keys.map((k) => `TRY_CAST(f.${quoteIdent(k.name)} AS ${k.type}) AS ${quoteIdent(k.name)}`);
  return `SELECT ${[...casts, ...keyColumns].join(', ')} FROM read_parquet([${paths}], binary_as_string = true, filename = '${FILE_COLUMN}') d JOIN ${map} f ON d.${FILE_COLUMN} = f.${FILE_COLUMN}`;
}

/** The partitions read from a compacted copy; filtered to `values` unless the query wants all it holds. */
async function copyBranch(connection: DuckDBConnection, columns: ViewColumn[], keys: ViewColumn[], copy: CompactedFile, values: (readonly string[])[], scratch: string): Promise<string> {
  const casts = columns.map((c) => `CAST(d.${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`);
  const keyColumns = keys.map((k, i) => `TRY_CAST(d.${keyColumn(i)} AS ${k.type}) AS ${quoteIdent(k.name)}`);
  const select = `SELECT ${[...casts, ...keyColumns].join(', ')} FROM read_parquet(${quoteString(copy.file.path)}, binary_as_string = true) d`;
  if (values.length === copy.partitions.size) return select;
  const joined = keys.map((_, i) => `d.${keyColumn(i)}`).join(" || chr(1) || ");
  const wanted = await textTable(connection, scratch, ['v'], values.map((v) => [v.join('\u0001')]));
  return `${select} WHERE ${joined} IN (SELECT v FROM ${wanted})`;
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
