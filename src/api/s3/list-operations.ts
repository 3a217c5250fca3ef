import type { ServerResponse } from 'node:http';
import { S3Error, type ListObjectsResult, type ObjectMeta } from '../../objects';
import { type S3Call, integerParam } from './request';
import { sendXml } from './responses';

/**
 * `encoding-type=url` asks S3 to URL-encode keys and prefixes in the response (for keys with
 * characters XML 1.0 cannot carry). S3 encodes spaces as `+` and leaves `/` readable.
 */
function encoder(query: URLSearchParams): (value: string | undefined) => string | undefined {
  const encodingType = query.get('encoding-type');
  if (encodingType === null) return (value) => value;
  if (encodingType !== 'url') throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request');
  return (value) => value && encodeURIComponent(value).replace(/%20/g, '+').replace(/%2F/g, '/');
}

function contentEntry(object: ObjectMeta, encode: (value: string) => string | undefined) {
  return {
    Key: encode(object.key),
    LastModified: object.lastModified,
    ETag: object.etag,
    Size: object.size,
    StorageClass: 'STANDARD',
  };
}

function listQuery(call: S3Call) {
  return {
    prefix: call.query.get('prefix') ?? undefined,
    delimiter: call.query.get('delimiter') ?? undefined,
    maxKeys: integerParam(call.query, 'max-keys', 0, 1000),
  };
}

function commonListFields(call: S3Call, result: ListObjectsResult, maxKeys: number) {
  const encode = encoder(call.query);
  return {
    encode,
    fields: {
      Name: call.bucket!,
      Prefix: encode(call.query.get('prefix') ?? '') ?? '',
      Delimiter: encode(call.query.get('delimiter') ?? undefined),
      MaxKeys: maxKeys,
      EncodingType: call.query.get('encoding-type') ?? undefined,
      IsTruncated: result.isTruncated,
    },
  };
}

/** @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
export function listObjectsV2(call: S3Call, res: ServerResponse): void {
  const query = {
    ...listQuery(call),
    continuationToken: call.query.get('continuation-token') ?? undefined,
    startAfter: call.query.get('start-after') ?? undefined,
  };
  const result = call.store.listObjects(call.bucket!, query);
  const { encode, fields } = commonListFields(call, result, query.maxKeys);
  sendXml(res, 200, 'ListBucketResult', {
    ...fields,
    KeyCount: result.contents.length + result.commonPrefixes.length,
    ContinuationToken: query.continuationToken,
    NextContinuationToken: result.nextContinuationToken,
    StartAfter: encode(query.startAfter),
    Contents: result.contents.map((object) => contentEntry(object, encode)),
    CommonPrefixes: result.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
}

/**
 * The original ListObjects: `marker` instead of tokens. NextMarker is only given with a
 * delimiter; without one, clients continue from the last key.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
 */
export function listObjectsV1(call: S3Call, res: ServerResponse): void {
  const marker = call.query.get('marker') ?? undefined;
  const query = { ...listQuery(call), startAfter: marker };
  const result = call.store.listObjects(call.bucket!, query);
  const { encode, fields } = commonListFields(call, result, query.maxKeys);
  const lastKey = result.contents.at(-1)?.key;
  const lastPrefix = result.commonPrefixes.at(-1);
  const nextMarker = [lastKey, lastPrefix].filter((value): value is string => value !== undefined).sort().at(-1);
  sendXml(res, 200, 'ListBucketResult', {
    ...fields,
    Marker: encode(marker ?? '') ?? '',
    NextMarker: result.isTruncated && query.delimiter ? encode(nextMarker) : undefined,
    Contents: result.contents.map((object) => contentEntry(object, encode)),
    CommonPrefixes: result.commonPrefixes.map((prefix) => ({ Prefix: encode(prefix) })),
  });
}
