/**
 * Parquet for task handlers, from a TypeBox row schema: the same bytes on AWS and locally, written
 * with hyparquet-writer and read with hyparquet (pure JavaScript, nothing native in a Lambda). The
 * schema also gives the Glue columns of the table the rows belong to.
 * Supported members: `Type.String()`, `Type.Number()` (DOUBLE), `Type.Integer()` (INT32),
 * `Type.Boolean()`, each optionally nullable (`Type.Union([T, Type.Null()])`) or optional.
 */
import type { Static, TObject, TSchema } from '@sinclair/typebox';

// hyparquet ships ES modules only; Node (≥ 20.19) loads them through require, which keeps this
// module CommonJS like the rest of the project. A plain require, so that esbuild bundles them into
// the Lambda functions of the tasks that write Parquet.
const { parquetReadObjects } = require('hyparquet') as typeof import('hyparquet', { with: { 'resolution-mode': 'import' } });
const { parquetWriteBuffer } = require('hyparquet-writer') as typeof import('hyparquet-writer', { with: { 'resolution-mode': 'import' } });

type ParquetType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN';

interface ColumnSpec {
  name: string;
  parquet: ParquetType;
  glue: 'string' | 'double' | 'int' | 'boolean';
  nullable: boolean;
}

const BY_TYPEBOX: Record<string, Pick<ColumnSpec, 'parquet' | 'glue'>> = {
  string: { parquet: 'STRING', glue: 'string' },
  number: { parquet: 'DOUBLE', glue: 'double' },
  integer: { parquet: 'INT32', glue: 'int' },
  boolean: { parquet: 'BOOLEAN', glue: 'boolean' },
};

export class ParquetSchemaError extends Error {
  override name = 'ParquetSchemaError';
}

/** The row schema's columns, in declaration order; a member of another type is refused by name. */
export function parquetColumns(schema: TObject): ColumnSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, member]) => {
    const { type, nullable } = scalarOf(member as TSchema);
    const mapped = type === undefined ? undefined : BY_TYPEBOX[type];
    if (!mapped) throw new ParquetSchemaError(`Column ${name}: only string, number, integer and boolean members can be stored in Parquet.`);
    return { name, ...mapped, nullable: nullable || !required.has(name) };
  });
}

/** The Glue `Columns` of a table whose files hold these rows. */
export function glueColumns(schema: TObject): { Name: string; Type: string }[] {
  return parquetColumns(schema).map((c) => ({ Name: c.name, Type: c.glue }));
}

export function writeParquet<T extends TObject>(schema: T, rows: readonly Static<T>[]): Buffer {
  const columnData = parquetColumns(schema).map((column) => {
    const data = rows.map((row) => {
      const value = (row as Record<string, unknown>)[column.name];
      if (value === undefined || value === null) {
        if (!column.nullable) throw new ParquetSchemaError(`Column ${column.name} is required but a row has no value.`);
        return null;
      }
      return value;
    });
    return { name: column.name, data, type: column.parquet, nullable: column.nullable };
  });
  return Buffer.from(parquetWriteBuffer({ columnData }));
}

export async function readParquet<T extends TObject>(schema: T, bytes: Uint8Array): Promise<Static<T>[]> {
  const columns = parquetColumns(schema);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = await parquetReadObjects({ file, columns: columns.map((c) => c.name) });
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const column of columns) {
      const value = row[column.name];
      out[column.name] = typeof value === 'bigint' ? Number(value) : (value ?? null);
    }
    return out as Static<T>;
  });
}

function scalarOf(member: TSchema): { type?: string; nullable: boolean } {
  if (typeof member.type === 'string') return { type: member.type, nullable: false };
  const variants = (member.anyOf ?? []) as TSchema[];
  const nonNull = variants.filter((v) => v.type !== 'null');
  if (nonNull.length === 1 && variants.length === 2) return { type: nonNull[0]!.type as string, nullable: true };
  return { nullable: false };
}
