import type { ServerResponse } from 'node:http';
import type { ObjectMeta } from '../../objects';
import { S3Error } from '../../objects';
import { storedHeaderNames } from './request';
import { renderDocument, type XmlNode } from './xml';

export function sendXml(res: ServerResponse, status: number, root: string, node: XmlNode): void {
  const body = renderDocument(root, node);
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-length': '0' });
  res.end();
}

/**
 * S3's error document. HEAD responses carry no body, so clients only see the status there.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses
 */
export function sendError(res: ServerResponse, error: unknown, requestId: string, head: boolean): void {
  const s3Error =
    error instanceof S3Error ? error : new S3Error('InternalError', 'We encountered an internal error. Please try again.');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (head) {
    sendEmpty(res, s3Error.status);
    return;
  }
  const body = renderDocument(
    'Error',
    { Code: s3Error.code, Message: s3Error.message, Resource: s3Error.resource, RequestId: requestId },
    false,
  );
  res.writeHead(s3Error.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The headers GET and HEAD return for an object. */
export function objectHeaders(meta: ObjectMeta): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': meta.contentType,
    etag: meta.etag,
    'last-modified': meta.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
  };
  for (const [field, name] of storedHeaderNames()) {
    const value = meta.headers[field];
    if (value) headers[name] = value;
  }
  for (const [name, value] of Object.entries(meta.userMetadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}
