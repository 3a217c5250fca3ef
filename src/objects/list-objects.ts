import { S3Error } from './errors';
import type { IndexedObject } from './object-index';
import type { ListObjectsQuery, ListObjectsResult } from './types';

/** Reads objects of one bucket with `from <= key < below`, in key order. */
export type ScanObjects = (from: string, below: string | undefined, limit: number) => IndexedObject[];

const MAX_KEYS_CAP = 1000;

/**
 * The smallest string greater than every string that starts with `prefix`, or undefined when no
 * such string exists. Code-point order equals UTF-8 byte order, so bumping the last code point is
 * enough (skipping the surrogate block, which UTF-8 cannot encode).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = [...prefix];
  while (codePoints.length > 0) {
    const last = codePoints.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return codePoints.join('') + String.fromCodePoint(next);
    }
  }
  return undefined;
}

/** The smallest key strictly after `key`. */
function keyAfter(key: string): string {
  return `${key}\u0000`;
}

/** Continuation tokens are opaque to clients: the inclusive lower bound of the next page. */
export function encodeContinuationToken(from: string): string {
  return Buffer.from(from, 'utf8').toString('base64url');
}

function decodeContinuationToken(token: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) {
    throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect');
  }
  return Buffer.from(token, 'base64url').toString('utf8');
}

function startBound(query: ListObjectsQuery, prefix: string): string {
  let from = prefix;
  if (query.continuationToken !== undefined) {
    from = maxString(from, decodeContinuationToken(query.continuationToken));
  } else if (query.startAfter) {
    from = maxString(from, keyAfter(query.startAfter));
  }
  return from;
}

function maxString(a: string, b: string): string {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) >= 0 ? a : b;
}

/**
 * ListObjectsV2 semantics over a sorted scan: keys and common prefixes together count towards
 * MaxKeys; keys that roll up into a common prefix are skipped in one jump, not read one by one.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
export function listObjects(scan: ScanObjects, query: ListObjectsQuery): ListObjectsResult {
  const prefix = query.prefix ?? '';
  const delimiter = query.delimiter || undefined;
  const maxKeys = Math.min(query.maxKeys ?? MAX_KEYS_CAP, MAX_KEYS_CAP);
  const below = prefix === '' ? undefined : prefixUpperBound(prefix);
  const result: ListObjectsResult = { contents: [], commonPrefixes: [], isTruncated: false };
  let from: string | undefined = startBound(query, prefix);
  let count = 0;
  while (from !== undefined && count < maxKeys) {
    const batch = scan(from, below, maxKeys - count);
    if (batch.length === 0) {
      from = undefined;
      break;
    }
    for (const object of batch) {
      const rollUp = delimiter === undefined ? -1 : object.key.indexOf(delimiter, prefix.length);
      if (rollUp >= 0) {
        const commonPrefix = object.key.slice(0, rollUp + delimiter!.length);
        // A marker inside a common prefix means the client already has that prefix.
        if (!query.startAfter?.startsWith(commonPrefix) || query.continuationToken !== undefined) {
          result.commonPrefixes.push(commonPrefix);
          count += 1;
        }
        from = prefixUpperBound(commonPrefix);
        break;
      }
      result.contents.push(object);
      count += 1;
      from = keyAfter(object.key);
    }
  }
  if (from !== undefined && scan(from, below, 1).length > 0) {
    result.isTruncated = true;
    result.nextContinuationToken = encodeContinuationToken(from);
  }
  return result;
}
