/**
 * `s3://bucket/prefix/` locations resolved to the object store's files: what a table or a partition
 * holds, as the lake's SQL engine reads it (the files themselves, never a copy).
 */
import type { ObjectStore } from '../objects';
import { QueryFailure } from './sql/query-error';

export interface S3Location {
  bucket: string;
  /** Key prefix, '' or ending in '/'. */
  prefix: string;
}

export interface DataFile {
  uri: string;
  path: string;
  size: number;
}

export function parseS3Location(location: string): S3Location | undefined {
  const m = /^s3a?:\/\/([^/]+)\/?(.*)$/.exec(location.trim());
  if (!m) return undefined;
  const prefix = m[2]!;
  return { bucket: m[1]!, prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}

export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** Every object under a location, in key order; hidden files (`_…`, `.…`), folders and empty objects are not data, as in Athena. */
export function listLocation(objects: ObjectStore, location: S3Location): { key: string; size: number }[] {
  const found: { key: string; size: number }[] = [];
  let token: string | undefined;
  do {
    const page = objects.listObjects(location.bucket, { prefix: location.prefix, continuationToken: token });
    for (const object of page.contents) {
      const name = object.key.slice(object.key.lastIndexOf('/') + 1);
      if (object.size === 0 || name === '' || name.startsWith('_') || name.startsWith('.')) continue;
      found.push({ key: object.key, size: object.size });
    }
    token = page.isTruncated ? page.nextContinuationToken : undefined;
  } while (token);
  return found;
}

/** The data files of a location with the paths of their bytes; QueryFailure naming the location when its bucket is missing. */
export function dataFiles(objects: ObjectStore, location: string, owner: string): DataFile[] {
  const parsed = parseS3Location(location);
  if (!parsed) throw new QueryFailure(`${owner} has no valid S3 location: '${location}'.`);
  try {
    return listLocation(objects, parsed).map(({ key, size }) => ({ uri: s3Uri(parsed.bucket, key), path: objects.filePath(parsed.bucket, key), size }));
  } catch (err) {
    if ((err as { code?: string }).code === 'NoSuchBucket') throw new QueryFailure(`${owner}: the bucket of ${location} does not exist.`);
    throw err;
  }
}
