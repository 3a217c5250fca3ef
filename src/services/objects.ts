/**
 * The object store as a task handler sees it: S3 on AWS, the local object store on one machine.
 * Both raise the errors of `./errors` ({@link ObjectNotFound}, {@link AccessDenied}), never an SDK's
 * or the engine's own error classes, so a handler's error handling is the same on both hosts.
 */
import type { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';

/** An object in the object store; payloads that point at objects use this schema. */
export const ObjectRef = Type.Object(
  { bucket: Type.String({ minLength: 3 }), key: Type.String({ minLength: 1 }) },
  { additionalProperties: false, description: 'An object in the object store (S3).' },
);
export type ObjectRef = Static<typeof ObjectRef>;

export interface ObjectService {
  getText(ref: ObjectRef): Promise<string>;
  getBytes(ref: ObjectRef): Promise<Buffer>;
  /** The object's body as a stream, for objects too big to hold in memory. */
  getStream(ref: ObjectRef): Promise<Readable>;
  putText(ref: ObjectRef, text: string, contentType?: string): Promise<void>;
  /** Writes a body of any size: bytes, or a stream read to its end. */
  put(ref: ObjectRef, body: Buffer | Readable, contentType?: string): Promise<void>;
  /**
   * Runs `work` with the object in a local file (programs such as ffmpeg want a path), and removes
   * the file when `work` settles. The file is the handler's to read, not to keep.
   */
  withLocalFile<T>(ref: ObjectRef, work: (path: string) => Promise<T>): Promise<T>;
  /** The object's current ETag, without reading it (for caching immutable artefacts). */
  etag(ref: ObjectRef): Promise<string>;
  /** Keys under `prefix`, in key order. */
  listKeys(bucket: string, prefix: string): Promise<string[]>;
}
