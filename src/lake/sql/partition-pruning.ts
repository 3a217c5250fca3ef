/**
 * Which partitions a query can need: the parts of its WHERE that only compare partition keys are
 * evaluated by DuckDB over a small table of the partitions' values, so a query for one day lists
 * and opens one day's files. A table read anywhere without such a filter (a join, a subquery) gets
 * every partition: pruning never changes a result, it only skips files that cannot match.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { StoredPartition, StoredTable } from '../glue/types';
import { conjuncts, isBaseTable, scalar, walk, type AstNode } from './ast';
import { textTable } from './scratch-table';
import { duckTypeOf, quoteIdent } from './types';

/** Where a table is read in a query: the SELECT nodes reading it straight from FROM, and how many references there are in all. */
export interface TableUse {
  direct: { alias: string; where: AstNode | null }[];
  references: number;
}

export function tableUses(root: AstNode, matches: (ref: AstNode) => boolean): TableUse {
  const use: TableUse = { direct: [], references: 0 };
  for (const node of walk(root)) {
    if (isBaseTable(node) && matches(node)) use.references += 1;
    if (node.type === 'SELECT_NODE') {
      const from = node.from_table as AstNode | undefined;
      if (from && isBaseTable(from) && matches(from)) use.direct.push({ alias: String(from.alias || from.table_name), where: (node.where_clause as AstNode | null) ?? null });
    }
  }
  return use;
}

export async function prunePartitions(connection: DuckDBConnection, table: StoredTable, partitions: readonly StoredPartition[], use: TableUse, scratch: string): Promise<readonly StoredPartition[]> {
  const keys = (table.PartitionKeys ?? []).map((k) => k.Name.toLowerCase());
  if (keys.length === 0 || partitions.length === 0 || use.direct.length < use.references) return partitions;
  const filters = use.direct.map((d) => keyConjuncts(d.where, d.alias, table.Name, keys));
  if (filters.some((f) => f.length === 0)) return partitions;
  const text = await textTable(connection, `${scratch}_text`, ['__i', ...keys], partitions.map((p, i) => [String(i), ...keys.map((_, j) => p.Values[j] ?? '')]));
  const typed = keys.map((k, j) => `TRY_CAST(${quoteIdent(k)} AS ${duckTypeOf(table.PartitionKeys![j]!.Type ?? 'string') ?? 'VARCHAR'}) AS ${quoteIdent(k)}`);
  await connection.run(`CREATE TABLE memory.main.${scratch} AS SELECT CAST(__i AS INTEGER) AS __i, ${typed.join(', ')} FROM ${text}`);
  const where = or(filters.map(and));
  const sql = await selectWhere(connection, `memory.main.${scratch}`, where);
  const selected = (await connection.runAndReadAll(sql)).getRows().map((row) => Number(row[0]));
  return selected.sort((a, b) => a - b).map((i) => partitions[i]!);
}

/** The conjuncts that only reference the table's partition keys (names reduced to the bare key). */
function keyConjuncts(where: AstNode | null, alias: string, table: string, keys: string[]): AstNode[] {
  return conjuncts(where).flatMap((conjunct) => {
    const copy = structuredClone(conjunct);
    let columns = 0;
    for (const node of walk(copy)) {
      if (node.class === 'SUBQUERY' || node.class === 'WINDOW') return [];
      if (node.class !== 'COLUMN_REF') continue;
      const names = (node.column_names as string[]).map((n) => n.toLowerCase());
      const name = names.at(-1)!;
      const qualifier = names.length > 1 ? names.at(-2) : undefined;
      if (!keys.includes(name) || (qualifier !== undefined && qualifier !== alias.toLowerCase() && qualifier !== table)) return [];
      node.column_names = [name];
      columns += 1;
    }
    return columns > 0 ? [copy] : [];
  });
}

function and(parts: AstNode[]): AstNode {
  return parts.length === 1 ? parts[0]! : { class: 'CONJUNCTION', type: 'CONJUNCTION_AND', alias: '', query_location: 0, children: parts };
}

function or(parts: AstNode[]): AstNode {
  return parts.length === 1 ? parts[0]! : { class: 'CONJUNCTION', type: 'CONJUNCTION_OR', alias: '', query_location: 0, children: parts };
}

/** `SELECT __i FROM <scratch> WHERE <expression>` as SQL text, through DuckDB's own serializer. */
async function selectWhere(connection: DuckDBConnection, scratch: string, where: AstNode): Promise<string> {
  const template = JSON.parse(await scalar(connection, 'SELECT json_serialize_sql($1::VARCHAR)', `SELECT __i FROM ${scratch} WHERE true`)) as { statements: { node: AstNode }[] };
  template.statements[0]!.node.where_clause = where;
  return scalar(connection, 'SELECT json_deserialize_sql($1::JSON)', JSON.stringify(template));
}
