/**
 * A table of the data lake, declared next to the workflow that writes it: Parquet objects under one
 * prefix of a bucket, Hive-style partition directories (`market=NP/date=2018-01-01/`), and columns
 * from a TypeBox row schema. The local host creates it in the local catalog at start; the CDK app
 * creates it in the Glue Data Catalog and grants tasks that name it access to it alone.
 * @see https://docs.aws.amazon.com/glue/latest/webapi/API_TableInput.html
 */
import type { TObject } from '@sinclair/typebox';
import { glueColumns } from '../services/parquet';
import { BuilderError } from './builder-error';

export interface LakeTableProps<R extends TObject = TObject> {
  /** The Glue table name: lower case letters, digits and underscores. */
  name: string;
  /** The bucket's logical name, as the registry names it. */
  bucket: string;
  /** Where the table's objects live in the bucket, ending in `/`, e.g. `lake/prices/`. */
  prefix: string;
  /** One row's schema: the table's (non-partition) columns, in order. */
  rows: R;
  /** Partition keys in directory order; their values are strings. @default none */
  partitionKeys?: readonly string[];
  description?: string;
}

export interface LakeTable<R extends TObject = TObject> extends Readonly<Required<Omit<LakeTableProps<R>, 'description'>>> {
  readonly kind: 'lake-table';
  readonly description?: string;
}

/** Glue's TableInput for the table, the same on AWS and locally. */
export interface GlueTableInput {
  Name: string;
  Description?: string;
  TableType: 'EXTERNAL_TABLE';
  Parameters: Record<string, string>;
  PartitionKeys: { Name: string; Type: string }[];
  StorageDescriptor: {
    Columns: { Name: string; Type: string }[];
    Location: string;
    InputFormat: string;
    OutputFormat: string;
    SerdeInfo: { SerializationLibrary: string; Parameters: Record<string, string> };
  };
}

const TABLE_NAME = /^[a-z][a-z0-9_]{0,254}$/;

export function defineLakeTable<R extends TObject>(props: LakeTableProps<R>): LakeTable<R> {
  if (!TABLE_NAME.test(props.name)) throw new BuilderError(`lake table "${props.name}": names are lower-case letters, digits and underscores, starting with a letter`);
  if (!props.prefix.endsWith('/') || props.prefix.startsWith('/')) throw new BuilderError(`lake table ${props.name}: prefix "${props.prefix}" must end with "/" and not start with one`);
  const partitionKeys = props.partitionKeys ?? [];
  const clash = partitionKeys.find((key) => Object.hasOwn(props.rows.properties, key));
  if (clash) throw new BuilderError(`lake table ${props.name}: "${clash}" is both a column and a partition key`);
  glueColumns(props.rows); // refuses, by name, a column type Parquet rows cannot hold
  return { kind: 'lake-table', ...props, partitionKeys };
}

/** The table as Glue's CreateTable takes it: Parquet, external, at `s3://<bucket>/<prefix>`. */
export function glueTableInput(table: LakeTable, bucketName = table.bucket): GlueTableInput {
  return {
    Name: table.name,
    ...(table.description !== undefined && { Description: table.description }),
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
    PartitionKeys: table.partitionKeys.map((key) => ({ Name: key, Type: 'string' })),
    StorageDescriptor: {
      Columns: glueColumns(table.rows),
      Location: `s3://${bucketName}/${table.prefix}`,
      InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
      SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe', Parameters: { 'serialization.format': '1' } },
    },
  };
}
