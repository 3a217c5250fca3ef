/**
 * The IAM statements a task's function gets, built from what the task declares (see TaskAccess):
 * object actions on its prefixes only, the lake's workgroup and catalog only when it queries or
 * updates the lake, PutEvents only with its own sources.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Lake } from '../constructs/lake';
import { exact, wildcard, type ReasonedStatement } from './reasoned-statement';
import { objectGrants, readsObjects, writesObjects, type ObjectAccess, type ObjectAccessMode, type TaskAccess } from '../../src/services/access';
import type { ModelRegistryLocation } from '../../src/services/models';

export interface AccessTargets {
  bucket(name: string): s3.IBucket;
  readonly key: kms.IKey;
  readonly lake: Lake;
  readonly modelRegistry: ModelRegistryLocation;
}

export function taskStatements(stack: Stack, access: TaskAccess, targets: AccessTargets): ReasonedStatement[] {
  const objects = objectGrants(access, targets.modelRegistry);
  const { lake } = targets;
  const statements = objects.flatMap((grant) => objectStatements(targets.bucket(grant.bucket), grant.prefix, grant.access));
  if (access.lakeQueries) {
    statements.push(
      exact(allow(['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StartQueryExecution', 'athena:StopQueryExecution'], [lake.workGroupArn])),
      wildcard(allow(['glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable', 'glue:GetTables'], lake.catalogArns), TABLES_REASON),
      ...objectStatements(lake.bucket, lake.prefix, 'read'),
      // Athena reads the lake and writes results with the caller's permissions.
      ...objectStatements(lake.bucket, lake.resultsPrefix, 'read-write'),
      exact(allow(['s3:GetBucketLocation'], [lake.bucket.bucketArn])),
    );
  }
  if (access.catalogUpdates) {
    statements.push(
      wildcard(
        allow(
          ['glue:BatchCreatePartition', 'glue:CreatePartition', 'glue:CreateTable', 'glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable', 'glue:UpdateTable'],
          lake.catalogArns,
        ),
        TABLES_REASON,
      ),
    );
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

const TABLES_REASON = 'Lake tables are created by the workflows as data arrives; the grant covers only tables of the lake database.';

function allow(actions: string[], resources: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({ actions, resources });
}
