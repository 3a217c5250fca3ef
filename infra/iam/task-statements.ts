/**
 * The IAM statements a task's function gets, built from what the task declares (see TaskAccess):
 * object actions on its prefixes only, the lake's workgroup and catalog only when it queries or
 * updates the lake, PutEvents only with its own sources.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { LakeTable } from '../../src/builder';
import type { Lake } from '../constructs/lake';
import { exact, wildcard, type ReasonedStatement } from './reasoned-statement';
import { objectGrants, readsObjects, writesObjects, type ObjectAccess, type ObjectAccessMode, type TaskAccess } from '../../src/services/access';
import type { ModelRegistryLocation } from '../../src/services/models';

export interface AccessTargets {
  bucket(name: string): s3.IBucket;
  /** A lake table the registry declares. */
  table(name: string): LakeTable;
  readonly key: kms.IKey;
  readonly lake: Lake;
  readonly modelRegistry: ModelRegistryLocation;
}

export function taskStatements(stack: Stack, access: TaskAccess, targets: AccessTargets): ReasonedStatement[] {
  const objects = objectGrants(access, targets.modelRegistry);
  const { lake } = targets;
  const statements = objects.flatMap((grant) => objectStatements(targets.bucket(grant.bucket), grant.prefix, grant.access));
  const tables = lakeTables(access).map((name) => targets.table(name));
  const tableArns = lake.catalogArnsFor(tables.map((table) => table.name));
  if (access.lakeQueries) {
    statements.push(
      exact(allow(['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StartQueryExecution', 'athena:StopQueryExecution'], [lake.workGroupArn])),
      exact(allow(['glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable', 'glue:GetTables'], tableArns)),
      ...tables.flatMap((table) => objectStatements(targets.bucket(table.bucket), table.prefix, 'read')),
      // Athena reads the lake and writes results with the caller's permissions.
      ...objectStatements(lake.bucket, lake.resultsPrefix, 'read-write'),
      exact(allow(['s3:GetBucketLocation'], [lake.bucket.bucketArn])),
    );
  }
  if (access.catalogUpdates) {
    statements.push(exact(allow(['glue:BatchCreatePartition', 'glue:CreatePartition', 'glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'], tableArns)));
  }
  if (objects.length > 0 || access.lakeQueries) statements.push(keyStatement(stack, targets.key, objects, access));
  if (access.eventSources && access.eventSources.length > 0) {
    statements.push(
      exact(
        new iam.PolicyStatement({
          actions: ['events:PutEvents'],
          resources: [stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: 'default' })],
          conditions: { StringEquals: { 'events:source': [...access.eventSources] } },
        }),
      ),
    );
  }
  return statements;
}

function objectStatements(bucket: s3.IBucket, prefix: string, mode: ObjectAccessMode): ReasonedStatement[] {
  const objects = `${bucket.bucketArn}/${prefix}*`;
  const why = `Object keys are chosen at run time; the grant covers only keys under the declared prefix "${prefix}".`;
  const statements: ReasonedStatement[] = [];
  if (readsObjects(mode)) {
    statements.push(wildcard(allow(['s3:GetObject'], [objects]), why));
    statements.push(
      exact(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } } })),
    );
  }
  if (writesObjects(mode)) statements.push(wildcard(allow(['s3:AbortMultipartUpload', 's3:PutObject'], [objects]), why));
  return statements;
}

/** Objects are SSE-KMS: reading needs Decrypt, writing also GenerateDataKey; only through S3. */
function keyStatement(stack: Stack, key: kms.IKey, objects: ObjectAccess[], access: TaskAccess): ReasonedStatement {
  const writes = access.lakeQueries || objects.some((grant) => writesObjects(grant.access));
  return exact(
    new iam.PolicyStatement({
      actions: writes ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
    }),
  );
}

/** The tables a lake task names; naming none while reaching the lake is a declaration mistake. */
function lakeTables(access: TaskAccess): readonly string[] {
  const tables = access.lakeTables ?? [];
  if ((access.lakeQueries || access.catalogUpdates) && tables.length === 0) {
    throw new Error('a task that queries or updates the lake must name its lakeTables, so that its role covers exactly those tables');
  }
  return tables;
}

function allow(actions: string[], resources: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({ actions, resources });
}
