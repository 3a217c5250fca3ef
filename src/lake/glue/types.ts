/**
 * The Glue Data Catalog's shapes as the API carries them (only the members the lake reads are
 * typed; every other member a client sends is kept and returned as it was given).
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-catalog-tables.html
 */
export interface Column {
  Name: string;
  Type?: string;
  Comment?: string;
  Parameters?: Record<string, string>;
}

export interface StorageDescriptor {
  Columns?: Column[];
  Location?: string;
  InputFormat?: string;
  OutputFormat?: string;
  SerdeInfo?: { SerializationLibrary?: string; Parameters?: Record<string, string>; Name?: string };
  Parameters?: Record<string, string>;
  [member: string]: unknown;
}

export interface TableInput {
  Name: string;
  Description?: string;
  StorageDescriptor?: StorageDescriptor;
  PartitionKeys?: Column[];
  TableType?: string;
  Parameters?: Record<string, string>;
  [member: string]: unknown;
}

export interface PartitionInput {
  Values: string[];
  StorageDescriptor?: StorageDescriptor;
  Parameters?: Record<string, string>;
  [member: string]: unknown;
}

export interface DatabaseInput {
  Name: string;
  Description?: string;
  LocationUri?: string;
  Parameters?: Record<string, string>;
  [member: string]: unknown;
}

/** A stored table: its input plus what the catalog adds (times in epoch milliseconds). */
export interface StoredTable extends TableInput {
  DatabaseName: string;
  CreateTime: number;
  UpdateTime: number;
}

export interface StoredPartition extends PartitionInput {
  DatabaseName: string;
  TableName: string;
  CreationTime: number;
}

export interface StoredDatabase extends DatabaseInput {
  CreateTime: number;
}

/** Parquet as Athena's `STORED AS PARQUET` writes it into the storage descriptor. */
export const PARQUET_FORMAT = {
  InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe', Parameters: { 'serialization.format': '1' } },
} as const;
