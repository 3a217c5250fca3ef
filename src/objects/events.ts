import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestContext } from './types';

export type ObjectCreatedReason = 'PutObject' | 'CopyObject' | 'CompleteMultipartUpload';

/**
 * The EventBridge events S3 sends for a bucket with EventBridge notifications on.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
export interface S3EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': 'Object Created' | 'Object Deleted';
  source: 'aws.s3';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: S3ObjectCreatedDetail | S3ObjectDeletedDetail;
}

interface S3EventDetailBase {
  version: '0';
  bucket: { name: string };
  'request-id': string;
  requester: string;
  'source-ip-address': string;
}

export interface S3ObjectCreatedDetail extends S3EventDetailBase {
  object: { key: string; size: number; etag: string; sequencer: string };
  reason: ObjectCreatedReason;
}

export interface S3ObjectDeletedDetail extends S3EventDetailBase {
  object: { key: string; etag: string; sequencer: string };
  reason: 'DeleteObject';
  /** Unversioned buckets delete for good; versioned ones would create a delete marker. */
  'deletion-type': 'Permanently Deleted';
}

export type S3EventListener = (event: S3EventBridgeEvent) => void;

export interface EventSource {
  account: string;
  region: string;
  now: () => Date;
}

/** EventBridge event times have second precision: `2021-11-12T00:00:00Z`. */
function eventTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** S3 request ids are 16 upper-case alphanumerics. */
export function newRequestId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

let lastSequence = 0n;

/**
 * Sequencers order events for the same key: a later event has a greater value when compared as
 * hex strings of equal length. Derived from the clock, bumped when the clock stands still.
 */
export function nextSequencer(now: Date): string {
  const candidate = BigInt(now.getTime()) * 1_000_000n;
  lastSequence = candidate > lastSequence ? candidate : lastSequence + 1n;
  return lastSequence.toString(16).toUpperCase().padStart(18, '0');
}

/** S3 reports ETags in events without the quotes it uses in HTTP headers. */
function unquoted(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

function envelope(
  source: EventSource,
  detailType: S3EventBridgeEvent['detail-type'],
  bucket: string,
  detail: S3EventBridgeEvent['detail'],
): S3EventBridgeEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'aws.s3',
    account: source.account,
    time: eventTime(source.now()),
    region: source.region,
    resources: [`arn:aws:s3:::${bucket}`],
    detail,
  };
}

/** Builds a detail with its fields in the order S3 writes them. */
function detail<T extends S3EventBridgeEvent['detail']>(
  source: EventSource,
  bucket: string,
  context: RequestContext,
  object: T['object'],
  tail: Pick<T, Exclude<keyof T, keyof S3EventDetailBase | 'object'>>,
): T {
  return {
    version: '0',
    bucket: { name: bucket },
    object,
    'request-id': context.requestId ?? newRequestId(),
    requester: context.requester ?? source.account,
    'source-ip-address': context.sourceIp ?? '127.0.0.1',
    ...tail,
  } as T;
}

export function objectCreatedEvent(
  source: EventSource,
  object: { bucket: string; key: string; size: number; etag: string },
  reason: ObjectCreatedReason,
  context: RequestContext,
): S3EventBridgeEvent {
  const eventObject = {
    key: object.key,
    size: object.size,
    etag: unquoted(object.etag),
    sequencer: nextSequencer(source.now()),
  };
  return envelope(
    source,
    'Object Created',
    object.bucket,
    detail<S3ObjectCreatedDetail>(source, object.bucket, context, eventObject, { reason }),
  );
}

export function objectDeletedEvent(
  source: EventSource,
  object: { bucket: string; key: string; etag: string },
  context: RequestContext,
): S3EventBridgeEvent {
  const eventObject = { key: object.key, etag: unquoted(object.etag), sequencer: nextSequencer(source.now()) };
  return envelope(
    source,
    'Object Deleted',
    object.bucket,
    detail<S3ObjectDeletedDetail>(source, object.bucket, context, eventObject, {
      reason: 'DeleteObject',
      'deletion-type': 'Permanently Deleted',
    }),
  );
}
