import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { S3Error, type ObjectAttributes, type ObjectStore, type RequestContext, type StoredHeaders } from '../../objects';
import { AwsChunkedDecoder, isAwsChunked } from './aws-chunked';

/** One S3 call as the operations see it: the parsed path-style address plus what they need. */
export interface S3Call {
  req: IncomingMessage;
  store: ObjectStore;
  method: string;
  bucket?: string;
  key?: string;
  query: URLSearchParams;
  requestId: string;
  context: RequestContext;
  account: string;
  region: string;
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new S3Error('InvalidURI', "Couldn't parse the specified URI.", part);
  }
}

/** Splits `/bucket/key?query` (path-style); `+` in the path is a literal plus, as in S3. */
export function parseAddress(url: string): { bucket?: string; key?: string; query: URLSearchParams } {
  const queryAt = url.indexOf('?');
  const rawPath = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
  const path = rawPath.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  const bucket = decodePathPart(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? '' : decodePathPart(path.slice(slash + 1));
  return { bucket: bucket || undefined, key: key || undefined, query };
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The request's payload, with any aws-chunked framing removed. Errors reach the consumer. */
export function requestBody(req: IncomingMessage): Readable {
  if (!isAwsChunked(req.headers)) return req;
  const decoder = new AwsChunkedDecoder();
  return pipeline(req, decoder, () => undefined);
}

/** Reads a small (XML) body whole; S3 request documents are far below the limit. */
export async function readSmallBody(req: IncomingMessage, limit = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of requestBody(req)) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new S3Error('InvalidRequest', 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const STORED_HEADERS: [keyof StoredHeaders, string][] = [
  ['cacheControl', 'cache-control'],
  ['contentDisposition', 'content-disposition'],
  ['contentEncoding', 'content-encoding'],
  ['contentLanguage', 'content-language'],
  ['expires', 'expires'],
];

export function storedHeaderNames(): readonly [keyof StoredHeaders, string][] {
  return STORED_HEADERS;
}

/** Content type, `x-amz-meta-*` and the standard headers S3 keeps with an object. */
export function objectAttributes(req: IncomingMessage): ObjectAttributes {
  const userMetadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) {
      userMetadata[name.slice('x-amz-meta-'.length)] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  const headers: StoredHeaders = {};
  for (const [field, name] of STORED_HEADERS) {
    let value = header(req, name);
    // aws-chunked describes the transfer, not the object, and is not stored.
    if (name === 'content-encoding' && value !== undefined) {
      value = value.split(',').map((part) => part.trim()).filter((part) => part && part !== 'aws-chunked').join(',');
    }
    if (value) headers[field] = value;
  }
  return { contentType: header(req, 'content-type'), userMetadata, headers };
}

export function contentMd5(req: IncomingMessage): Buffer | undefined {
  const value = header(req, 'content-md5');
  if (value === undefined) return undefined;
  const digest = Buffer.from(value, 'base64');
  if (digest.length !== 16) throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.');
  return digest;
}

/** Parses an integer query parameter within bounds, or fails with InvalidArgument. */
export function integerParam(query: URLSearchParams, name: string, min: number, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min) {
    throw new S3Error('InvalidArgument', `Provided ${name} not an integer or within integer range`);
  }
  return value;
}
