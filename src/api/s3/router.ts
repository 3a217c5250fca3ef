import type { ServerResponse } from 'node:http';
import { S3Error } from '../../objects';
import * as buckets from './bucket-operations';
import * as lists from './list-operations';
import * as multipart from './multipart-operations';
import * as objects from './object-operations';
import { type S3Call, header } from './request';

export type Operation = (call: S3Call, res: ServerResponse) => void | Promise<void>;

/** Subresources S3 has and this local store does not implement; they answer NotImplemented. */
const UNSUPPORTED_SUBRESOURCES = [
  'acl', 'analytics', 'accelerate', 'attributes', 'cors', 'encryption', 'intelligent-tiering', 'inventory',
  'legal-hold', 'lifecycle', 'logging', 'metrics', 'object-lock', 'ownershipControls', 'policy',
  'policyStatus', 'publicAccessBlock', 'replication', 'requestPayment', 'restore', 'retention', 'select',
  'tagging', 'torrent', 'versioning', 'versions', 'website', 'location',
];

function notImplemented(name: string): never {
  throw new S3Error('NotImplemented', `A header or query you provided implies functionality that is not implemented: ${name}`);
}

function methodNotAllowed(): never {
  throw new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.');
}

function bucketOperation(call: S3Call): Operation {
  const has = (name: string) => call.query.has(name);
  switch (call.method) {
    case 'GET':
      if (has('notification')) return buckets.getBucketNotification;
      if (has('uploads')) notImplemented('ListMultipartUploads');
      return call.query.get('list-type') === '2' ? lists.listObjectsV2 : lists.listObjectsV1;
    case 'PUT':
      return has('notification') ? buckets.putBucketNotification : buckets.createBucket;
    case 'HEAD':
      return buckets.headBucket;
    case 'DELETE':
      return buckets.deleteBucket;
    case 'POST':
      if (has('delete')) return objects.deleteObjects;
      return methodNotAllowed();
    default:
      return methodNotAllowed();
  }
}

function objectOperation(call: S3Call): Operation {
  const has = (name: string) => call.query.has(name);
  switch (call.method) {
    case 'PUT':
      if (header(call.req, 'x-amz-copy-source') !== undefined) {
        return has('uploadId') ? notImplemented('UploadPartCopy') : objects.copyObject;
      }
      return has('uploadId') ? multipart.uploadPart : objects.putObject;
    case 'GET':
      return has('uploadId') ? multipart.listParts : (call, res) => objects.getObject(call, res, false);
    case 'HEAD':
      return (call, res) => objects.getObject(call, res, true);
    case 'DELETE':
      return has('uploadId') ? multipart.abortMultipartUpload : objects.deleteObject;
    case 'POST':
      if (has('uploads')) return multipart.createMultipartUpload;
      if (has('uploadId')) return multipart.completeMultipartUpload;
      return methodNotAllowed();
    default:
      return methodNotAllowed();
  }
}

/** Picks the S3 operation from method, path-style address and subresource, as S3's REST API does. */
export function route(call: S3Call): Operation {
  const unsupported = UNSUPPORTED_SUBRESOURCES.find((name) => call.query.has(name));
  if (unsupported) notImplemented(unsupported);
  if (call.bucket === undefined) {
    return call.method === 'GET' ? buckets.listBuckets : methodNotAllowed();
  }
  return call.key === undefined ? bucketOperation(call) : objectOperation(call);
}
