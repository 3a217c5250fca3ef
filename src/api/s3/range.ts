import type { IncomingMessage } from 'node:http';
import { S3Error, type ObjectMeta } from '../../objects';
import { header } from './request';

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Resolves a `Range: bytes=…` header against an object size, as S3 does: one range only (other
 * forms are ignored and the whole object is sent), an unsatisfiable start is InvalidRange (416).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-14.1.2
 */
export function resolveRange(value: string | undefined, size: number): ByteRange | undefined {
  const match = value?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) throw invalidRange(size);
    return { start: Math.max(size - suffix, 0), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? Number.POSITIVE_INFINITY : Number(match[2]);
  if (end < start) return undefined;
  if (start >= size) throw invalidRange(size);
  return { start, end: Math.min(end, size - 1) };
}

function invalidRange(size: number): S3Error {
  return new S3Error('InvalidRange', `The requested range is not satisfiable (object size ${size})`);
}

function etagMatches(list: string, etag: string): boolean {
  return list.split(',').some((candidate) => candidate.trim() === '*' || candidate.trim() === etag);
}

function parseDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Conditional GET/HEAD: returns 304 when the client's copy is current; throws PreconditionFailed
 * when a precondition fails. If-Match wins over If-Unmodified-Since, If-None-Match over
 * If-Modified-Since, as S3 documents.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export function checkConditions(req: IncomingMessage, meta: ObjectMeta): 304 | undefined {
  const modified = Math.floor(meta.lastModified.getTime() / 1000) * 1000;
  const ifMatch = header(req, 'if-match');
  const ifUnmodifiedSince = parseDate(header(req, 'if-unmodified-since'));
  if (ifMatch !== undefined ? !etagMatches(ifMatch, meta.etag) : ifUnmodifiedSince !== undefined && modified > ifUnmodifiedSince) {
    throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
  }
  const ifNoneMatch = header(req, 'if-none-match');
  const ifModifiedSince = parseDate(header(req, 'if-modified-since'));
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, meta.etag) ? 304 : undefined;
  if (ifModifiedSince !== undefined && modified <= ifModifiedSince) return 304;
  return undefined;
}
