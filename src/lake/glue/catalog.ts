/**
 * The local Glue Data Catalog: databases, tables and partitions in `lake.db`, answered in the Glue
 * API's request and response shapes. Names are kept lower-case, as Glue does. Partition values are
 * a partition's identity (their JSON array is the row key), so adding the same values twice is
 * AlreadyExistsException, and batch calls report per-entry errors instead of failing whole.
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-catalog.html
 */
import type { LakeDb } from '../database';
import { compilePartitionExpression } from './partition-expression';
import { GlueError, databaseNotFound, invalidInput, missingMember, partitionNotFound, tableNotFound } from './errors';
import { paginate } from './pagination';
import type { DatabaseInput, PartitionInput, StoredDatabase, StoredPartition, StoredTable, TableInput } from './types';

type Request = Record<string, unknown>;
/** A per-entry failure of a batch call, as Glue reports it. */
export interface PartitionError {
  PartitionValues: string[];
  ErrorDetail: { ErrorCode: string; ErrorMessage: string };
}

export class DataCatalog {
  /**
   * Every table's partitions as last read, parsed: a query reads them all to prune, and parsing
   * thousands of stored bodies per query made a lake of a few years' days slow. This object is the
   * only writer of its lake.db, so every write below forgets what it may have changed.
   */
  private readonly partitionCache = new Map<string, readonly StoredPartition[]>();

  constructor(
    private readonly db: LakeDb,
    private readonly now: () => number = Date.now,
  ) {}

  // ── databases ────────────────────────────────────────────────────────────

  createDatabase(request: Request): Record<string, never> {
    const input = required<DatabaseInput>(request, 'DatabaseInput');
    const name = nameOf(input.Name, 'databaseInput.name');
    if (this.findDatabase(name)) throw new GlueError('AlreadyExistsException', 'Database already exists.');
    const stored: StoredDatabase = { ...input, Name: name, CreateTime: this.now() };
    this.db.prepare('INSERT INTO glue_databases (name, body) VALUES (?, ?)').run(name, JSON.stringify(stored));
    return {};
  }

  getDatabase(request: Request): { Database: Record<string, unknown> } {
    return { Database: databaseOutput(this.database(nameOf(request.Name, 'name'))) };
  }

  getDatabases(request: Request): { DatabaseList: Record<string, unknown>[]; NextToken?: string } {
    const rows = this.db.prepare('SELECT body FROM glue_databases ORDER BY name').all() as { body: string }[];
    const page = paginate(rows, request.MaxResults, request.NextToken, 100);
    return { DatabaseList: page.items.map((row) => databaseOutput(JSON.parse(row.body))), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  deleteDatabase(request: Request): Record<string, never> {
    const name = nameOf(request.Name, 'name');
    this.database(name);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM glue_partitions WHERE database = ?').run(name);
      this.partitionCache.clear();
      this.db.prepare('DELETE FROM glue_tables WHERE database = ?').run(name);
      this.db.prepare('DELETE FROM glue_databases WHERE name = ?').run(name);
    })();
    return {};
  }

  // ── tables ───────────────────────────────────────────────────────────────

  createTable(request: Request): Record<string, never> {
    const database = this.database(nameOf(request.DatabaseName, 'databaseName')).Name;
    const input = required<TableInput>(request, 'TableInput');
    const name = nameOf(input.Name, 'tableInput.name');
    if (this.findTable(database, name)) throw new GlueError('AlreadyExistsException', 'Table already exists.');
    const time = this.now();
    this.putTable({ ...checkedTable(input), Name: name, DatabaseName: database, CreateTime: time, UpdateTime: time });
    return {};
  }

  updateTable(request: Request): Record<string, never> {
    const database = nameOf(request.DatabaseName, 'databaseName');
    const input = required<TableInput>(request, 'TableInput');
    const existing = this.table(database, nameOf(input.Name, 'tableInput.name'));
    this.putTable({ ...checkedTable(input), Name: existing.Name, DatabaseName: database, CreateTime: existing.CreateTime, UpdateTime: this.now() });
    return {};
  }

  getTable(request: Request): { Table: Record<string, unknown> } {
    return { Table: tableOutput(this.table(nameOf(request.DatabaseName, 'databaseName'), nameOf(request.Name, 'name'))) };
  }

  getTables(request: Request): { TableList: Record<string, unknown>[]; NextToken?: string } {
    const database = this.database(nameOf(request.DatabaseName, 'databaseName')).Name;
    const pattern = typeof request.Expression === 'string' ? globRegex(request.Expression) : undefined;
    const tables = this.tables(database).filter((table) => !pattern || pattern.test(table.Name));
    const page = paginate(tables, request.MaxResults, request.NextToken, 100);
    return { TableList: page.items.map(tableOutput), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  deleteTable(request: Request): Record<string, never> {
    const database = nameOf(request.DatabaseName, 'databaseName');
    const name = nameOf(request.Name, 'name');
    this.table(database, name);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM glue_partitions WHERE database = ? AND table_name = ?').run(database, name);
      this.partitionCache.clear();
      this.db.prepare('DELETE FROM glue_tables WHERE database = ? AND name = ?').run(database, name);
    })();
    return {};
  }

  // ── partitions ───────────────────────────────────────────────────────────

  createPartition(request: Request): Record<string, never> {
    const table = this.requestTable(request);
    const error = this.insertPartition(table, required<PartitionInput>(request, 'PartitionInput'));
    if (error) throw new GlueError(error.ErrorDetail.ErrorCode as 'AlreadyExistsException', error.ErrorDetail.ErrorMessage);
    return {};
  }

  batchCreatePartition(request: Request): { Errors: PartitionError[] } {
    const table = this.requestTable(request);
    const inputs = requiredList<PartitionInput>(request, 'PartitionInputList', 100);
    const errors = this.db.transaction(() => inputs.map((input) => this.insertPartition(table, input)))();
    return { Errors: errors.filter((error): error is PartitionError => error !== undefined) };
  }

  getPartition(request: Request): { Partition: Record<string, unknown> } {
    const table = this.requestTable(request);
    const values = valuesOf(request.PartitionValues, 'partitionValues');
    const partition = this.findPartition(table, values);
    if (!partition) throw partitionNotFound();
    return { Partition: partitionOutput(partition) };
  }

  getPartitions(request: Request): { Partitions: Record<string, unknown>[]; NextToken?: string } {
    const table = this.requestTable(request);
    const partitions = typeof request.Expression === 'string' && request.Expression.trim() !== '' ? this.selectPartitions(table, request.Expression) : this.partitions(table);
    const page = paginate(partitions, request.MaxResults, request.NextToken, 1000);
    return { Partitions: page.items.map(partitionOutput), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  batchGetPartition(request: Request): { Partitions: Record<string, unknown>[]; UnprocessedKeys: unknown[] } {
    const table = this.requestTable(request);
    const wanted = requiredList<{ Values: unknown }>(request, 'PartitionsToGet', 1000);
    const found = wanted.map((entry) => this.findPartition(table, valuesOf(entry.Values, 'partitionsToGet.values')));
    return { Partitions: found.filter((p): p is StoredPartition => p !== undefined).map(partitionOutput), UnprocessedKeys: [] };
  }

  deletePartition(request: Request): Record<string, never> {
    const table = this.requestTable(request);
    const values = valuesOf(request.PartitionValues, 'partitionValues');
    if (!this.removePartition(table, values)) throw partitionNotFound();
    return {};
  }

  batchDeletePartition(request: Request): { Errors: PartitionError[] } {
    const table = this.requestTable(request);
    const entries = requiredList<{ Values: unknown }>(request, 'PartitionsToDelete', 25);
    const errors = entries.flatMap((entry) => {
      const values = valuesOf(entry.Values, 'partitionsToDelete.values');
      return this.removePartition(table, values) ? [] : [entryError(values, partitionNotFound())];
    });
    return { Errors: errors };
  }

  // ── for the lake's SQL ───────────────────────────────────────────────────

  database(name: string): StoredDatabase {
    const found = this.findDatabase(name);
    if (!found) throw databaseNotFound(name);
    return found;
  }

  table(database: string, name: string): StoredTable {
    this.database(database);
    const found = this.findTable(database, name.toLowerCase());
    if (!found) throw tableNotFound(name.toLowerCase());
    return found;
  }

  findTable(database: string, name: string): StoredTable | undefined {
    const row = this.db.prepare('SELECT body FROM glue_tables WHERE database = ? AND name = ?').get(database.toLowerCase(), name.toLowerCase()) as { body: string } | undefined;
    return row ? JSON.parse(row.body) : undefined;
  }

  tables(database: string): StoredTable[] {
    const rows = this.db.prepare('SELECT body FROM glue_tables WHERE database = ? ORDER BY name').all(database) as { body: string }[];
    return rows.map((row) => JSON.parse(row.body));
  }

  /** Every partition of a table, ordered by values (shared: callers read them, never change them). */
  partitions(table: StoredTable): readonly StoredPartition[] {
    const key = JSON.stringify([table.DatabaseName, table.Name]);
    let partitions = this.partitionCache.get(key);
    if (!partitions) {
      const rows = this.db.prepare('SELECT body FROM glue_partitions WHERE database = ? AND table_name = ? ORDER BY values_key').all(table.DatabaseName, table.Name) as { body: string }[];
      partitions = rows.map((row) => JSON.parse(row.body) as StoredPartition);
      this.partitionCache.set(key, partitions);
    }
    return partitions;
  }

  /** The partitions an Expression selects: filters the values before parsing any stored body. */
  selectPartitions(table: StoredTable, expression: string): StoredPartition[] {
    const predicate = compilePartitionExpression(expression, table.PartitionKeys ?? []);
    // Only the values are read for every partition; bodies only for those selected. Both statement
    // texts are used nowhere else, as the statement cache requires of pluck mode.
    const keys = this.db.prepare('SELECT values_key FROM glue_partitions WHERE database = ? AND table_name = ? ORDER BY values_key').pluck().all(table.DatabaseName, table.Name) as string[];
    const body = this.db.prepare('SELECT body AS selected_body FROM glue_partitions WHERE database = ? AND table_name = ? AND values_key = ?').pluck();
    return keys.filter((key) => predicate(JSON.parse(key))).map((key) => JSON.parse(body.get(table.DatabaseName, table.Name, key) as string));
  }

  /** Adds partitions in one transaction; with `ifNotExists` an existing one is left as it is. */
  addPartitions(table: StoredTable, inputs: readonly PartitionInput[], ifNotExists: boolean): PartitionError[] {
    const errors = this.db.transaction(() => inputs.map((input) => this.insertPartition(table, input)))();
    return errors.filter((error): error is PartitionError => error !== undefined && !(ifNotExists && error.ErrorDetail.ErrorCode === 'AlreadyExistsException'));
  }

  dropTable(database: string, name: string): void {
    this.deleteTable({ DatabaseName: database, Name: name });
  }

  createTableFrom(database: string, input: TableInput): void {
    this.createTable({ DatabaseName: database, TableInput: input });
  }

  // ── internals ────────────────────────────────────────────────────────────

  private requestTable(request: Request): StoredTable {
    return this.table(nameOf(request.DatabaseName, 'databaseName'), nameOf(request.TableName, 'tableName'));
  }

  databaseNames(): string[] {
    return (this.db.prepare('SELECT name FROM glue_databases ORDER BY name').all() as { name: string }[]).map((row) => row.name);
  }

  findDatabaseByName(name: string): StoredDatabase | undefined {
    return this.findDatabase(name);
  }

  private findDatabase(name: string): StoredDatabase | undefined {
    const row = this.db.prepare('SELECT body FROM glue_databases WHERE name = ?').get(name.toLowerCase()) as { body: string } | undefined;
    return row ? JSON.parse(row.body) : undefined;
  }

  private putTable(table: StoredTable): void {
    this.db.prepare('INSERT OR REPLACE INTO glue_tables (database, name, body) VALUES (?, ?, ?)').run(table.DatabaseName, table.Name, JSON.stringify(table));
  }

  private findPartition(table: StoredTable, values: string[]): StoredPartition | undefined {
    const row = this.db.prepare('SELECT body FROM glue_partitions WHERE database = ? AND table_name = ? AND values_key = ?').get(table.DatabaseName, table.Name, JSON.stringify(values)) as { body: string } | undefined;
    return row ? JSON.parse(row.body) : undefined;
  }

  private insertPartition(table: StoredTable, input: PartitionInput): PartitionError | undefined {
    const values = valuesOf(input?.Values, 'partitionInput.values');
    const keys = table.PartitionKeys ?? [];
    if (values.length !== keys.length) {
      return entryError(values, invalidInput(`The number of partition keys do not match the number of partition values. Table ${table.Name} has ${keys.length} partition keys, got ${values.length} values.`));
    }
    if (this.findPartition(table, values)) return entryError(values, new GlueError('AlreadyExistsException', 'Partition already exists.'));
    const stored: StoredPartition = { ...input, Values: values, DatabaseName: table.DatabaseName, TableName: table.Name, CreationTime: this.now() };
    this.db.prepare('INSERT INTO glue_partitions (database, table_name, values_key, body) VALUES (?, ?, ?, ?)').run(table.DatabaseName, table.Name, JSON.stringify(values), JSON.stringify(stored));
    this.partitionCache.clear();
    return undefined;
  }

  private removePartition(table: StoredTable, values: string[]): boolean {
    this.partitionCache.clear();
    return this.db.prepare('DELETE FROM glue_partitions WHERE database = ? AND table_name = ? AND values_key = ?').run(table.DatabaseName, table.Name, JSON.stringify(values)).changes > 0;
  }
}

function required<T>(request: Request, member: string): T {
  const value = request[member];
  if (value === undefined || value === null) throw missingMember(lowerFirst(member));
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput(`${member} must be a structure.`);
  return value as T;
}

function requiredList<T>(request: Request, member: string, max: number): T[] {
  const value = request[member];
  if (value === undefined || value === null) throw missingMember(lowerFirst(member));
  if (!Array.isArray(value)) throw invalidInput(`${member} must be a list.`);
  if (value.length > max) throw invalidInput(`1 validation error detected: Value at '${lowerFirst(member)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  return value as T[];
}

function nameOf(value: unknown, member: string): string {
  if (value === undefined || value === null) throw missingMember(member);
  if (typeof value !== 'string' || value.length < 1 || value.length > 255) {
    throw invalidInput(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must have length between 1 and 255`);
  }
  return value.toLowerCase();
}

function valuesOf(value: unknown, member: string): string[] {
  if (value === undefined || value === null) throw missingMember(member);
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalidInput(`${member} must be a list of strings.`);
  return value as string[];
}

function checkedTable(input: TableInput): TableInput {
  for (const column of [...(input.StorageDescriptor?.Columns ?? []), ...(input.PartitionKeys ?? [])]) {
    if (typeof column?.Name !== 'string' || column.Name === '') throw missingMember('tableInput.storageDescriptor.columns.member.name');
  }
  const columns = [...(input.StorageDescriptor?.Columns ?? []), ...(input.PartitionKeys ?? [])].map((c) => c.Name.toLowerCase());
  const duplicate = columns.find((name, index) => columns.indexOf(name) !== index);
  if (duplicate) throw invalidInput(`Column ${duplicate} is declared more than once in table ${input.Name}.`);
  return { ...input, TableType: input.TableType ?? 'EXTERNAL_TABLE', PartitionKeys: input.PartitionKeys ?? [] };
}

function entryError(values: string[], error: GlueError): PartitionError {
  return { PartitionValues: values, ErrorDetail: { ErrorCode: error.code, ErrorMessage: error.message } };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** GetTables' Expression: a regular expression in which `*` matches anything, as Glue documents. */
function globRegex(expression: string): RegExp {
  try {
    return new RegExp(`^(?:${expression.replace(/\*/g, '.*')})$`, 'i');
  } catch {
    throw invalidInput(`Invalid expression '${expression}'.`);
  }
}

const date = (ms: number): Date => new Date(ms);

function databaseOutput(db: StoredDatabase): Record<string, unknown> {
  return { ...db, CreateTime: date(db.CreateTime), CatalogId: '000000000000' };
}

function tableOutput(table: StoredTable): Record<string, unknown> {
  return { ...table, CreateTime: date(table.CreateTime), UpdateTime: date(table.UpdateTime), CatalogId: '000000000000', IsRegisteredWithLakeFormation: false };
}

function partitionOutput(partition: StoredPartition): Record<string, unknown> {
  return { ...partition, CreationTime: date(partition.CreationTime), CatalogId: '000000000000' };
}
