/**
 * Type names across the three parties: Glue/Hive column types (the catalog), DuckDB's (the engine)
 * and Athena's result type names (`ResultSetMetadata.ColumnInfo.Type`).
 * @see https://docs.aws.amazon.com/athena/latest/ug/data-types.html
 */

/** A Glue/Hive column type as DuckDB spells it; undefined when the lake cannot read that type. */
export function duckTypeOf(glueType: string): string | undefined {
  const type = glueType.trim().toLowerCase();
  const simple: Record<string, string> = {
    string: 'VARCHAR',
    boolean: 'BOOLEAN',
    tinyint: 'TINYINT',
    smallint: 'SMALLINT',
    int: 'INTEGER',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    float: 'FLOAT',
    double: 'DOUBLE',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    binary: 'BLOB',
  };
  if (Object.hasOwn(simple, type)) return simple[type];
  if (/^(var)?char\(\d+\)$/.test(type)) return 'VARCHAR';
  const decimal = /^decimal(?:\((\d+)\s*,\s*(\d+)\))?$/.exec(type);
  if (decimal) return `DECIMAL(${decimal[1] ?? 10},${decimal[2] ?? 0})`;
  const array = /^array<(.+)>$/.exec(type);
  if (array) {
    const inner = duckTypeOf(array[1]!);
    return inner && `${inner}[]`;
  }
  return undefined;
}

export interface AthenaColumnType {
  type: string;
  precision: number;
  scale: number;
}

/** DuckDB's result column type as Athena names it, with Athena's precision and scale. */
export function athenaTypeOf(duckType: string): AthenaColumnType {
  const type = duckType.toUpperCase();
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(type);
  if (decimal) return { type: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2]) };
  if (type.endsWith('[]')) return { type: 'array', precision: 0, scale: 0 };
  if (type.startsWith('STRUCT')) return { type: 'row', precision: 0, scale: 0 };
  if (type.startsWith('MAP')) return { type: 'map', precision: 0, scale: 0 };
  const known: Record<string, [string, number]> = {
    BOOLEAN: ['boolean', 0],
    TINYINT: ['tinyint', 3],
    SMALLINT: ['smallint', 5],
    INTEGER: ['integer', 10],
    BIGINT: ['bigint', 19],
    HUGEINT: ['decimal', 38],
    UTINYINT: ['smallint', 5],
    USMALLINT: ['integer', 10],
    UINTEGER: ['bigint', 19],
    UBIGINT: ['decimal', 20],
    FLOAT: ['float', 17],
    DOUBLE: ['double', 17],
    VARCHAR: ['varchar', 2147483647],
    DATE: ['date', 0],
    TIME: ['time', 0],
    TIMESTAMP: ['timestamp', 3],
    'TIMESTAMP WITH TIME ZONE': ['timestamp with time zone', 3],
    BLOB: ['varbinary', 1073741824],
    UUID: ['uuid', 0],
    INTERVAL: ['interval day to second', 0],
    '"NULL"': ['unknown', 0],
  };
  const [name, precision] = known[type] ?? ['varchar', 2147483647];
  return { type: name, precision, scale: 0 };
}

/** How a result column becomes text as Athena prints it (timestamps with milliseconds). */
export function textExpression(column: string, duckType: string): string {
  const quoted = quoteIdent(column);
  if (duckType.toUpperCase() === 'TIMESTAMP') return `strftime(${quoted}, '%Y-%m-%d %H:%M:%S.%g') AS ${quoted}`;
  return `CAST(${quoted} AS VARCHAR) AS ${quoted}`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
