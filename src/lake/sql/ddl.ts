/**
 * Runs the lake's DDL against the catalog: the same effect Athena's DDL has on the Glue Data Catalog.
 * MSCK REPAIR TABLE walks the table's location for `key=value/…` prefixes in partition-key order and
 * adds the partitions the catalog lacks.
 */
import type { ObjectStore } from '../../objects';
import { COMPACTION_MIN_FILES, type Compactor } from '../compaction';
import type { DataCatalog } from '../glue/catalog';
import { GlueError } from '../glue/errors';
import { PARQUET_FORMAT, type StoredTable } from '../glue/types';
import { listLocation, parseS3Location } from '../locations';
import type { DdlCommand, PartitionClause, TableName } from './ddl-parser';
import { QueryFailure } from './query-error';
import { ddlResult, type StatementResult } from './result';
import { duckTypeOf } from './types';

export interface DdlContext {
  catalog: DataCatalog;
  objects: ObjectStore;
  /** The query's database context. */
  database: string;
  /** Told of tables that now have many partitions, to compact them in the background. */
  compactor?: Compactor;
}

export function runDdl(command: DdlCommand, ctx: DdlContext): StatementResult {
  try {
    return run(command, ctx);
  } catch (err) {
    if (err instanceof GlueError) throw new QueryFailure(err.message);
    throw err;
  }
}

function run(command: DdlCommand, ctx: DdlContext): StatementResult {
  switch (command.kind) {
    case 'createDatabase':
      if (command.ifNotExists && ctx.catalog.findDatabaseByName(command.name)) return ddlResult();
      ctx.catalog.createDatabase({ DatabaseInput: { Name: command.name, ...(command.comment ? { Description: command.comment } : {}), ...(command.location ? { LocationUri: command.location } : {}) } });
      return ddlResult();
    case 'createTable':
      return createTable(command, ctx);
    case 'dropTable': {
      const database = databaseOf(command.table, ctx);
      if (command.ifExists && !ctx.catalog.findTable(database, command.table.name)) return ddlResult();
      ctx.catalog.dropTable(database, command.table.name);
      return ddlResult();
    }
    case 'addPartitions':
      return compactAfter(table(command.table, ctx), ctx, addPartitions(table(command.table, ctx), command.partitions, command.ifNotExists, ctx));
    case 'dropPartitions': {
      const target = table(command.table, ctx);
      const result = ctx.catalog.batchDeletePartition({ DatabaseName: target.DatabaseName, TableName: target.Name, PartitionsToDelete: command.partitions.map((p) => ({ Values: partitionValues(target, p) })) });
      if (result.Errors.length > 0 && !command.ifExists) throw new QueryFailure(`Partition ${partitionName(target, result.Errors[0]!.PartitionValues)} of table ${target.DatabaseName}.${target.Name} does not exist.`);
      return ddlResult();
    }
    case 'repairTable':
      return compactAfter(table(command.table, ctx), ctx, repairTable(table(command.table, ctx), ctx));
    case 'showPartitions': {
      const target = table(command.table, ctx);
      if ((target.PartitionKeys ?? []).length === 0) throw new QueryFailure(`Table ${target.DatabaseName}.${target.Name} is not partitioned.`);
      return ddlResult(ctx.catalog.partitions(target).map((p) => partitionName(target, p.Values)), 'partition');
    }
    case 'showTables':
      return ddlResult(ctx.catalog.tables(ctx.catalog.database((command.database ?? ctx.database).toLowerCase()).Name).map((t) => t.Name), 'tab_name');
  }
}

function createTable(command: Extract<DdlCommand, { kind: 'createTable' }>, ctx: DdlContext): StatementResult {
  const database = databaseOf(command.table, ctx);
  if (command.ifNotExists && ctx.catalog.findTable(database, command.table.name)) return ddlResult();
  for (const column of [...command.columns, ...command.partitionKeys]) {
    if (!duckTypeOf(column.type)) throw new QueryFailure(`Column ${column.name} of table ${command.table.name} has a type the local lake cannot read: ${column.type}.`);
  }
  if (!parseS3Location(command.location)) throw new QueryFailure(`LOCATION of table ${command.table.name} must be an s3:// URI, got '${command.location}'.`);
  const column = (c: { name: string; type: string; comment?: string }) => ({ Name: c.name, Type: c.type, ...(c.comment ? { Comment: c.comment } : {}) });
  ctx.catalog.createTableFrom(database, {
    Name: command.table.name,
    ...(command.comment ? { Description: command.comment } : {}),
    TableType: 'EXTERNAL_TABLE',
    Parameters: { EXTERNAL: 'TRUE', ...command.properties },
    PartitionKeys: command.partitionKeys.map(column),
    StorageDescriptor: { Columns: command.columns.map(column), Location: command.location, ...PARQUET_FORMAT, Compressed: false, NumberOfBuckets: -1, StoredAsSubDirectories: false },
  });
  return ddlResult();
}

function addPartitions(target: StoredTable, clauses: readonly PartitionClause[], ifNotExists: boolean, ctx: DdlContext): StatementResult {
  const inputs = clauses.map((clause) => {
    const values = partitionValues(target, clause);
    return { Values: values, StorageDescriptor: { ...target.StorageDescriptor, Location: clause.location ?? defaultLocation(target, values) } };
  });
  const errors = ctx.catalog.addPartitions(target, inputs, ifNotExists);
  if (errors.length > 0) throw new QueryFailure(`Partition ${partitionName(target, errors[0]!.PartitionValues)} of table ${target.DatabaseName}.${target.Name}: ${errors[0]!.ErrorDetail.ErrorMessage}`);
  return ddlResult();
}

function repairTable(target: StoredTable, ctx: DdlContext): StatementResult {
  const keys = (target.PartitionKeys ?? []).map((k) => k.Name.toLowerCase());
  if (keys.length === 0) return ddlResult();
  const root = parseS3Location(target.StorageDescriptor?.Location ?? '');
  if (!root) throw new QueryFailure(`Table ${target.DatabaseName}.${target.Name} has no valid S3 location.`);
  let objects: { key: string }[];
  try {
    objects = listLocation(ctx.objects, root);
  } catch {
    throw new QueryFailure(`Table ${target.DatabaseName}.${target.Name}: the bucket of ${target.StorageDescriptor?.Location} does not exist.`);
  }
  const known = new Set(ctx.catalog.partitions(target).map((p) => JSON.stringify(p.Values)));
  const found = new Map<string, string[]>();
  for (const { key } of objects) {
    const segments = key.slice(root.prefix.length).split('/').slice(0, keys.length);
    const values = segments.map((segment, i) => (segment.toLowerCase().startsWith(`${keys[i]}=`) ? decodeURIComponent(segment.slice(keys[i]!.length + 1)) : undefined));
    if (values.length !== keys.length || values.some((v) => v === undefined)) continue;
    const id = JSON.stringify(values);
    if (!known.has(id)) found.set(id, values as string[]);
  }
  const added = [...found.values()];
  const inputs = added.map((values) => ({ Values: values, StorageDescriptor: { ...target.StorageDescriptor, Location: defaultLocation(target, values) } }));
  ctx.catalog.addPartitions(target, inputs, true);
  const names = added.map((values) => partitionName(target, values));
  return ddlResult(names.length === 0 ? [] : [`Partitions not in metastore:\t${names.map((n) => `${target.Name}:${n}`).join('\t')}`, ...names.map((n) => `Repair: Added partition to metastore ${target.Name}:${n}`)]);
}

/** Compaction is maintenance after writes, as lakes run it: a table with many partitions gets it once they are registered. */
function compactAfter(target: StoredTable, ctx: DdlContext, result: StatementResult): StatementResult {
  if (ctx.compactor && ctx.catalog.partitions(target).length >= COMPACTION_MIN_FILES) ctx.compactor.schedule(target);
  return result;
}

function partitionValues(target: StoredTable, clause: PartitionClause): string[] {
  const keys = (target.PartitionKeys ?? []).map((k) => k.Name.toLowerCase());
  const given = Object.keys(clause.values);
  const unknown = given.find((key) => !keys.includes(key));
  if (unknown) throw new QueryFailure(`'${unknown}' is not a partition key of table ${target.DatabaseName}.${target.Name} (its keys: ${keys.join(', ') || 'none'}).`);
  const missing = keys.find((key) => !(key in clause.values));
  if (missing) throw new QueryFailure(`The partition of table ${target.DatabaseName}.${target.Name} needs a value for key '${missing}'.`);
  return keys.map((key) => clause.values[key]!);
}

function partitionName(target: StoredTable, values: readonly string[]): string {
  return (target.PartitionKeys ?? []).map((key, i) => `${key.Name}=${values[i]}`).join('/');
}

function defaultLocation(target: StoredTable, values: readonly string[]): string {
  const base = target.StorageDescriptor?.Location ?? '';
  return `${base.endsWith('/') ? base : `${base}/`}${partitionName(target, values)}/`;
}

function databaseOf(name: TableName, ctx: DdlContext): string {
  return ctx.catalog.database((name.database ?? ctx.database).toLowerCase()).Name;
}

function table(name: TableName, ctx: DdlContext): StoredTable {
  return ctx.catalog.table(databaseOf(name, ctx), name.name);
}
