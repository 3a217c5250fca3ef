import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { S3Error } from '../../objects';
import { checkConditions, resolveRange } from './range';
import { type S3Call, contentMd5, header, objectAttributes, readSmallBody, requestBody } from './request';
import { objectHeaders, sendEmpty, sendXml } from './responses';
import { malformedXml, parseRequestXml } from './xml';

/** GetObject's `response-*` query parameters override the stored headers for this response. */
const RESPONSE_OVERRIDES = [
  'content-type',
  'content-language',
  'expires',
  'cache-control',
  'content-disposition',
  'content-encoding',
];

export async function putObject(call: S3Call, res: ServerResponse): Promise<void> {
  const meta = await call.store.putObject(call.bucket!, call.key!, requestBody(call.req), objectAttributes(call.req), {
    context: call.context,
    contentMd5: contentMd5(call.req),
  });
  sendEmpty(res, 200, { etag: meta.etag });
}

export async function getObject(call: S3Call, res: ServerResponse, head: boolean): Promise<void> {
  const opened = await call.store.openObject(call.bucket!, call.key!);
  try {
    const headers = objectHeaders(opened.meta);
    if (checkConditions(call.req, opened.meta) === 304) {
      await opened.close();
      const { etag, 'last-modified': lastModified } = headers;
      sendEmpty(res, 304, { etag, 'last-modified': lastModified });
      return;
    }
    const range = resolveRange(header(call.req, 'range'), opened.meta.size);
    for (const name of RESPONSE_OVERRIDES) {
      const override = call.query.get(`response-${name}`);
      if (override !== null) headers[name] = override;
    }
    const length = range ? range.end - range.start + 1 : opened.meta.size;
    headers['content-length'] = String(length);
    if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${opened.meta.size}`;
    res.writeHead(range ? 206 : 200, headers);
    if (head) {
      await opened.close();
      res.end();
      return;
    }
    await pipeline(opened.stream(range), res);
  } catch (error) {
    await opened.close();
    throw error;
  }
}

export async function deleteObject(call: S3Call, res: ServerResponse): Promise<void> {
  await call.store.deleteObject(call.bucket!, call.key!, call.context);
  sendEmpty(res, 204);
}

/** `x-amz-copy-source: [/]bucket/key[?versionId=…]`, URL-encoded. */
function parseCopySource(value: string): { bucket: string; key: string } {
  const withoutVersion = value.split('?', 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutVersion).replace(/^\//, '');
  } catch {
    throw new S3Error('InvalidArgument', 'Invalid copy source encoding');
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) {
    throw new S3Error('InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey');
  }
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1) };
}

export async function copyObject(call: S3Call, res: ServerResponse): Promise<void> {
  const source = parseCopySource(header(call.req, 'x-amz-copy-source')!);
  const directive = (header(call.req, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') {
    throw new S3Error('InvalidArgument', 'Unknown metadata directive.');
  }
  const replace = directive === 'REPLACE' ? objectAttributes(call.req) : undefined;
  const meta = await call.store.copyObject(source, { bucket: call.bucket!, key: call.key! }, replace, {
    context: call.context,
  });
  sendXml(res, 200, 'CopyObjectResult', { LastModified: meta.lastModified, ETag: meta.etag });
}

/** DeleteObjects: up to 1,000 keys; each key succeeds or fails on its own. */
export async function deleteObjects(call: S3Call, res: ServerResponse): Promise<void> {
  call.store.headBucket(call.bucket!);
  const request = parseRequestXml(await readSmallBody(call.req), 'Delete');
  const objects = (request.Object ?? []) as { Key?: unknown }[];
  if (!Array.isArray(objects) || objects.length === 0 || objects.length > 1000) throw malformedXml();
  const quiet = String(request.Quiet ?? '').trim() === 'true';
  const deleted: { Key: string }[] = [];
  const errors: { Key: string; Code: string; Message: string }[] = [];
  for (const object of objects) {
    if (typeof object.Key !== 'string' || object.Key === '') throw malformedXml();
    try {
      await call.store.deleteObject(call.bucket!, object.Key, call.context);
      deleted.push({ Key: object.Key });
    } catch (error) {
      const s3Error = error instanceof S3Error ? error : new S3Error('InternalError', 'We encountered an internal error.');
      errors.push({ Key: object.Key, Code: s3Error.code, Message: s3Error.message });
    }
  }
  sendXml(res, 200, 'DeleteResult', { Deleted: quiet ? undefined : deleted, Error: errors });
}
