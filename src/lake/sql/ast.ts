/**
 * DuckDB's own parser, through `json_serialize_sql`: one SELECT statement becomes a JSON tree the
 * lake inspects (which catalog tables it reads, what its WHERE says about partition keys) before
 * running it. Anything that is not a single SELECT is refused here, before DuckDB runs a thing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { QueryFailure } from './query-error';

export type AstNode = { [key: string]: unknown };

export interface TableRef {
  catalog: string;
  schema: string;
  table: string;
}

export async function parseSelect(connection: DuckDBConnection, sql: string): Promise<AstNode> {
  const reply = await scalar(connection, 'SELECT json_serialize_sql($1::VARCHAR)', sql);
  const parsed = JSON.parse(reply) as { error: boolean; error_type?: string; error_message?: string; position?: string; statements?: AstNode[] };
  if (parsed.error) {
    if (parsed.error_type === 'not implemented') {
      throw new QueryFailure('Only SELECT queries and the DDL the local lake implements (CREATE EXTERNAL TABLE, ALTER TABLE ADD/DROP PARTITION, MSCK REPAIR TABLE, SHOW PARTITIONS, SHOW TABLES, DROP TABLE, CREATE DATABASE) are accepted; this statement is neither.');
    }
    const position = parsed.position === undefined ? '' : `line 1:${Number(parsed.position) + 1}: `;
    throw new QueryFailure(`${position}${parsed.error_message ?? 'syntax error'}`);
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) throw new QueryFailure(`Only one sql statement is allowed. Got: ${statements.length}`);
  return statements[0]!;
}

export async function scalar(connection: DuckDBConnection, sql: string, argument: string): Promise<string> {
  const prepared = await connection.prepare(sql);
  prepared.bindVarchar(1, argument);
  const reader = await prepared.runAndReadAll();
  return String(reader.getRows()[0]![0]);
}

/** Every object node of the tree, depth first. */
export function* walk(node: unknown): Generator<AstNode> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
  } else if (node !== null && typeof node === 'object') {
    yield node as AstNode;
    for (const value of Object.values(node)) yield* walk(value);
  }
}

/** The names common table expressions define anywhere in the tree: references to them are not catalog tables. */
export function cteNames(root: AstNode): Set<string> {
  const names = new Set<string>();
  for (const node of walk(root)) {
    const map = (node.cte_map as { map?: { key: string }[] } | undefined)?.map;
    for (const entry of map ?? []) names.add(entry.key.toLowerCase());
  }
  return names;
}

export function isBaseTable(node: AstNode): boolean {
  return node.type === 'BASE_TABLE' && typeof node.table_name === 'string';
}

export function tableRefOf(node: AstNode): TableRef {
  return { catalog: String(node.catalog_name ?? ''), schema: String(node.schema_name ?? ''), table: String(node.table_name) };
}

/** DuckDB's functions that describe the machine (its settings, among them the lake's directory). */
const MACHINE_FUNCTIONS = new Set(['current_setting', 'getenv']);

/** Table functions (`read_csv`, `read_parquet`, `glob` …) are DuckDB's, not Athena SQL: a query names catalog tables only. */
export function rejectTableFunctions(root: AstNode): void {
  for (const node of walk(root)) {
    if (node.class === 'FUNCTION' && MACHINE_FUNCTIONS.has(String(node.function_name).toLowerCase())) {
      throw new QueryFailure(`Function ${String(node.function_name)} is not available.`);
    }
    if (node.type === 'TABLE_FUNCTION') {
      const fn = (node.function as AstNode | undefined)?.function_name;
      throw new QueryFailure(`Function ${String(fn ?? 'in FROM')} is not available: queries read catalog tables only.`);
    }
  }
}

/** The AND-ed parts of a WHERE clause. */
export function conjuncts(expression: AstNode | null | undefined): AstNode[] {
  if (!expression) return [];
  if (expression.class === 'CONJUNCTION' && expression.type === 'CONJUNCTION_AND') return (expression.children as AstNode[]).flatMap(conjuncts);
  return [expression];
}
