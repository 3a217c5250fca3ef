/**
 * The data lake on AWS: a Glue database catalogs the Parquet under the lake prefix, and an Athena
 * workgroup runs the SQL, writing KMS-encrypted results under their own prefix.
 */
import { glueTableInput, type LakeTable } from '../../src/builder';
import { LAKE_DATABASE } from '../../src/services/lake';
import { Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface LakeProps {
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  /** @default 'lake/' */
  readonly prefix?: string;
  /** @default 'athena-results/' */
  readonly resultsPrefix?: string;
  /** Glue database name. @default 'statecraft' */
  readonly databaseName?: string;
}

export class Lake extends Construct {
  readonly bucket: s3.IBucket;
  readonly prefix: string;
  readonly resultsPrefix: string;
  readonly databaseName: string;
  readonly workGroupName: string;
  private readonly database: glue.CfnDatabase;

  constructor(scope: Construct, id: string, props: LakeProps) {
    super(scope, id);
    this.bucket = props.bucket;
    this.prefix = props.prefix ?? 'lake/';
    this.resultsPrefix = props.resultsPrefix ?? 'athena-results/';
    this.databaseName = props.databaseName ?? LAKE_DATABASE;
    this.workGroupName = `${this.databaseName}-lake`;
    this.database = new glue.CfnDatabase(this, 'Database', {
      catalogId: Stack.of(this).account,
      databaseInput: { name: this.databaseName, description: 'statecraft data lake', locationUri: props.bucket.s3UrlForObject(this.prefix) },
    });
    new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: this.workGroupName,
      description: 'statecraft lake queries',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        // Enforced, so a query cannot choose an unencrypted or foreign result location.
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: props.bucket.s3UrlForObject(this.resultsPrefix),
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: props.key.keyArn },
        },
      },
    });
  }

  get workGroupArn(): string {
    return Stack.of(this).formatArn({ service: 'athena', resource: 'workgroup', resourceName: this.workGroupName });
  }

  /** The catalog, the database and exactly these tables: what Glue checks for calls on them. */
  catalogArnsFor(tables: readonly string[]): string[] {
    const stack = Stack.of(this);
    return [
      stack.formatArn({ service: 'glue', resource: 'catalog' }),
      stack.formatArn({ service: 'glue', resource: 'database', resourceName: this.databaseName }),
      ...tables.map((table) => stack.formatArn({ service: 'glue', resource: 'table', resourceName: `${this.databaseName}/${table}` })),
    ];
  }

  /** A table the workflows declared, in the lake's database, at its deployed bucket's name. */
  addTable(table: LakeTable, bucketName: string): void {
    const input = glueTableInput(table, bucketName);
    new glue.CfnTable(this, `Table-${table.name}`, {
      catalogId: Stack.of(this).account,
      databaseName: this.databaseName,
      tableInput: {
        name: input.Name,
        description: input.Description,
        tableType: input.TableType,
        parameters: input.Parameters,
        partitionKeys: input.PartitionKeys.map(({ Name, Type }) => ({ name: Name, type: Type })),
        storageDescriptor: {
          columns: input.StorageDescriptor.Columns.map(({ Name, Type }) => ({ name: Name, type: Type })),
          location: input.StorageDescriptor.Location,
          inputFormat: input.StorageDescriptor.InputFormat,
          outputFormat: input.StorageDescriptor.OutputFormat,
          serdeInfo: { serializationLibrary: input.StorageDescriptor.SerdeInfo.SerializationLibrary, parameters: input.StorageDescriptor.SerdeInfo.Parameters },
        },
      },
    }).addResourceDependency(this.database);
  }
}
