/**
 * `s3://bucket/prefix/` locations resolved to the object store's files: what a table or a partition
 * holds, as the lake's SQL engine reads it (the files themselves, never a copy). As in Hive and
 * Athena, a key with a path segment starting `_` or `.` is not data, nor is an empty object.
 */
import type { ObjectStore } from '../objects';
import { QueryFailure } from './sql/query-error';

export interface S3Location {
  bucket: string;
  /** Key prefix, '' or ending in '/'. */
  prefix: string;
}

export interface DataFile {
  key: string;
  uri: string;
  path: string;
  size: number;
  etag: string;
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

/** The data objects under a location, in key order. */
export function listLocation(objects: ObjectStore, location: S3Location): DataFile[] {
  return objects
    .listFiles(location.bucket, location.prefix)
    .filter((file) => isData(file.key.slice(location.prefix.length), file.size))
    .map((file) => ({ ...file, uri: s3Uri(location.bucket, file.key) }));
}

function isData(relativeKey: string, size: number): boolean {
  return size > 0 && relativeKey !== '' && !relativeKey.endsWith('/') && !relativeKey.split('/').some((segment) => segment.startsWith('_') || segment.startsWith('.'));
}

/**
 * A table's files, listed once under its root, then handed out by partition location: thousands of
 * partitions under the table's location cost one index scan, not one each.
 */
export class TableFiles {
  private readonly root?: S3Location;
  private rootFiles?: DataFile[];

  constructor(
    private readonly objects: ObjectStore,
    rootLocation: string,
  ) {
    this.root = parseS3Location(rootLocation);
  }

  /** The data files of a location; QueryFailure naming `owner` when the location or its bucket is invalid. */
  filesOf(location: string, owner: string): DataFile[] {
    const parsed = parseS3Location(location);
    if (!parsed) throw new QueryFailure(`${owner} has no valid S3 location: '${location}'.`);
    try {
      if (!this.root || parsed.bucket !== this.root.bucket || !parsed.prefix.startsWith(this.root.prefix)) return listLocation(this.objects, parsed);
      this.rootFiles ??= this.objects.listFiles(this.root.bucket, this.root.prefix).map((file) => ({ ...file, uri: s3Uri(parsed.bucket, file.key) }));
      return slicePrefix(this.rootFiles, parsed.prefix).filter((file) => isData(file.key.slice(parsed.prefix.length), file.size));
    } catch (err) {
      if ((err as { code?: string }).code === 'NoSuchBucket') throw new QueryFailure(`${owner}: the bucket of ${location} does not exist.`);
      throw err;
    }
  }
}

/** The files whose keys start with `prefix`, by binary search over key-ordered files. */
function slicePrefix(files: readonly DataFile[], prefix: string): DataFile[] {
  let low = 0;
  let high = files.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (files[mid]!.key < prefix) low = mid + 1;
    else high = mid;
  }
  const out: DataFile[] = [];
  for (let i = low; i < files.length && files[i]!.key.startsWith(prefix); i++) out.push(files[i]!);
  return out;
}
