/**
 * The buckets every workflow shares: each KMS-encrypted with one customer key, TLS-only, never
 * public, versioned, logging access to a separate bucket, and sending its events to EventBridge
 * when the registry asks (which is how uploads start workflows). Deployed names add the account
 * and region to the logical name, because bucket names are global.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketDefinition } from '../../src/builder';

export interface StorageProps {
  /** The buckets as the workflow registry declares them. */
  readonly buckets: readonly BucketDefinition[];
}

export class Storage extends Construct {
  readonly key: kms.Key;
  readonly accessLogs: s3.Bucket;
  private readonly buckets = new Map<string, s3.Bucket>();
  /** Deployed bucket name by logical name. */
  readonly deployedNames = new Map<string, string>();

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', { description: 'statecraft data buckets and lake query results', enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
    this.accessLogs = this.accessLogBucket();
    for (const definition of props.buckets) {
      const bucket = this.dataBucket(definition);
      this.buckets.set(definition.name, bucket);
      this.deployedNames.set(definition.name, bucket.bucketName);
    }
    this.acknowledgeNotificationsHandler();
  }

  /** The bucket the registry calls `name`; an unknown name is a wiring mistake, so it throws. */
  bucket(name: string): s3.Bucket {
    const bucket = this.buckets.get(name);
    if (!bucket) throw new Error(`no bucket named "${name}" (declared: ${[...this.buckets.keys()].join(', ')})`);
    return bucket;
  }

  private dataBucket({ name, eventBridge }: BucketDefinition): s3.Bucket {
    const { account, region } = Stack.of(this);
    return new s3.Bucket(this, `Bucket-${name}`, {
      bucketName: `${name}-${account}-${region}`,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      eventBridgeEnabled: eventBridge,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: `${name}/`,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Turning EventBridge notifications on goes through a CDK-provided function (one per stack)
   * whose role CDK builds with the AWS-managed basic execution policy; we cannot pass it a role.
   */
  private acknowledgeNotificationsHandler(): void {
    const handler = Stack.of(this).node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
    if (!handler) return;
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK\'s own bucket-notifications handler, run only at deploy time to enable EventBridge delivery; CDK does not accept a custom role for it.',
    });
  }

  /**
   * S3 delivers server access logs only to buckets encrypted with S3-managed keys. Its own access
   * is not logged, which would log every log delivery; cdk-nag accepts a log destination as it is.
   */
  private accessLogBucket(): s3.Bucket {
    return new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
