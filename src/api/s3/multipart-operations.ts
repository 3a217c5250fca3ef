import type { ServerResponse } from 'node:http';
import type { CompletedPart } from '../../objects';
import { canonicalOwner } from './bucket-operations';
import { type S3Call, contentMd5, header, integerParam, objectAttributes, readSmallBody, requestBody } from './request';
import { sendEmpty, sendXml } from './responses';
import { malformedXml, parseRequestXml } from './xml';

function uploadTarget(call: S3Call) {
  return { bucket: call.bucket!, key: call.key!, uploadId: call.query.get('uploadId') ?? '' };
}

export function createMultipartUpload(call: S3Call, res: ServerResponse): void {
  const upload = call.store.createMultipartUpload(call.bucket!, call.key!, objectAttributes(call.req));
  sendXml(res, 200, 'InitiateMultipartUploadResult', { Bucket: upload.bucket, Key: upload.key, UploadId: upload.uploadId });
}

export async function uploadPart(call: S3Call, res: ServerResponse): Promise<void> {
  const partNumber = Number(call.query.get('partNumber'));
  const part = await call.store.uploadPart(uploadTarget(call), partNumber, requestBody(call.req), {
    contentMd5: contentMd5(call.req),
  });
  sendEmpty(res, 200, { etag: part.etag });
}

function parseCompletedParts(body: string): CompletedPart[] {
  const request = parseRequestXml(body, 'CompleteMultipartUpload');
  const parts = (request.Part ?? []) as { PartNumber?: unknown; ETag?: unknown }[];
  return parts.map((part) => {
    const partNumber = Number(String(part.PartNumber ?? '').trim());
    if (!Number.isInteger(partNumber) || typeof part.ETag !== 'string') throw malformedXml();
    return { partNumber, etag: part.ETag };
  });
}

export async function completeMultipartUpload(call: S3Call, res: ServerResponse): Promise<void> {
  const parts = parseCompletedParts(await readSmallBody(call.req));
  const meta = await call.store.completeMultipartUpload(uploadTarget(call), parts, call.context);
  const host = header(call.req, 'host') ?? 'localhost';
  sendXml(res, 200, 'CompleteMultipartUploadResult', {
    Location: `http://${host}/${call.bucket}/${encodeURIComponent(meta.key).replace(/%2F/g, '/')}`,
    Bucket: meta.bucket,
    Key: meta.key,
    ETag: meta.etag,
  });
}

export async function abortMultipartUpload(call: S3Call, res: ServerResponse): Promise<void> {
  await call.store.abortMultipartUpload(uploadTarget(call));
  sendEmpty(res, 204);
}

/** @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html */
export function listParts(call: S3Call, res: ServerResponse): void {
  const maxParts = Math.min(integerParam(call.query, 'max-parts', 0, 1000), 1000);
  const marker = integerParam(call.query, 'part-number-marker', 0, 0);
  const { upload, parts } = call.store.listParts(uploadTarget(call));
  const after = parts.filter((part) => part.partNumber > marker);
  const page = after.slice(0, maxParts);
  const isTruncated = after.length > page.length;
  const owner = canonicalOwner(call.account);
  sendXml(res, 200, 'ListPartsResult', {
    Bucket: upload.bucket,
    Key: upload.key,
    UploadId: upload.uploadId,
    Initiator: owner,
    Owner: owner,
    StorageClass: 'STANDARD',
    PartNumberMarker: marker,
    NextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
    MaxParts: maxParts,
    IsTruncated: isTruncated,
    Part: page.map((part) => ({ PartNumber: part.partNumber, LastModified: part.lastModified, ETag: part.etag, Size: part.size })),
  });
}
