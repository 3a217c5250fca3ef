import { locationOf } from '../location';
import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobFiles, type WrittenBlob } from './blob-files';
import { assertValidBucketName } from './bucket-names';
import { S3Error, noSuchBucket, noSuchKey, noSuchUpload } from './errors';
import {
  type EventSource,
  type ObjectCreatedReason,
  type S3EventBridgeEvent,
  type S3EventListener,
  objectCreatedEvent,
  objectDeletedEvent,
} from './events';
import { listObjects, prefixUpperBound } from './list-objects';
import { assertPartNumber, multipartEtag, selectParts } from './multipart';
import { type IndexedObject, ObjectIndex } from './object-index';
import type {
  BucketInfo,
  CompletedPart,
  ListObjectsQuery,
  ListObjectsResult,
  ObjectAttributes,
  ObjectMeta,
  PartInfo,
  RequestContext,
  UploadInfo,
} from './types';

export interface ObjectStoreOptions {
  /** The store lives in `<dataDir>/objects/`. */
  dataDir: string;
  /** @default 'us-east-1' */
  region?: string;
  /** @default '000000000000' */
  account?: string;
  /** Receives S3's EventBridge events for buckets that have EventBridge notifications on. */
  onEvent?: S3EventListener;
  /** @default () => new Date() */
  now?: () => Date;
}

/** An object opened for reading: its metadata and a handle on the exact bytes it describes. */
export interface OpenObject {
  meta: ObjectMeta;
  /** Streams bytes `start..end` (inclusive); the handle closes when the stream ends. */
  stream(range?: { start: number; end: number }): Readable;
  /** Releases the handle when the bytes are not wanted after all (HEAD, errors). */
  close(): Promise<void>;
}

/** Per-write options: who asked, and the Content-MD5 the client promised. */
export interface WriteOptions {
  context?: RequestContext;
  contentMd5?: Buffer;
}

function publicMeta(object: IndexedObject): ObjectMeta {
  const { blob: _blob, ...meta } = object;
  return meta;
}

function completeAttributes(attributes: ObjectAttributes): Required<ObjectAttributes> {
  return {
    contentType: attributes.contentType || 'binary/octet-stream',
    userMetadata: attributes.userMetadata ?? {},
    headers: attributes.headers ?? {},
  };
}

/**
 * The local S3: buckets and objects under `<dataDir>/objects/`, an index in SQLite, bytes in
 * immutable blob files. A write becomes visible in one index transaction after its blob is on disk,
 * so readers see the old or the new version, never a mix, and a crash leaves at most unreferenced
 * blobs, which the next open removes.
 */
export class ObjectStore {
  private readonly events: EventSource;

  private constructor(
    private readonly index: ObjectIndex,
    private readonly blobs: BlobFiles,
    private readonly options: ObjectStoreOptions,
  ) {
    this.events = {
      ...locationOf(options),
      now: options.now ?? (() => new Date()),
    };
  }

  static async open(options: ObjectStoreOptions): Promise<ObjectStore> {
    const root = path.join(options.dataDir, 'objects');
    await fs.mkdir(root, { recursive: true });
    const blobs = new BlobFiles(root);
    await blobs.init();
    const index = new ObjectIndex(path.join(root, 'index.db'));
    await blobs.collectGarbage(index.referencedBlobs());
    return new ObjectStore(index, blobs, options);
  }

  close(): void {
    this.index.close();
  }

  private now(): Date {
    return this.events.now();
  }

  // ── buckets ──────────────────────────────────────────────────────────────

  createBucket(name: string): BucketInfo {
    assertValidBucketName(name);
    if (this.index.getBucket(name)) {
      throw new S3Error(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        name,
      );
    }
    const creationDate = this.now();
    this.index.insertBucket(name, creationDate);
    return { name, creationDate };
  }

  headBucket(name: string): BucketInfo {
    const bucket = this.index.getBucket(name);
    if (!bucket) throw noSuchBucket(name);
    return { name: bucket.name, creationDate: bucket.creationDate };
  }

  listBuckets(): BucketInfo[] {
    return this.index.listBuckets();
  }

  async deleteBucket(name: string): Promise<void> {
    const uploads = this.index.transaction(() => {
      this.headBucket(name);
      if (this.index.hasObjects(name)) {
        throw new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', name);
      }
      const ids = this.index.uploadIdsOf(name);
      const partBlobs = ids.flatMap((id) => this.index.listParts(id).map((part) => part.blob));
      ids.forEach((id) => this.index.deleteUpload(id));
      this.index.deleteBucket(name);
      return partBlobs;
    });
    await Promise.all(uploads.map((blob) => this.blobs.remove(blob)));
  }

  getEventBridgeNotifications(bucket: string): boolean {
    const info = this.index.getBucket(bucket);
    if (!info) throw noSuchBucket(bucket);
    return info.eventBridge;
  }

  setEventBridgeNotifications(bucket: string, enabled: boolean): void {
    this.headBucket(bucket);
    this.index.setEventBridge(bucket, enabled);
  }

  // ── objects ──────────────────────────────────────────────────────────────

  async putObject(
    bucket: string,
    key: string,
    body: Readable,
    attributes: ObjectAttributes = {},
    options: WriteOptions = {},
  ): Promise<ObjectMeta> {
    this.headBucket(bucket);
    assertKey(key);
    const written = await this.blobs.write([body]);
    await this.checkDigest(written, options.contentMd5);
    const object = this.toObject(bucket, key, written, `"${written.md5.toString('hex')}"`, attributes);
    return this.commitObject(object, 'PutObject', options.context);
  }

  headObject(bucket: string, key: string): ObjectMeta {
    return publicMeta(this.lookup(bucket, key));
  }

  /** Opens the current version; retries when a newer version replaced it between lookup and open. */
  async openObject(bucket: string, key: string): Promise<OpenObject> {
    for (;;) {
      const object = this.lookup(bucket, key);
      const handle = await this.blobs.open(object.blob);
      if (handle) return openObject(publicMeta(object), handle);
    }
  }

  async copyObject(
    source: { bucket: string; key: string },
    target: { bucket: string; key: string },
    /** New attributes (MetadataDirective REPLACE); undefined copies the source's. */
    replaceAttributes: ObjectAttributes | undefined,
    options: WriteOptions = {},
  ): Promise<ObjectMeta> {
    this.headBucket(target.bucket);
    assertKey(target.key);
    const sameObject = source.bucket === target.bucket && source.key === target.key;
    if (sameObject && !replaceAttributes) {
      throw new S3Error(
        'InvalidRequest',
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const opened = await this.openObject(source.bucket, source.key);
    const written = await this.blobs.write([opened.stream()]);
    const object = this.toObject(target.bucket, target.key, written, opened.meta.etag, replaceAttributes ?? opened.meta);
    return this.commitObject(object, 'CopyObject', options.context);
  }

  /** Deletes an object; deleting a missing key succeeds, as in S3, and sends no event. */
  async deleteObject(bucket: string, key: string, context: RequestContext = {}): Promise<void> {
    const removed = this.index.transaction(() => {
      this.headBucket(bucket);
      const existing = this.index.getObject(bucket, key);
      if (existing) this.index.deleteObject(bucket, key);
      return existing;
    });
    if (!removed) return;
    await this.blobs.remove(removed.blob);
    this.emit(bucket, () => objectDeletedEvent(this.events, removed, context));
  }

  listObjects(bucket: string, query: ListObjectsQuery = {}): ListObjectsResult {
    this.headBucket(bucket);
    const result = listObjects((from, below, limit) => this.index.scanObjects(bucket, from, below, limit), query);
    return { ...result, contents: result.contents.map((object) => publicMeta(object as IndexedObject)) };
  }

  // ── multipart uploads ────────────────────────────────────────────────────

  createMultipartUpload(bucket: string, key: string, attributes: ObjectAttributes = {}): UploadInfo {
    this.headBucket(bucket);
    assertKey(key);
    const upload: UploadInfo = {
      uploadId: randomUUID().replace(/-/g, ''),
      bucket,
      key,
      initiated: this.now(),
      attributes: completeAttributes(attributes),
    };
    this.index.insertUpload(upload);
    return upload;
  }

  async uploadPart(
    target: { bucket: string; key: string; uploadId: string },
    partNumber: number,
    body: Readable,
    options: WriteOptions = {},
  ): Promise<PartInfo> {
    assertPartNumber(partNumber);
    this.lookupUpload(target);
    const written = await this.blobs.write([body]);
    await this.checkDigest(written, options.contentMd5);
    const part = {
      partNumber,
      blob: written.blob,
      size: written.size,
      etag: `"${written.md5.toString('hex')}"`,
      lastModified: this.now(),
    };
    const replaced = this.guardedCommit(written, () => {
      this.lookupUpload(target);
      return this.index.putPart(target.uploadId, part);
    });
    if (replaced) await this.blobs.remove(replaced);
    const { blob: _blob, ...info } = part;
    return info;
  }

  listParts(target: { bucket: string; key: string; uploadId: string }): { upload: UploadInfo; parts: PartInfo[] } {
    const upload = this.lookupUpload(target);
    const parts = this.index.listParts(upload.uploadId).map(({ blob: _blob, ...part }) => part);
    return { upload, parts };
  }

  async completeMultipartUpload(
    target: { bucket: string; key: string; uploadId: string },
    requested: CompletedPart[],
    context: RequestContext = {},
  ): Promise<ObjectMeta> {
    const upload = this.lookupUpload(target);
    const parts = selectParts(this.index.listParts(upload.uploadId), requested);
    const blobs = this.blobs;
    const written = await blobs.write(
      (async function* () {
        for (const part of parts) {
          const handle = await blobs.open(part.blob);
          if (!handle) throw noSuchUpload(upload.uploadId);
          yield handle.createReadStream();
        }
      })(),
    );
    const etag = multipartEtag(parts.map((part) => part.etag));
    const object = this.toObject(upload.bucket, upload.key, written, etag, upload.attributes);
    const leftovers = this.guardedCommit(written, () => {
      this.lookupUpload(target);
      const allParts = this.index.listParts(upload.uploadId).map((part) => part.blob);
      this.index.deleteUpload(upload.uploadId);
      return [...allParts, ...this.replaceRow(object)];
    });
    await Promise.all(leftovers.map((blob) => this.blobs.remove(blob)));
    this.emit(object.bucket, () => objectCreatedEvent(this.events, object, 'CompleteMultipartUpload', context));
    return publicMeta(object);
  }

  async abortMultipartUpload(target: { bucket: string; key: string; uploadId: string }): Promise<void> {
    const blobs = this.index.transaction(() => {
      const upload = this.lookupUpload(target);
      const partBlobs = this.index.listParts(upload.uploadId).map((part) => part.blob);
      this.index.deleteUpload(upload.uploadId);
      return partBlobs;
    });
    await Promise.all(blobs.map((blob) => this.blobs.remove(blob)));
  }

  // ── direct file access ───────────────────────────────────────────────────

  /** The directory holding every object's bytes: the only one the lake's SQL engine may read. */
  get filesDirectory(): string {
    return this.blobs.directory;
  }

  /**
   * Every object under `prefix` with the file holding its bytes, in key order, in one index scan: for
   * readers that read files themselves (the lake's DuckDB reads Parquet objects in place, no copy).
   * A file is immutable; a newer version writes a new file and removes this one, so a reader that
   * opened it keeps the bytes it opened.
   */
  listFiles(bucket: string, prefix: string): { key: string; size: number; etag: string; path: string }[] {
    this.headBucket(bucket);
    const below = prefixUpperBound(prefix);
    const files: { key: string; size: number; etag: string; path: string }[] = [];
    let from = prefix;
    for (;;) {
      const page = this.index.scanFiles(bucket, from, below, 1000);
      for (const object of page) files.push({ key: object.key, size: object.size, etag: object.etag, path: this.blobs.pathOf(object.blob) });
      if (page.length < 1000) return files;
      from = `${page[page.length - 1]!.key}\u0000`;
    }
  }

  // ── internals ────────────────────────────────────────────────────────────

  private lookup(bucket: string, key: string): IndexedObject {
    this.headBucket(bucket);
    const object = this.index.getObject(bucket, key);
    if (!object) throw noSuchKey(bucket, key);
    return object;
  }

  private lookupUpload(target: { bucket: string; key: string; uploadId: string }): UploadInfo {
    this.headBucket(target.bucket);
    const upload = this.index.getUpload(target.uploadId);
    if (!upload || upload.bucket !== target.bucket || upload.key !== target.key) {
      throw noSuchUpload(target.uploadId);
    }
    return upload;
  }

  private toObject(
    bucket: string,
    key: string,
    written: WrittenBlob,
    etag: string,
    attributes: ObjectAttributes,
  ): IndexedObject {
    return {
      bucket,
      key,
      blob: written.blob,
      size: written.size,
      etag,
      ...completeAttributes(attributes),
      lastModified: this.now(),
    };
  }

  private async checkDigest(written: WrittenBlob, contentMd5: Buffer | undefined): Promise<void> {
    if (contentMd5 && !contentMd5.equals(written.md5)) {
      await this.blobs.remove(written.blob);
      throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what was received.');
    }
  }

  /** Runs an index transaction that adopts `written`; when it fails, the blob goes too. */
  private guardedCommit<T>(written: { blob: string }, work: () => T): T {
    try {
      return this.index.transaction(work);
    } catch (error) {
      void this.blobs.remove(written.blob);
      throw error;
    }
  }

  /** Points the key at the new blob; returns the blob it replaced, for removal after commit. */
  private replaceRow(object: IndexedObject): string[] {
    this.headBucket(object.bucket);
    const previous = this.index.getObject(object.bucket, object.key);
    this.index.putObject(object);
    return previous ? [previous.blob] : [];
  }

  private async commitObject(
    object: IndexedObject,
    reason: ObjectCreatedReason,
    context: RequestContext = {},
  ): Promise<ObjectMeta> {
    const replaced = this.guardedCommit(object, () => this.replaceRow(object));
    await Promise.all(replaced.map((blob) => this.blobs.remove(blob)));
    this.emit(object.bucket, () => objectCreatedEvent(this.events, object, reason, context));
    return publicMeta(object);
  }

  private emit(bucket: string, build: () => S3EventBridgeEvent): void {
    const listener = this.options.onEvent;
    if (!listener || !this.index.getBucket(bucket)?.eventBridge) return;
    try {
      listener(build());
    } catch (error) {
      // The object is already committed; a failing subscriber must not turn the write into an error.
      console.error('object store event listener failed', error);
    }
  }
}

function assertKey(key: string): void {
  if (key.length === 0) throw new S3Error('InvalidArgument', 'Object key must not be empty');
  if (Buffer.byteLength(key) > 1024) {
    throw new S3Error('KeyTooLongError', 'Your key is too long', key);
  }
}

function openObject(meta: ObjectMeta, handle: FileHandle): OpenObject {
  let streamed = false;
  return {
    meta,
    stream(range) {
      streamed = true;
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },
    async close() {
      if (!streamed) await handle.close();
    },
  };
}
