/**
 * The DDL Athena pipelines use, parsed into commands for the catalog:
 * `CREATE EXTERNAL TABLE … STORED AS PARQUET LOCATION …`, `ALTER TABLE … ADD [IF NOT EXISTS]
 * PARTITION (…) [LOCATION …]`, `ALTER TABLE … DROP [IF EXISTS] PARTITION (…)`, `MSCK REPAIR TABLE`,
 * `SHOW PARTITIONS`, `SHOW TABLES`, `DROP TABLE [IF EXISTS]`, `CREATE DATABASE [IF NOT EXISTS]`.
 * @see https://docs.aws.amazon.com/athena/latest/ug/ddl-reference.html
 */
import { QueryFailure } from './query-error';
import { TokenCursor, tokenize, type Token } from './tokens';

export interface TableName {
  database?: string;
  name: string;
}

export interface ColumnDefinition {
  name: string;
  type: string;
  comment?: string;
}

export interface PartitionClause {
  values: Record<string, string>;
  location?: string;
}

export type DdlCommand =
  | { kind: 'createTable'; table: TableName; ifNotExists: boolean; columns: ColumnDefinition[]; partitionKeys: ColumnDefinition[]; location: string; comment?: string; properties: Record<string, string> }
  | { kind: 'addPartitions'; table: TableName; ifNotExists: boolean; partitions: PartitionClause[] }
  | { kind: 'dropPartitions'; table: TableName; ifExists: boolean; partitions: PartitionClause[] }
  | { kind: 'repairTable'; table: TableName }
  | { kind: 'showPartitions'; table: TableName }
  | { kind: 'showTables'; database?: string }
  | { kind: 'dropTable'; table: TableName; ifExists: boolean }
  | { kind: 'createDatabase'; name: string; ifNotExists: boolean; comment?: string; location?: string };

const LEADING_COMMENTS = /^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/;
const DDL_START = /^(?:CREATE\s+(?:EXTERNAL\s+TABLE|DATABASE|SCHEMA)|ALTER\s+TABLE|MSCK\s+REPAIR|SHOW\s+(?:PARTITIONS|TABLES)|DROP\s+TABLE)\b/i;

/** The DDL command a statement is, or undefined when it is not DDL (a query, or something else). */
export function parseDdl(sql: string): DdlCommand | undefined {
  if (!DDL_START.test(sql.replace(LEADING_COMMENTS, ''))) return undefined;
  const tokens = tokenize(sql);
  const c = new TokenCursor(tokens);
  let command: DdlCommand | undefined;
  if (c.acceptWords('CREATE', 'EXTERNAL', 'TABLE')) command = createTable(c);
  else if (c.acceptWords('CREATE', 'DATABASE') || c.acceptWords('CREATE', 'SCHEMA')) command = createDatabase(c);
  else if (c.acceptWords('ALTER', 'TABLE')) command = alterTable(c);
  else if (c.acceptWords('MSCK', 'REPAIR', 'TABLE')) command = { kind: 'repairTable', table: c.qualifiedName() };
  else if (c.acceptWords('SHOW', 'PARTITIONS')) command = { kind: 'showPartitions', table: c.qualifiedName() };
  else if (c.acceptWords('SHOW', 'TABLES')) command = { kind: 'showTables', ...(c.acceptWords('IN') || c.acceptWords('FROM') ? { database: c.identifier() } : {}) };
  else if (c.acceptWords('DROP', 'TABLE')) {
    const ifExists = c.acceptWords('IF', 'EXISTS');
    command = { kind: 'dropTable', table: c.qualifiedName(), ifExists };
  } else return undefined;
  c.expectEnd();
  return command;
}

function createTable(c: TokenCursor): DdlCommand {
  const ifNotExists = c.acceptWords('IF', 'NOT', 'EXISTS');
  const table = c.qualifiedName();
  const columns = columnList(c);
  let partitionKeys: ColumnDefinition[] = [];
  let location: string | undefined;
  let comment: string | undefined;
  const properties: Record<string, string> = {};
  while (!c.done()) {
    if (c.acceptWords('COMMENT')) comment = c.string();
    else if (c.acceptWords('PARTITIONED', 'BY')) partitionKeys = columnList(c);
    else if (c.acceptWords('ROW', 'FORMAT', 'SERDE')) {
      const serde = c.string();
      if (!/parquet/i.test(serde)) throw new QueryFailure(`Only Parquet tables are supported by the local lake; got SERDE '${serde}'.`);
    } else if (c.acceptWords('STORED', 'AS')) {
      const format = c.identifier();
      if (format.toUpperCase() !== 'PARQUET') throw new QueryFailure(`Only STORED AS PARQUET is supported by the local lake; got ${format}.`);
    } else if (c.acceptWords('LOCATION')) location = c.string();
    else if (c.acceptWords('TBLPROPERTIES')) Object.assign(properties, propertyList(c));
    else c.fail('expecting COMMENT, PARTITIONED BY, STORED AS, LOCATION or TBLPROPERTIES');
  }
  if (location === undefined) throw new QueryFailure(`CREATE EXTERNAL TABLE ${table.name} needs a LOCATION 's3://…'.`);
  return { kind: 'createTable', table, ifNotExists, columns, partitionKeys, location, comment, properties };
}

function createDatabase(c: TokenCursor): DdlCommand {
  const ifNotExists = c.acceptWords('IF', 'NOT', 'EXISTS');
  const name = c.identifier();
  let comment: string | undefined;
  let location: string | undefined;
  while (!c.done()) {
    if (c.acceptWords('COMMENT')) comment = c.string();
    else if (c.acceptWords('LOCATION')) location = c.string();
    else c.fail('expecting COMMENT or LOCATION');
  }
  return { kind: 'createDatabase', name, ifNotExists, comment, location };
}

function alterTable(c: TokenCursor): DdlCommand {
  const table = c.qualifiedName();
  if (c.acceptWords('ADD')) {
    const ifNotExists = c.acceptWords('IF', 'NOT', 'EXISTS');
    const partitions: PartitionClause[] = [];
    while (c.acceptWords('PARTITION')) {
      const values = partitionSpec(c);
      partitions.push(c.acceptWords('LOCATION') ? { values, location: c.string() } : { values });
    }
    if (partitions.length === 0) c.fail('expecting PARTITION');
    return { kind: 'addPartitions', table, ifNotExists, partitions };
  }
  if (c.acceptWords('DROP')) {
    const ifExists = c.acceptWords('IF', 'EXISTS');
    const partitions: PartitionClause[] = [];
    do {
      c.expectWords('PARTITION');
      partitions.push({ values: partitionSpec(c) });
    } while (c.acceptPunct(','));
    return { kind: 'dropPartitions', table, ifExists, partitions };
  }
  c.fail('expecting ADD PARTITION or DROP PARTITION');
}

function partitionSpec(c: TokenCursor): Record<string, string> {
  const values: Record<string, string> = {};
  c.expectPunct('(');
  do {
    const key = c.identifier().toLowerCase();
    c.expectPunct('=');
    values[key] = c.literal();
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return values;
}

function columnList(c: TokenCursor): ColumnDefinition[] {
  const columns: ColumnDefinition[] = [];
  c.expectPunct('(');
  do {
    const name = c.identifier().toLowerCase();
    const type = typeText(c);
    columns.push(c.acceptWords('COMMENT') ? { name, type, comment: c.string() } : { name, type });
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return columns;
}

/** A Hive type up to the next top-level `,` or `)`: `string`, `decimal(10,2)`, `array<struct<a:int>>`. */
function typeText(c: TokenCursor): string {
  const parts: Token[] = [];
  let depth = 0;
  for (;;) {
    const token = c.peek();
    if (!token) break;
    if (depth === 0 && token.kind === 'punct' && (token.text === ',' || token.text === ')')) break;
    if (depth === 0 && token.kind === 'word' && token.text.toUpperCase() === 'COMMENT') break;
    if (token.text === '<' || token.text === '(') depth += 1;
    if (token.text === '>' || token.text === ')') depth -= 1;
    parts.push(c.next());
  }
  if (parts.length === 0) c.fail('expecting a column type');
  return parts.map((token) => token.text).join('').toLowerCase();
}

function propertyList(c: TokenCursor): Record<string, string> {
  const properties: Record<string, string> = {};
  c.expectPunct('(');
  do {
    const key = c.string();
    c.expectPunct('=');
    properties[key] = c.string();
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return properties;
}
