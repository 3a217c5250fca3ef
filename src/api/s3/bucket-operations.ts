import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { S3Error } from '../../objects';
import { type S3Call, readSmallBody } from './request';
import { sendEmpty, sendXml } from './responses';
import { parseRequestXml } from './xml';

/** S3 owners have a 64-hex canonical id; ours is derived from the account so it is stable. */
export function canonicalOwner(account: string): { ID: string; DisplayName: string } {
  return { ID: createHash('sha256').update(account).digest('hex'), DisplayName: 'statecraft' };
}

export function listBuckets(call: S3Call, res: ServerResponse): void {
  const buckets = call.store.listBuckets().map((bucket) => ({ Name: bucket.name, CreationDate: bucket.creationDate }));
  sendXml(res, 200, 'ListAllMyBucketsResult', {
    Owner: canonicalOwner(call.account),
    Buckets: { Bucket: buckets },
  });
}

export async function createBucket(call: S3Call, res: ServerResponse): Promise<void> {
  const body = await readSmallBody(call.req);
  // The location constraint is accepted and not used: everything lives in the one local region.
  if (body.trim() !== '') parseRequestXml(body, 'CreateBucketConfiguration');
  call.store.createBucket(call.bucket!);
  sendEmpty(res, 200, { location: `/${call.bucket}` });
}

export function headBucket(call: S3Call, res: ServerResponse): void {
  call.store.headBucket(call.bucket!);
  sendEmpty(res, 200, { 'x-amz-bucket-region': call.region });
}

export async function deleteBucket(call: S3Call, res: ServerResponse): Promise<void> {
  await call.store.deleteBucket(call.bucket!);
  sendEmpty(res, 204);
}

const UNDELIVERABLE_CONFIGURATIONS = ['TopicConfiguration', 'QueueConfiguration', 'CloudFunctionConfiguration'];

/**
 * Only EventBridge delivery exists locally. SNS, SQS and Lambda destinations cannot be validated,
 * which S3 reports as InvalidArgument, rather than silently dropping them.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
 */
export async function putBucketNotification(call: S3Call, res: ServerResponse): Promise<void> {
  call.store.headBucket(call.bucket!);
  const config = parseRequestXml(await readSmallBody(call.req), 'NotificationConfiguration');
  if (UNDELIVERABLE_CONFIGURATIONS.some((name) => name in config)) {
    throw new S3Error('InvalidArgument', 'Unable to validate the following destination configurations');
  }
  call.store.setEventBridgeNotifications(call.bucket!, 'EventBridgeConfiguration' in config);
  sendEmpty(res, 200);
}

export function getBucketNotification(call: S3Call, res: ServerResponse): void {
  const enabled = call.store.getEventBridgeNotifications(call.bucket!);
  sendXml(res, 200, 'NotificationConfiguration', { EventBridgeConfiguration: enabled ? '' : undefined });
}
